package io.quiver.storage.backup;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rebuilds a store from a backup directory: the full backup, then the logged transactions after it in
 * commit order, up to an optional point in time. The caller opens a new, empty store for it.
 */
public final class Restore {
    private final Path directory;
    private final BackupManifest manifest;
    private final Long untilMicros;
    private final Path target;
    private final boolean targetExisted;

    private Restore(Path directory, BackupManifest manifest, Long untilMicros, Path target) {
        this.directory = directory;
        this.manifest = manifest;
        this.untilMicros = untilMicros;
        this.target = target;
        this.targetExisted = Files.exists(target);
    }

    /**
     * Checks what can be checked before anything is written: the backup's manifest, the target time and
     * that the target data directory is new or empty.
     *
     * @param untilMicros replay only transactions committed at or before this time; null for all
     */
    public static Restore prepare(Path backupDirectory, Path dataDirectory, Long untilMicros) {
        if (!Files.isDirectory(backupDirectory)) {
            throw new QuiverException(SqlState.UNDEFINED_FILE, "could not open backup directory \""
                    + backupDirectory + "\": No such file or directory");
        }
        BackupManifest manifest = BackupManifest.read(backupDirectory);
        if (untilMicros != null && untilMicros < manifest.baseMicros()) {
            throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "recovery target time "
                    + Timestamps.format(untilMicros) + " is before the full backup, taken at "
                    + Timestamps.format(manifest.baseMicros()), null,
                    "A full backup can only be restored to its own time or later.", 0, null);
        }
        if (!isEmptyOrMissing(dataDirectory)) {
            throw new QuiverException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "data directory \"" + dataDirectory
                    + "\" is not empty", null, "Restore into a new or empty directory.", 0, null);
        }
        return new Restore(backupDirectory, manifest, untilMicros, dataDirectory);
    }

    /** Writes the backup into {@code target}, a store opened on the empty data directory. */
    public RestoreReport into(ChangeApplier target) {
        BaseDump.read(directory, manifest, target::apply);
        long[] replayed = {0, manifest.baseLsn(), manifest.baseMicros()};
        long expected = manifest.baseLsn() + 1;
        List<Path> segments = SegmentFile.list(directory.resolve(ChangeLog.DIRECTORY));
        for (Path segment : segments) {
            long first = SegmentFile.firstLsn(segment);
            if (first > expected) {
                throw Failures.corrupted(directory, "change-log records " + expected + " to " + (first - 1)
                        + " are missing (the next file is \"" + segment.getFileName() + "\")");
            }
            SegmentFile.Scan scan = SegmentFile.read(segment, manifest.logId(), first, false, record -> {
                boolean wanted = record.lsn() > manifest.baseLsn() && record.lsn() <= manifest.lastLsn()
                        && (untilMicros == null || record.commitMicros() <= untilMicros);
                if (wanted && record.lsn() == replayed[1] + 1) {
                    target.apply(record.changes());
                    replayed[0]++;
                    replayed[1] = record.lsn();
                    replayed[2] = record.commitMicros();
                }
            });
            expected = Math.max(expected, scan.lastLsn() + 1);
        }
        if (expected <= manifest.lastLsn()) {
            throw Failures.corrupted(directory, "its change log ends at LSN " + (expected - 1) + " but "
                    + BackupManifest.FILE_NAME + " says it reaches LSN " + manifest.lastLsn());
        }
        return new RestoreReport(manifest.baseMicros(), replayed[0], replayed[1], replayed[2], manifest.lastMicros());
    }

    /** After a failed restore: removes what it wrote, and the data directory too if the restore created it. */
    public void removeRestoredFiles() {
        try (Stream<Path> files = Files.walk(target)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!targetExisted || !file.equals(target)) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw Failures.io("could not remove the partly restored files in \"" + target + "\"", e);
        }
    }

    private static boolean isEmptyOrMissing(Path directory) {
        if (!Files.exists(directory)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw Failures.io("could not open directory \"" + directory + "\"", e);
        }
    }
}

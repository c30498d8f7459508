package io.quiver.storage.backup;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.h2.engine.IsolationLevel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.value.VersionedValue;

/**
 * A backup of a running store into a directory on the server: a full backup when the directory is new or
 * empty, an incremental one (the change log since the previous backup) when it holds a backup of this
 * store's log. Writes go on meanwhile; the backup is exactly the transactions committed before its cut.
 */
public final class OnlineBackup {
    private final ChangeLog log;
    private final ChangeApplier maps;
    private final TransactionStore transactions;
    private final MVMap<String, Long> sequences;
    private final Runnable awaitDurable;

    /** @param awaitDurable returns once everything committed so far, and the cut's bookkeeping, is on disk */
    public OnlineBackup(ChangeLog log, ChangeApplier maps, TransactionStore transactions, MVMap<String, Long> sequences,
                        Runnable awaitDurable) {
        this.log = log;
        this.maps = maps;
        this.transactions = transactions;
        this.sequences = sequences;
        this.awaitDurable = awaitDurable;
    }

    public BackupReport run(Path directory) {
        Path target = directory.toAbsolutePath().normalize();
        return prepare(target) ? incremental(target) : full(target);
    }

    /** True when the directory holds a backup to continue; creates it when missing; refuses other contents. */
    private static boolean prepare(Path directory) {
        if (BackupManifest.exists(directory)) {
            return true;
        }
        try {
            Files.createDirectories(directory);
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new QuiverException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "directory \"" + directory
                            + "\" is not empty and holds no Quiver backup", null,
                            "Back up into a new or empty directory, or into one that holds an earlier backup of this server.",
                            0, null);
                }
            }
            Path probe = Files.createTempFile(directory, "probe", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw Failures.io("could not create backup directory \"" + directory + "\"", e);
        }
        return false;
    }

    private BackupReport full(Path directory) {
        Transaction[] snapshot = new Transaction[1];
        List<MVMap<Object, VersionedValue<Object>>> all = new ArrayList<>();
        Map<String, Long> sequenceValues = new HashMap<>();
        ChangeLog.Cut cut = log.cut(() -> {
            all.addAll(maps.openAllMaps());
            sequenceValues.putAll(sequences);
            snapshot[0] = snapshotOf(all);
        });
        long bytes;
        try {
            bytes = BaseDump.write(directory, cut, snapshot[0], all, sequenceValues);
        } finally {
            snapshot[0].rollback();
        }
        new BackupManifest(cut.logId(), cut.lsn(), cut.micros(), cut.lsn(), cut.micros()).write(directory);
        finish(cut);
        return new BackupReport("full", cut.lsn(), cut.micros(), 2, bytes);
    }

    private BackupReport incremental(Path directory) {
        BackupManifest manifest = BackupManifest.read(directory);
        ChangeLog.Cut cut = log.cut(() -> { });
        if (!cut.logId().equals(manifest.logId())) {
            throw new QuiverException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "the backup in \"" + directory
                    + "\" is not of this server's current change log", null,
                    "Take a new full backup into an empty directory.", 0, null);
        }
        List<Path> needed = cut.segments().stream()
                .filter(segment -> lastLsnOf(segment, cut) > manifest.lastLsn()).toList();
        long firstAvailable = needed.isEmpty() ? cut.lsn() + 1 : SegmentFile.firstLsn(needed.getFirst());
        if (cut.lsn() > manifest.lastLsn() && firstAvailable > manifest.lastLsn() + 1) {
            throw new QuiverException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "the change log after LSN "
                    + manifest.lastLsn() + " (the end of the backup in \"" + directory + "\") is no longer on the server",
                    "A backup into another directory has taken it.", "Take a new full backup into an empty directory.",
                    0, null);
        }
        long bytes = 0;
        Path logDirectory = directory.resolve(ChangeLog.DIRECTORY);
        for (Path segment : needed) {
            Path copy = logDirectory.resolve(segment.getFileName());
            DurableFiles.copyAtomically(segment, copy);
            bytes += sizeOf(copy);
        }
        manifest.extendedTo(cut.lsn(), cut.micros()).write(directory);
        finish(cut);
        return new BackupReport("incremental", cut.lsn(), cut.micros(), needed.size() + 1, bytes);
    }

    /** Once the backup is durable, the log it copied can go. */
    private void finish(ChangeLog.Cut cut) {
        awaitDurable.run();
        log.release(cut);
    }

    /** A segment's records end where the next one's begin; the newest closed one ends at the cut. */
    private static long lastLsnOf(Path segment, ChangeLog.Cut cut) {
        List<Path> segments = cut.segments();
        int i = segments.indexOf(segment);
        return i + 1 < segments.size() ? SegmentFile.firstLsn(segments.get(i + 1)) - 1 : cut.lsn();
    }

    private Transaction snapshotOf(List<MVMap<Object, VersionedValue<Object>>> all) {
        Transaction tx = transactions.begin((map, key, existing, restored) -> { }, 0, 0, IsolationLevel.SNAPSHOT);
        tx.markStatementStart(new HashSet<>(all));
        tx.markStatementEnd();
        return tx;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw Failures.io("could not stat file \"" + file + "\"", e);
        }
    }
}

package io.quiver.server;

import io.quiver.common.error.QuiverException;
import io.quiver.storage.StorageEngine;
import io.quiver.storage.backup.RestoreReport;
import io.quiver.storage.backup.Timestamps;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code quiver restore --from DIR --data-dir D [--until TIMESTAMP]}: rebuilds a data directory from a backup
 * while no server runs on it. Vector indexes are rebuilt from the restored rows on their first use.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Rebuild a new data directory from a backup made by 'quiver backup' (no server runs on it).",
                "With --until, only the transactions committed at or before that time are restored."})
final class RestoreCli implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "DIR", description = "Backup directory.")
    Path backup;

    @Option(names = "--data-dir", required = true, paramLabel = "DIR", description = "New or empty data directory to create.")
    Path dataDirectory;

    @Option(names = "--until", paramLabel = "TIMESTAMP",
            description = "Point in time, as PostgreSQL prints a timestamptz (e.g. '2025-06-01 12:00:00.123456+00'); "
                    + "without a time zone it is UTC, the server's TimeZone.")
    String until;

    @Override
    public Integer call() {
        try {
            Long untilMicros = until == null ? null : RecoveryTarget.parseMicros(until);
            RestoreReport report = StorageEngine.restore(backup.toAbsolutePath().normalize(),
                    dataDirectory.toAbsolutePath().normalize(), untilMicros);
            System.out.printf("quiver restore: restored %s from %s: full backup of %s plus %d transactions, "
                            + "up to %s (LSN %d); the backup reaches %s%n", dataDirectory, backup,
                    Timestamps.format(report.baseMicros()), report.transactions(), Timestamps.format(report.lastMicros()),
                    report.lastLsn(), Timestamps.format(report.backupEndMicros()));
            return 0;
        } catch (QuiverException e) {
            System.err.println("quiver restore: " + FatalErrors.describe(e));
            return 1;
        }
    }
}

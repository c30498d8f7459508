package io.quiver.storage.backup;

/**
 * What a restore did.
 *
 * @param baseMicros when the full backup was taken
 * @param transactions how many logged transactions were replayed on top of it
 * @param lastLsn the LSN of the last one replayed (the full backup's when none was)
 * @param lastMicros the commit time of the last one replayed (the full backup's time when none was)
 * @param backupEndMicros when the newest backup in the directory was taken
 */
public record RestoreReport(long baseMicros, long transactions, long lastLsn, long lastMicros, long backupEndMicros) {
}

package io.quiver.storage.backup;

/**
 * What a backup did.
 *
 * @param kind "full" or "incremental"
 * @param lsn the change-log position the backup directory now reaches
 * @param micros the backup's point in time: it holds every transaction committed up to it, none after
 * @param files the files written
 * @param bytes their size
 */
public record BackupReport(String kind, long lsn, long micros, int files, long bytes) {
}

package io.quiver.sql.utility;

/** {@code BACKUP TO 'directory'}: Quiver's online backup into a directory on the server. */
public record Backup(String directory) implements UtilityStatement {
}

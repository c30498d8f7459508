package io.quiver.sql.utility;

/** {@code ALTER TABLE [IF EXISTS] name RENAME TO newName}. */
public record RenameTable(QualifiedName table, boolean ifExists, String newName) implements UtilityStatement {
}

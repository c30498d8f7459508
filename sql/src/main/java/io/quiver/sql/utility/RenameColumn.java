package io.quiver.sql.utility;

/** {@code ALTER TABLE [IF EXISTS] name RENAME [COLUMN] column TO newName}. */
public record RenameColumn(QualifiedName table, boolean ifExists, String column, String newName)
        implements UtilityStatement {
}

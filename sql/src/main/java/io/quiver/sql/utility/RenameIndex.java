package io.quiver.sql.utility;

/** {@code ALTER INDEX [IF EXISTS] name RENAME TO newName}. */
public record RenameIndex(QualifiedName index, boolean ifExists, String newName) implements UtilityStatement {
}

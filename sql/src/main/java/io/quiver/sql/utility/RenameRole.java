package io.quiver.sql.utility;

/** {@code ALTER ROLE|USER role RENAME TO newName}. */
public record RenameRole(RoleSpec role, String newName) implements UtilityStatement {
}

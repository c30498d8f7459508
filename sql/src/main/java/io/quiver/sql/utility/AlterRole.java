package io.quiver.sql.utility;

/** {@code ALTER ROLE|USER role [WITH] option ...}. */
public record AlterRole(RoleSpec role, RoleOptions options) implements UtilityStatement {
}

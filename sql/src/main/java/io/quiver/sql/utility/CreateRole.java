package io.quiver.sql.utility;

/** {@code CREATE ROLE|USER name [WITH] option ...}; {@code user} is CREATE USER, which implies LOGIN. */
public record CreateRole(String name, boolean user, RoleOptions options) implements UtilityStatement {
}

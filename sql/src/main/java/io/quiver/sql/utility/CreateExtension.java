package io.quiver.sql.utility;

/** {@code CREATE EXTENSION [IF NOT EXISTS] name [WITH] [SCHEMA schema]}; {@code schema} is null when absent. */
public record CreateExtension(String name, boolean ifNotExists, String schema) implements UtilityStatement {
}

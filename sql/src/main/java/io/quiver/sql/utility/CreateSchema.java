package io.quiver.sql.utility;

/** {@code CREATE SCHEMA [IF NOT EXISTS] name}. */
public record CreateSchema(String name, boolean ifNotExists) implements UtilityStatement {
}

package io.quiver.sql.utility;

/** {@code SAVEPOINT name}. */
public record Savepoint(String name) implements UtilityStatement {
}

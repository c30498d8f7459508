package io.quiver.sql.utility;

/** {@code RELEASE [SAVEPOINT] name}. */
public record ReleaseSavepoint(String name) implements UtilityStatement {
}

package io.quiver.sql.utility;

/** {@code ROLLBACK} or {@code ABORT}, with or without WORK / TRANSACTION. */
public record Rollback() implements UtilityStatement {
}

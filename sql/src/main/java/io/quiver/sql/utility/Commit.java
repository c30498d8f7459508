package io.quiver.sql.utility;

/** {@code COMMIT} or {@code END}, with or without WORK / TRANSACTION. */
public record Commit() implements UtilityStatement {
}

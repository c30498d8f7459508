package io.quiver.sql.utility;

/** {@code CHECKPOINT}. */
public record Checkpoint() implements UtilityStatement {
}

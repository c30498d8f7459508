package io.quiver.sql.utility;

/** {@code DISCARD {ALL | PLANS | SEQUENCES | TEMP | TEMPORARY}}. */
public record Discard(Target target) implements UtilityStatement {

    public enum Target { ALL, PLANS, SEQUENCES, TEMP }
}

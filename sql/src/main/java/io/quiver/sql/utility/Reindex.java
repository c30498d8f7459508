package io.quiver.sql.utility;

/** {@code REINDEX {INDEX | TABLE} [CONCURRENTLY] name}. */
public record Reindex(Kind kind, QualifiedName name, boolean concurrently) implements UtilityStatement {

    public enum Kind { INDEX, TABLE }
}

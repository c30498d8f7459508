package io.quiver.sql.utility;

import java.util.List;

/** {@code ANALYZE [VERBOSE] [table [, ...]]}; no tables means every table. */
public record Analyze(List<QualifiedName> tables) implements UtilityStatement {
    public Analyze {
        tables = List.copyOf(tables);
    }
}

package io.quiver.sql.utility;

import java.util.List;

/**
 * {@code VACUUM [FULL] [FREEZE] [VERBOSE] [ANALYZE] [table [, ...]]} or {@code VACUUM (option [value], ...)
 * [table [, ...]]}; no tables means every table. Options without an effect in Quiver are accepted and dropped.
 */
public record Vacuum(List<QualifiedName> tables, boolean full, boolean analyze, boolean verbose) implements UtilityStatement {
    public Vacuum {
        tables = List.copyOf(tables);
    }

    public Vacuum(List<QualifiedName> tables, boolean full, boolean analyze) {
        this(tables, full, analyze, false);
    }
}

package io.quiver.sql.utility;

import java.util.List;

/** {@code DROP INDEX [CONCURRENTLY] [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. */
public record DropIndex(List<QualifiedName> names, boolean ifExists, boolean concurrently, boolean cascade)
        implements UtilityStatement {
    public DropIndex {
        names = List.copyOf(names);
    }
}

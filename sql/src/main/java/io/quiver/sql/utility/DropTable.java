package io.quiver.sql.utility;

import java.util.List;

/** {@code DROP TABLE [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. */
public record DropTable(List<QualifiedName> names, boolean ifExists, boolean cascade) implements UtilityStatement {
    public DropTable {
        names = List.copyOf(names);
    }
}

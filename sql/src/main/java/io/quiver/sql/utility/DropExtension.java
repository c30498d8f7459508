package io.quiver.sql.utility;

import java.util.List;

/** {@code DROP EXTENSION [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. */
public record DropExtension(List<String> names, boolean ifExists, boolean cascade) implements UtilityStatement {
    public DropExtension {
        names = List.copyOf(names);
    }
}

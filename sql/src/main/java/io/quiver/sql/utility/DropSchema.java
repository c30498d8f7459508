package io.quiver.sql.utility;

import java.util.List;

/** {@code DROP SCHEMA [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. */
public record DropSchema(List<String> names, boolean ifExists, boolean cascade) implements UtilityStatement {
    public DropSchema {
        names = List.copyOf(names);
    }
}

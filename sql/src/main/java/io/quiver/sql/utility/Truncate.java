package io.quiver.sql.utility;

import java.util.List;

/** {@code TRUNCATE [TABLE] name [, ...] [RESTART IDENTITY | CONTINUE IDENTITY] [CASCADE | RESTRICT]}. */
public record Truncate(List<QualifiedName> tables, boolean restartIdentity, boolean cascade)
        implements UtilityStatement {
    public Truncate {
        tables = List.copyOf(tables);
    }
}

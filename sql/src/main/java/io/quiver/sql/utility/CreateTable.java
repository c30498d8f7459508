package io.quiver.sql.utility;

import java.util.List;

/** {@code CREATE TABLE [IF NOT EXISTS] name (columns and constraints)}. */
public record CreateTable(QualifiedName name, boolean ifNotExists, List<ColumnDefinition> columns,
                          List<TableConstraint> constraints) implements UtilityStatement {
    public CreateTable {
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
    }
}

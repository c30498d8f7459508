package io.quiver.sql.utility;

import java.util.List;

/**
 * {@code ALTER TABLE [IF EXISTS] [ONLY] name action [, ...]}: the actions run in order, all or none.
 *
 * @param ifExists whether a missing table is a notice rather than an error
 */
public record AlterTable(QualifiedName table, boolean ifExists, List<Action> actions) implements UtilityStatement {
    public AlterTable {
        actions = List.copyOf(actions);
    }

    /** One action of ALTER TABLE. */
    public sealed interface Action permits AddColumn, DropColumn, SetNotNull, SetDefault {
    }

    /** {@code ADD [COLUMN] [IF NOT EXISTS] column}. */
    public record AddColumn(ColumnDefinition column, boolean ifNotExists) implements Action {
    }

    /** {@code DROP [COLUMN] [IF EXISTS] name [CASCADE | RESTRICT]}. */
    public record DropColumn(String column, boolean ifExists, boolean cascade) implements Action {
    }

    /** {@code ALTER [COLUMN] name {SET | DROP} NOT NULL}. */
    public record SetNotNull(String column, boolean notNull) implements Action {
    }

    /** {@code ALTER [COLUMN] name SET DEFAULT expression} ({@code defaultSql} as written) or {@code DROP DEFAULT} (null). */
    public record SetDefault(String column, String defaultSql) implements Action {
    }
}

package io.quiver.executor.ddl;

import io.quiver.catalog.ColumnDefinition;
import io.quiver.catalog.IndexDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.executor.api.Notice;
import io.quiver.executor.dml.ColumnDefaults;
import io.quiver.executor.plan.PlanEnvironment;
import io.quiver.executor.schema.TableStorageResolver;
import io.quiver.executor.session.ExecutionContext;
import io.quiver.executor.security.TablePermissions;
import io.quiver.executor.session.QuiverSession;
import io.quiver.executor.session.SearchPath;
import io.quiver.executor.statement.StatementResult;
import io.quiver.executor.vector.VectorIndexes;
import io.quiver.sql.utility.AlterTable;
import io.quiver.sql.utility.QualifiedName;
import io.quiver.sql.utility.RenameColumn;
import io.quiver.sql.utility.RenameTable;
import io.quiver.storage.RowCursor;
import io.quiver.storage.TableAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * ALTER TABLE: columns added, dropped, renamed, their NOT NULL and DEFAULT changed, the table renamed. Each
 * statement is one new version of the table's definition, transactional like all DDL. Stored rows are not
 * rewritten (see {@link io.quiver.storage.codec.RowLayout}) except to give existing rows a volatile default
 * (a serial column, {@code DEFAULT random()}), which PostgreSQL computes per row too.
 */
final class AlterTableCommands {
    private final SearchPath searchPath;
    private final TableStorageResolver storage;
    private final VectorIndexes vectorIndexes;
    private final Supplier<PlanEnvironment> planEnvironment;
    private final QuiverSession session;

    AlterTableCommands(SearchPath searchPath, TableStorageResolver storage, VectorIndexes vectorIndexes,
                       Supplier<PlanEnvironment> planEnvironment, QuiverSession session) {
        this.session = session;
        this.searchPath = searchPath;
        this.storage = storage;
        this.vectorIndexes = vectorIndexes;
        this.planEnvironment = planEnvironment;
    }

    StatementResult alter(AlterTable alter, ExecutionContext ctx) {
        TableDefinition table = find(alter.table(), alter.ifExists(), ctx);
        if (table == null) {
            return skipped(alter.table());
        }
        List<Notice> notices = new ArrayList<>();
        for (AlterTable.Action action : alter.actions()) {
            // Each action sees the ones before it (a volatile default's sequence, say), as in PostgreSQL.
            TableDefinition current = ctx.catalogView().table(table.qualifiedName());
            TableDefinition altered = switch (action) {
                case AlterTable.AddColumn add -> addColumn(current, add, notices, ctx);
                case AlterTable.DropColumn drop -> dropColumn(current, drop, notices, ctx);
                case AlterTable.SetNotNull set -> setNotNull(current, set, ctx);
                case AlterTable.SetDefault set -> setDefault(current, set);
            };
            if (altered != current) {
                ctx.catalog().replaceTable(altered);
            }
        }
        return StatementResult.command("ALTER TABLE", notices);
    }

    StatementResult renameTable(RenameTable rename, ExecutionContext ctx) {
        TableDefinition table = find(rename.table(), rename.ifExists(), ctx);
        if (table == null) {
            return skipped(rename.table());
        }
        ctx.catalog().renameTable(table, rename.newName());
        return StatementResult.command("ALTER TABLE");
    }

    StatementResult renameColumn(RenameColumn rename, ExecutionContext ctx) {
        TableDefinition table = find(rename.table(), rename.ifExists(), ctx);
        if (table == null) {
            return skipped(rename.table());
        }
        int column = table.columnIndex(rename.column());
        if (column < 0) {
            throw QuiverException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" does not exist", rename.column());
        }
        checkColumnNameFree(table, rename.newName());
        ctx.catalog().replaceTable(table.withColumnChanged(column, c -> c.withName(rename.newName())));
        return StatementResult.command("ALTER TABLE");
    }

    private TableDefinition find(QualifiedName name, boolean ifExists, ExecutionContext ctx) {
        TableDefinition table = searchPath.findTable(ctx.catalogView(), name.schema(), name.name());
        if (table == null && !ifExists) {
            throw QuiverException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", name);
        }
        if (table != null) {
            TablePermissions.requireOwner(session, ctx.catalogView(), table);
        }
        return table;
    }

    private static StatementResult skipped(QualifiedName name) {
        return StatementResult.command("ALTER TABLE", List.of(Notice.notice(SqlState.SUCCESSFUL_COMPLETION,
                "relation \"" + name + "\" does not exist, skipping")));
    }

    private TableDefinition addColumn(TableDefinition table, AlterTable.AddColumn add, List<Notice> notices,
                                      ExecutionContext ctx) {
        io.quiver.sql.utility.ColumnDefinition given = add.column();
        if (table.columnIndex(given.name()) >= 0) {
            if (add.ifNotExists()) {
                notices.add(Notice.notice(SqlState.DUPLICATE_COLUMN, "column \"" + given.name() + "\" of relation \""
                        + table.name() + "\" already exists, skipping"));
                return table;
            }
            checkColumnNameFree(table, given.name());
        }
        if (given.primaryKey() || given.unique()) {
            throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED,
                    "ADD COLUMN with a PRIMARY KEY or UNIQUE constraint is not supported yet");
        }
        ColumnDefinition column = CreateTableCommand.column(table.name(), given);
        TableDefinition added = table.withColumn(column);
        int index = added.columns().size() - 1;
        TableAccess rows = ctx.storage().access(storage.storageOf(added));
        if (column.defaultSql() == null) {
            if (column.notNull() && hasRows(rows)) {
                throw containsNulls(table, column.name());
            }
            return added;
        }
        if (!ColumnDefaults.isVolatile(column)) {
            // evaluated once, kept in the catalog: no row is rewritten (PostgreSQL's "fast default")
            Object value = ColumnDefaults.compile(planEnvironment.get(), added, index).next();
            return added.withColumnChanged(index, c -> c.withMissingValue(value));
        }
        // The default may name what the column brings along (a serial's sequence): the column exists first.
        ctx.catalog().replaceTable(added);
        added = ctx.catalogView().table(added.qualifiedName());
        ColumnDefaults defaults = ColumnDefaults.compile(planEnvironment.get(), added, index);
        RowCursor cursor = rows.scan();
        List<Long> rowIds = new ArrayList<>();
        List<Object[]> values = new ArrayList<>();
        while (cursor.next()) {
            rowIds.add(cursor.rowId());
            values.add(cursor.row());
        }
        for (int i = 0; i < rowIds.size(); i++) {
            Object[] row = values.get(i);
            row[index] = defaults.next();
            rows.update(rowIds.get(i), row);
        }
        return added;
    }

    private TableDefinition dropColumn(TableDefinition table, AlterTable.DropColumn drop, List<Notice> notices,
                                       ExecutionContext ctx) {
        int index = table.columnIndex(drop.column());
        if (index < 0) {
            if (drop.ifExists()) {
                notices.add(Notice.notice(SqlState.SUCCESSFUL_COMPLETION, "column \"" + drop.column()
                        + "\" of relation \"" + table.name() + "\" does not exist, skipping"));
                return table;
            }
            throw QuiverException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" of relation \"%s\" does not exist",
                    drop.column(), table.name());
        }
        // As in PostgreSQL, the column's indexes go with it.
        for (IndexDefinition dropped : table.indexesOn(index)) {
            ctx.afterCommit(() -> {
                if (dropped.isScalar()) {
                    storage.dropIndex(table, dropped);
                } else {
                    vectorIndexes.drop(table, dropped);
                }
            });
        }
        return table.withoutColumn(index);
    }

    private TableDefinition setNotNull(TableDefinition table, AlterTable.SetNotNull set, ExecutionContext ctx) {
        int index = requireColumn(table, set.column());
        if (!set.notNull()) {
            if (table.primaryKey().contains(index)) {
                throw QuiverException.of(SqlState.INVALID_TABLE_DEFINITION, "column \"%s\" is in a primary key",
                        set.column());
            }
            return table.withColumnChanged(index, c -> c.withNotNull(false));
        }
        RowCursor cursor = ctx.storage().access(storage.storageOf(table)).scan();
        while (cursor.next()) {
            if (cursor.row()[index] == null) {
                throw containsNulls(table, set.column());
            }
        }
        return table.withColumnChanged(index, c -> c.withNotNull(true));
    }

    private TableDefinition setDefault(TableDefinition table, AlterTable.SetDefault set) {
        int index = requireColumn(table, set.column());
        TableDefinition changed = table.withColumnChanged(index, c -> c.withDefault(set.defaultSql()));
        if (set.defaultSql() != null) {
            ColumnDefaults defaults = ColumnDefaults.compile(planEnvironment.get(), changed, index);
            if (!ColumnDefaults.isVolatile(changed.column(index))) {
                defaults.next(); // fails now, as PostgreSQL does, when the value cannot be stored in the column
            }
        }
        return changed;
    }

    private static int requireColumn(TableDefinition table, String column) {
        int index = table.columnIndex(column);
        if (index < 0) {
            throw QuiverException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" of relation \"%s\" does not exist",
                    column, table.name());
        }
        return index;
    }

    private static void checkColumnNameFree(TableDefinition table, String name) {
        if (table.columnIndex(name) >= 0) {
            throw QuiverException.of(SqlState.DUPLICATE_COLUMN, "column \"%s\" of relation \"%s\" already exists",
                    name, table.name());
        }
    }

    private static boolean hasRows(TableAccess rows) {
        return rows.scan().next();
    }

    private static QuiverException containsNulls(TableDefinition table, String column) {
        return QuiverException.of(SqlState.NOT_NULL_VIOLATION, "column \"%s\" of relation \"%s\" contains null values",
                column, table.name());
    }
}

package io.quiver.executor.ddl;

import io.quiver.catalog.CatalogState;
import io.quiver.catalog.ColumnDefinition;
import io.quiver.catalog.QualifiedTableName;
import io.quiver.catalog.SqlType;
import io.quiver.catalog.TableAcl;
import io.quiver.catalog.TableDefinition;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import io.quiver.executor.api.Notice;
import io.quiver.executor.session.ExecutionContext;
import io.quiver.executor.session.SearchPath;
import io.quiver.executor.statement.StatementResult;
import io.quiver.sql.utility.CreateTable;
import io.quiver.sql.utility.TableConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** CREATE TABLE: checks the definition as PostgreSQL does and records it in the catalog. */
public final class CreateTableCommand {
    private CreateTableCommand() {
    }

    public static StatementResult run(CreateTable statement, ExecutionContext context, SearchPath searchPath,
                                      long owner) {
        CatalogState view = context.catalogView();
        String schema = statement.name().schema() != null ? statement.name().schema()
                : searchPath.creationSchema(view);
        String name = statement.name().name();
        if (view.table(new QualifiedTableName(schema, name)) != null && statement.ifNotExists()) {
            return StatementResult.command("CREATE TABLE", List.of(Notice.notice(SqlState.DUPLICATE_TABLE,
                    "relation \"" + name + "\" already exists, skipping")));
        }
        List<String> primaryKeyColumns = new ArrayList<>();
        String primaryKeyName = null;
        List<ColumnDefinition> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (io.quiver.sql.utility.ColumnDefinition column : statement.columns()) {
            if (!seen.add(column.name())) {
                throw QuiverException.of(SqlState.DUPLICATE_COLUMN, "column \"%s\" specified more than once",
                        column.name());
            }
            if (column.primaryKey()) {
                if (!primaryKeyColumns.isEmpty()) {
                    throw multiplePrimaryKeys(name);
                }
                primaryKeyColumns.add(column.name());
            }
            if (column.unique()) {
                throw uniqueNotSupported();
            }
            columns.add(column(name, column));
        }
        for (TableConstraint constraint : statement.constraints()) {
            if (constraint.kind() != TableConstraint.Kind.PRIMARY_KEY) {
                throw uniqueNotSupported();
            }
            if (!primaryKeyColumns.isEmpty()) {
                throw multiplePrimaryKeys(name);
            }
            primaryKeyColumns.addAll(constraint.columns());
            primaryKeyName = constraint.name();
        }
        List<Integer> primaryKey = new ArrayList<>();
        for (String keyColumn : primaryKeyColumns) {
            int index = indexOf(columns, keyColumn);
            if (index < 0) {
                throw QuiverException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" named in key does not exist",
                        keyColumn);
            }
            ColumnDefinition c = columns.get(index);
            columns.set(index, new ColumnDefinition(c.name(), c.type(), true, c.defaultSql(), c.identity()));
            primaryKey.add(index);
        }
        if (!primaryKey.isEmpty() && primaryKeyName == null) {
            primaryKeyName = TableDefinition.derivedName(name, null, "pkey");
        }
        TableDefinition table = new TableDefinition(context.catalog().allocateOid(), schema, name, columns,
                primaryKey, primaryKeyName, null);
        context.catalog().createTable(table);
        context.catalog().setTableAcl(table.oid(), TableAcl.ownedBy(owner));
        return StatementResult.command("CREATE TABLE");
    }

    static ColumnDefinition column(String table, io.quiver.sql.utility.ColumnDefinition column) {
        SqlType type = TypeResolver.resolve(column.type());
        boolean generated = column.type().serial() != io.quiver.sql.utility.TypeName.SerialKind.NONE
                || column.identity() != io.quiver.sql.utility.ColumnDefinition.Identity.NONE;
        if (generated) {
            if (!isInteger(type.type())) {
                throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE,
                        "identity column type must be smallint, integer, or bigint");
            }
            if (column.defaultSql() != null) {
                throw QuiverException.of(SqlState.SYNTAX_ERROR,
                        "multiple default values specified for column \"%s\" of table \"%s\"", column.name(), table);
            }
            String sequence = TableDefinition.derivedName(table, column.name(), "seq");
            return new ColumnDefinition(column.name(), type, true, ColumnDefinition.nextvalDefault(sequence),
                    column.identity() != io.quiver.sql.utility.ColumnDefinition.Identity.NONE);
        }
        return new ColumnDefinition(column.name(), type, column.notNull(), column.defaultSql(), false);
    }

    private static boolean isInteger(PgType type) {
        return type == PgType.INT2 || type == PgType.INT4 || type == PgType.INT8;
    }

    private static int indexOf(List<ColumnDefinition> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static QuiverException multiplePrimaryKeys(String table) {
        return QuiverException.of(SqlState.INVALID_TABLE_DEFINITION,
                "multiple primary keys for table \"%s\" are not allowed", table);
    }

    private static QuiverException uniqueNotSupported() {
        return new QuiverException(SqlState.FEATURE_NOT_SUPPORTED,
                "UNIQUE constraints other than the primary key are not supported yet");
    }
}

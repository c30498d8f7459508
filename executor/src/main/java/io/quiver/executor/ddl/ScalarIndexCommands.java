package io.quiver.executor.ddl;

import io.quiver.catalog.IndexBuildState;
import io.quiver.catalog.IndexDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import io.quiver.executor.schema.TableStorageResolver;
import io.quiver.executor.session.ExecutionContext;
import io.quiver.sql.utility.CreateIndex;
import io.quiver.sql.utility.IndexElement;
import io.quiver.storage.codec.IndexKeyCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * B-tree and hash indexes on scalar columns (CREATE [UNIQUE] INDEX ... USING btree | hash, and the unique
 * constraints of CREATE/ALTER TABLE). Both are stored as one transactional MVStore map per index, ordered by
 * key; a hash index is a B-tree that serves equality only, as PostgreSQL's does. The index is filled from the
 * rows the creating transaction sees, in that transaction, so a rollback takes it away with the catalog entry.
 */
final class ScalarIndexCommands {
    private final TableStorageResolver storage;

    ScalarIndexCommands(TableStorageResolver storage) {
        this.storage = storage;
    }

    /** Checks the statement's keys and access method; the key columns' positions. */
    static List<Integer> keyColumns(TableDefinition table, CreateIndex create, String method) {
        if (create.whereSql() != null) {
            throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED, "partial indexes are not supported yet");
        }
        if (method.equals("hash") && create.elements().size() > 1) {
            throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED,
                    "access method \"hash\" does not support multicolumn indexes");
        }
        if (method.equals("hash") && create.unique()) {
            throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED,
                    "access method \"hash\" does not support unique indexes");
        }
        if (!create.withOptions().isEmpty()) {
            String option = create.withOptions().keySet().iterator().next();
            throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE, "unrecognized parameter \"%s\"", option);
        }
        List<Integer> columns = new ArrayList<>();
        for (IndexElement element : create.elements()) {
            if (element.column() == null) {
                throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED, "indexes on expressions are not supported yet");
            }
            if (element.opclass() != null) {
                throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED,
                        "operator classes on " + method + " indexes are not supported yet");
            }
            int column = table.columnIndex(element.column());
            if (column < 0) {
                throw QuiverException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" does not exist", element.column());
            }
            checkIndexable(table, column, method);
            columns.add(column);
        }
        return columns;
    }

    static void checkIndexable(TableDefinition table, int column, String method) {
        PgType type = table.column(column).type().type();
        if (!IndexKeyCodec.indexable(type)) {
            throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED, "data type "
                    + table.column(column).type().displayName().replaceAll("\\(.*\\)", "")
                    + " is not supported by access method \"" + method + "\" yet");
        }
    }

    /** Adds the index to the catalog and fills it from the rows this transaction sees. */
    void create(TableDefinition table, IndexDefinition index, ExecutionContext ctx) {
        ctx.catalog().createIndex(table, index);
        TableDefinition indexed = table.withIndex(index);
        ctx.afterRollback(() -> storage.dropIndex(table, index));
        ctx.storage().access(storage.storageOf(indexed)).buildIndex(index.oid());
    }

    static IndexDefinition definition(long oid, String name, List<Integer> columns, String method, boolean unique) {
        return new IndexDefinition(oid, name, columns, method, "", Map.of(), IndexBuildState.READY,
                System.currentTimeMillis(), null, unique, null);
    }
}

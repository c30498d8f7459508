package io.quiver.executor.schema;

import io.quiver.catalog.ColumnDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.storage.RowSchema;
import io.quiver.storage.StorageEngine;
import io.quiver.storage.TableStorage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Finds the storage behind a table definition, opening it once per table OID. */
public final class TableStorageResolver {
    private final StorageEngine engine;
    private final ConcurrentMap<Long, TableStorage> opened = new ConcurrentHashMap<>();

    public TableStorageResolver(StorageEngine engine) {
        this.engine = engine;
    }

    public TableStorage storageOf(TableDefinition table) {
        return opened.computeIfAbsent(table.oid(), oid -> engine.table(oid, rowSchema(table)));
    }

    public long estimatedRowCount(TableDefinition table) {
        return storageOf(table).estimatedRowCount();
    }

    /** Frees a dropped table's storage (after the DROP committed). */
    public void drop(TableDefinition table) {
        opened.remove(table.oid());
        engine.dropTable(table.oid());
    }

    public static RowSchema rowSchema(TableDefinition table) {
        return new RowSchema(table.columns().stream().map(c -> c.type().type()).toList(),
                table.primaryKey().stream().mapToInt(Integer::intValue).toArray(), table.primaryKeyName(),
                table.columns().stream().map(ColumnDefinition::name).toList());
    }
}

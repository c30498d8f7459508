package io.quiver.executor.schema;

import io.quiver.catalog.ColumnDefinition;
import io.quiver.catalog.IndexDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.storage.RowSchema;
import io.quiver.storage.SecondaryIndex;
import io.quiver.storage.StorageEngine;
import io.quiver.storage.TableStorage;
import io.quiver.storage.codec.RowLayout;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Finds the storage behind a table definition, opening it once per table OID. */
public final class TableStorageResolver {
    private final StorageEngine engine;
    private final ConcurrentMap<Long, TableStorage> opened = new ConcurrentHashMap<>();

    public TableStorageResolver(StorageEngine engine) {
        this.engine = engine;
    }

    /** The storage as seen with this definition's columns; ALTER TABLE makes a new schema, hence a new one. */
    public TableStorage storageOf(TableDefinition table) {
        RowSchema schema = rowSchema(table);
        TableStorage cached = opened.get(table.oid());
        if (cached != null && cached.schema().equals(schema)) {
            return cached;
        }
        TableStorage current = engine.table(table.oid(), schema);
        opened.put(table.oid(), current);
        return current;
    }

    public long estimatedRowCount(TableDefinition table) {
        return storageOf(table).estimatedRowCount();
    }

    /** Frees a dropped table's storage (after the DROP committed). */
    public void drop(TableDefinition table) {
        opened.remove(table.oid());
        engine.dropTable(table.oid());
    }

    /** Frees a dropped index's storage (after the DROP INDEX committed, or the CREATE INDEX rolled back). */
    public void dropIndex(TableDefinition table, IndexDefinition index) {
        engine.dropSecondaryIndex(table.oid(), index.oid());
    }

    public static RowSchema rowSchema(TableDefinition table) {
        RowLayout layout = new RowLayout(table.slotTypes(),
                table.columns().stream().mapToInt(ColumnDefinition::slot).toArray(),
                table.columns().stream().map(ColumnDefinition::missingValue).toArray());
        return new RowSchema(table.columns().stream().map(c -> c.type().type()).toList(),
                table.primaryKey().stream().mapToInt(Integer::intValue).toArray(), table.primaryKeyName(),
                table.columns().stream().map(ColumnDefinition::name).toList(), layout,
                table.scalarIndexes().stream().map(i -> new SecondaryIndex(i.oid(), i.name(),
                        i.columns().stream().mapToInt(Integer::intValue).toArray(), i.unique())).toList());
    }
}

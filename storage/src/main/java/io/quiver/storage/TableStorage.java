package io.quiver.storage;

import io.quiver.storage.codec.KeyCodec;
import io.quiver.storage.codec.RowCodec;

/** A table's storage as seen with one schema; obtain one from {@link StorageEngine#table}, use it through {@link StorageTransaction#access}. */
public final class TableStorage {
    private final long tableId;
    private final RowSchema schema;
    private final TableMaps maps;
    private final RowCodec rowCodec;
    private final KeyCodec keyCodec;

    TableStorage(long tableId, RowSchema schema, TableMaps maps) {
        this.tableId = tableId;
        this.schema = schema;
        this.maps = maps;
        this.rowCodec = new RowCodec(schema.columnTypes());
        this.keyCodec = schema.hasPrimaryKey() ? new KeyCodec(schema.primaryKeyTypes()) : null;
    }

    public long tableId() {
        return tableId;
    }

    public RowSchema schema() {
        return schema;
    }

    /** Stored row versions, committed or not: a planner's estimate of the table's size, read in O(1). */
    public long estimatedRowCount() {
        return maps.rows().sizeAsLong();
    }

    TableMaps maps() {
        return maps;
    }

    RowCodec rowCodec() {
        return rowCodec;
    }

    /** Null when the table has no primary key. */
    KeyCodec keyCodec() {
        return keyCodec;
    }
}

package io.quiver.storage;

import io.quiver.storage.codec.IndexKeyCodec;
import io.quiver.storage.codec.KeyCodec;
import io.quiver.storage.codec.RowCodec;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.h2.mvstore.Cursor;
import org.h2.value.VersionedValue;

/** A table's storage as seen with one schema; obtain one from {@link StorageEngine#table}, use it through {@link StorageTransaction#access}. */
public final class TableStorage {
    private static final int SIZE_SAMPLE = 100;

    private final long tableId;
    private final RowSchema schema;
    private final TableMaps maps;
    private final RowCodec rowCodec;
    private final KeyCodec keyCodec;
    private final Map<Long, IndexKeyCodec> indexKeyCodecs;

    TableStorage(long tableId, RowSchema schema, TableMaps maps, boolean compressRows) {
        this.tableId = tableId;
        this.schema = schema;
        this.maps = maps;
        this.rowCodec = new RowCodec(schema.layout(), compressRows);
        this.keyCodec = schema.hasPrimaryKey() ? new KeyCodec(schema.primaryKeyTypes()) : null;
        this.indexKeyCodecs = schema.secondaryIndexes().stream().collect(Collectors.toMap(SecondaryIndex::id,
                index -> new IndexKeyCodec(Arrays.stream(index.columns()).mapToObj(schema.columnTypes()::get).toList())));
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

    /**
     * The committed rows' size in bytes as stored (row id and encoded row), estimated from the first
     * {@value #SIZE_SAMPLE} rows: what pg_table_size reports, in O(1).
     */
    public long estimatedBytes() {
        long count = maps.rows().sizeAsLong();
        Cursor<Long, VersionedValue<byte[]>> cursor = maps.rows().cursor(null);
        long sampled = 0;
        long bytes = 0;
        while (sampled < SIZE_SAMPLE && cursor.hasNext()) {
            cursor.next();
            byte[] row = cursor.getValue().getCommittedValue();
            if (row != null) {
                bytes += Long.BYTES + row.length;
                sampled++;
            }
        }
        return sampled == 0 ? 0 : bytes * count / sampled;
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

    IndexKeyCodec indexKeyCodec(long indexId) {
        return indexKeyCodecs.get(indexId);
    }
}

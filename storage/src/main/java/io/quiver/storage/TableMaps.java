package io.quiver.storage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.mvstore.MVMap;
import org.h2.value.VersionedValue;

/**
 * The MVStore maps behind one table: its rows by row id and, when it has a primary key, the key's encoded
 * values to row ids, its secondary indexes' maps by index id, and the table's {@link RowIds}.
 */
final class TableMaps {
    private final MVMap<Long, VersionedValue<byte[]>> rows;
    private final MVMap<byte[], VersionedValue<Long>> primaryKey;
    private final RowIds rowIds;
    private final Map<Long, MVMap<byte[], VersionedValue<Long>>> secondaryIndexes = new ConcurrentHashMap<>();

    TableMaps(MVMap<Long, VersionedValue<byte[]>> rows, MVMap<byte[], VersionedValue<Long>> primaryKey, RowIds rowIds) {
        this.rows = rows;
        this.primaryKey = primaryKey;
        this.rowIds = rowIds;
    }

    MVMap<Long, VersionedValue<byte[]>> rows() {
        return rows;
    }

    /** Null when the table has no primary key. */
    MVMap<byte[], VersionedValue<Long>> primaryKey() {
        return primaryKey;
    }

    /** The maps of the secondary indexes opened so far, by index id. */
    Map<Long, MVMap<byte[], VersionedValue<Long>>> secondaryIndexes() {
        return secondaryIndexes;
    }

    RowIds rowIds() {
        return rowIds;
    }

    long nextRowId() {
        return rowIds.next();
    }

    long lastRowId() {
        return rowIds.last();
    }
}

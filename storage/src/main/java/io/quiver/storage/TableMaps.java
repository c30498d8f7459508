package io.quiver.storage;

import org.h2.mvstore.MVMap;
import org.h2.value.VersionedValue;

/**
 * The MVStore maps behind one table: its rows by row id and, when it has a primary key, the key's encoded
 * values to row ids, and the table's {@link RowIds}.
 */
final class TableMaps {
    private final MVMap<Long, VersionedValue<byte[]>> rows;
    private final MVMap<byte[], VersionedValue<Long>> primaryKey;
    private final RowIds rowIds;

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

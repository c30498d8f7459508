package io.quiver.storage;

import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVMap;
import org.h2.value.VersionedValue;

/**
 * The MVStore maps behind one table: its rows by row id and, when it has a primary key, the key's encoded
 * values to row ids. Row ids are never reused while the engine runs, so concurrent inserts never collide.
 */
final class TableMaps {
    private final MVMap<Long, VersionedValue<byte[]>> rows;
    private final MVMap<byte[], VersionedValue<Long>> primaryKey;
    private final AtomicLong lastRowId;

    TableMaps(MVMap<Long, VersionedValue<byte[]>> rows, MVMap<byte[], VersionedValue<Long>> primaryKey, AtomicLong lastRowId) {
        this.rows = rows;
        this.primaryKey = primaryKey;
        this.lastRowId = lastRowId;
    }

    static AtomicLong rowIdsAfterLastOf(MVMap<Long, ?> rows) {
        Long last = rows.lastKey();
        return new AtomicLong(last == null ? 0 : last);
    }

    MVMap<Long, VersionedValue<byte[]>> rows() {
        return rows;
    }

    /** Null when the table has no primary key. */
    MVMap<byte[], VersionedValue<Long>> primaryKey() {
        return primaryKey;
    }

    AtomicLong lastRowIdCounter() {
        return lastRowId;
    }

    long nextRowId() {
        return lastRowId.incrementAndGet();
    }

    long lastRowId() {
        return lastRowId.get();
    }
}

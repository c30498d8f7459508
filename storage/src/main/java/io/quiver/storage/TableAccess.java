package io.quiver.storage;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.h2.mvstore.tx.TransactionMap;

/**
 * One transaction's view of one table: reads see the transaction's snapshot plus its own writes; writes lock
 * the rows they touch. Updating or deleting a row that another transaction has changed since the snapshot
 * (committed or not) fails with 40001, as PostgreSQL's REPEATABLE READ does.
 */
public final class TableAccess {
    private final TableStorage table;
    private final TransactionMap<Long, byte[]> rows;
    private final TransactionMap<byte[], Long> primaryKey;
    private final List<IndexEntries> secondaryIndexes;
    private final StorageErrors errors;

    TableAccess(TableStorage table, TransactionMap<Long, byte[]> rows, TransactionMap<byte[], Long> primaryKey,
                List<IndexEntries> secondaryIndexes, StorageErrors errors) {
        this.table = table;
        this.rows = rows;
        this.primaryKey = primaryKey;
        this.secondaryIndexes = List.copyOf(secondaryIndexes);
        this.errors = errors;
    }

    public TableStorage table() {
        return table;
    }

    /** Stores a new row and returns its row id; fails with 23505 when its primary key is taken. */
    public long insert(Object[] row) {
        byte[] encoded = table.rowCodec().encode(row);
        long rowId = table.maps().nextRowId();
        if (primaryKey != null) {
            claimPrimaryKey(row, rowId);
        }
        for (IndexEntries index : secondaryIndexes) {
            index.add(row, rowId);
        }
        errors.run(() -> rows.put(rowId, encoded));
        return rowId;
    }

    /** The row as this transaction sees it, or null when it sees no such row. */
    public Object[] get(long rowId) {
        byte[] encoded = errors.call(() -> rows.getFromSnapshot(rowId));
        return encoded == null ? null : table.rowCodec().decode(encoded);
    }

    /** Replaces a row; false when this transaction sees no such row. */
    public boolean update(long rowId, Object[] row) {
        byte[] encoded = table.rowCodec().encode(row);
        Object[] old = lockVisible(rowId);
        if (old == null) {
            return false;
        }
        if (primaryKey != null) {
            byte[] oldKey = keyOf(old);
            if (!Arrays.equals(oldKey, keyOf(row))) {
                errors.run(() -> primaryKey.remove(oldKey));
                claimPrimaryKey(row, rowId);
            }
        }
        for (IndexEntries index : secondaryIndexes) {
            if (index.changes(old, row)) {
                index.remove(old, rowId);
                index.add(row, rowId);
            }
        }
        errors.run(() -> rows.put(rowId, encoded));
        return true;
    }

    /** Deletes a row; false when this transaction sees no such row. */
    public boolean delete(long rowId) {
        Object[] old = lockVisible(rowId);
        if (old == null) {
            return false;
        }
        if (primaryKey != null) {
            byte[] key = keyOf(old);
            errors.run(() -> primaryKey.remove(key));
        }
        for (IndexEntries index : secondaryIndexes) {
            index.remove(old, rowId);
        }
        errors.run(() -> rows.remove(rowId));
        return true;
    }

    /**
     * Every row this transaction sees, in row id order. Rows inserted after the scan began (by this
     * transaction) are not returned, so {@code INSERT INTO t SELECT * FROM t} terminates.
     */
    public RowCursor scan() {
        long last = table.maps().lastRowId();
        return new RowCursor(errors.call(() -> rows.entryIterator(null, last)), table.rowCodec(), errors);
    }

    /**
     * The rows this transaction sees whose entries in the secondary index {@code indexId} lie within
     * {@code bounds}, in index order; the caller checks its predicate on them, which the bounds may only
     * approximate.
     */
    public RowCursor indexScan(long indexId, IndexBounds bounds) {
        return rowsOf(secondaryIndex(indexId).rowIds(bounds));
    }

    /** The row this transaction sees with these primary key values: at most one. */
    public RowCursor primaryKeyLookup(Object[] keyValues) {
        long rowId = lookupPrimaryKey(keyValues);
        return rowsOf(rowId < 0 ? Collections.emptyIterator() : List.of(rowId).iterator());
    }

    /** The rows of these row ids, read from this transaction's snapshot (the ids of visible index entries). */
    private RowCursor rowsOf(Iterator<Long> rowIds) {
        Iterator<Map.Entry<Long, byte[]>> entries = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rowIds.hasNext();
            }

            @Override
            public Map.Entry<Long, byte[]> next() {
                if (!rowIds.hasNext()) {
                    throw new NoSuchElementException();
                }
                long rowId = rowIds.next();
                return Map.entry(rowId, errors.call(() -> rows.getFromSnapshot(rowId)));
            }
        };
        return new RowCursor(entries, table.rowCodec(), errors);
    }

    /** Adds every row this transaction sees to the secondary index {@code indexId} (CREATE INDEX). */
    public void buildIndex(long indexId) {
        IndexEntries index = secondaryIndex(indexId);
        RowCursor cursor = scan();
        while (cursor.next()) {
            index.add(cursor.row(), cursor.rowId());
        }
    }

    private IndexEntries secondaryIndex(long indexId) {
        return secondaryIndexes.stream().filter(i -> i.index().id() == indexId).findFirst()
                .orElseThrow(() -> new IllegalStateException("table " + table.tableId() + " has no index " + indexId));
    }

    /** The row id of the visible row with these primary key values, or -1. */
    public long lookupPrimaryKey(Object[] keyValues) {
        if (primaryKey == null) {
            throw new IllegalStateException("table " + table.tableId() + " has no primary key");
        }
        if (Arrays.asList(keyValues).contains(null)) {
            return -1;
        }
        byte[] key = table.keyCodec().encode(keyValues);
        Long rowId = errors.call(() -> primaryKey.getFromSnapshot(key));
        return rowId == null ? -1 : rowId;
    }

    /** Deletes every row this transaction sees, transactionally: a rollback brings them back. */
    public void truncate() {
        List<Long> visible = new ArrayList<>();
        errors.run(() -> rows.keyIterator(null).forEachRemaining(visible::add));
        for (long rowId : visible) {
            delete(rowId);
        }
    }

    /** The number of stored row versions, including ones other transactions have not committed yet. */
    public long estimatedRowCount() {
        return errors.call(rows::sizeAsLongMax);
    }

    /** Locks a row this transaction sees and returns it; null when it sees no such row. */
    private Object[] lockVisible(long rowId) {
        if (errors.call(() -> rows.getFromSnapshot(rowId)) == null) {
            return null;
        }
        byte[] locked = errors.call(() -> rows.lock(rowId));
        if (locked == null) {
            // Deleted by a transaction that committed after our snapshot.
            throw StorageErrors.serializationFailure(null);
        }
        return table.rowCodec().decode(locked);
    }

    private void claimPrimaryKey(Object[] row, long rowId) {
        Object[] keyValues = table.schema().primaryKeyOf(row);
        for (int i = 0; i < keyValues.length; i++) {
            if (keyValues[i] == null) {
                String column = table.schema().columnNames().get(table.schema().primaryKeyColumns()[i]);
                throw new QuiverException(SqlState.NOT_NULL_VIOLATION,
                        "null value in column \"" + column + "\" violates not-null constraint");
            }
        }
        byte[] key = table.keyCodec().encode(keyValues);
        Long holder = errors.call(() -> primaryKey.putIfAbsent(key, rowId));
        if (holder != null) {
            RowSchema schema = table.schema();
            throw new QuiverException(SqlState.UNIQUE_VIOLATION,
                    "duplicate key value violates unique constraint \"" + schema.primaryKeyName() + "\"",
                    "Key (" + schema.primaryKeyColumnList() + ")=(" + KeyValues.describe(keyValues) + ") already exists.",
                    null, 0, null);
        }
    }

    private byte[] keyOf(Object[] row) {
        return table.keyCodec().encode(table.schema().primaryKeyOf(row));
    }
}

package io.quiver.executor.vector;

import io.quiver.catalog.ColumnDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.index.VectorColumn;
import io.quiver.index.VectorIndex;
import io.quiver.storage.RowCursor;
import io.quiver.storage.StorageEngine;
import io.quiver.storage.StorageTransaction;
import io.quiver.storage.TableStorage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The committed vectors of one table's dimensioned vector columns, and the indexes built over them. Filled
 * from storage on first use, then kept current by {@link #apply} with each committed write. Loading and
 * applying share one lock, and loading takes it before its snapshot: a commit either lands in the snapshot
 * or is applied after the load (possibly both, which is harmless: an append of a known row is an update).
 */
final class TableVectors {
    private final Map<Integer, VectorColumn> columns = new HashMap<>();
    private final Map<Long, VectorIndex> indexes = new ConcurrentHashMap<>();
    private final Map<Long, Integer> indexedColumns = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    /** One committed write: the row's values after it, or null for a delete. */
    record Change(long rowId, Object[] row) {
    }

    synchronized void load(TableDefinition table, StorageEngine storage, TableStorage rows) {
        if (loaded) {
            return;
        }
        List<ColumnDefinition> definitions = table.columns();
        for (int i = 0; i < definitions.size(); i++) {
            int dimensions = definitions.get(i).type().dimensions();
            if (dimensions > 0) {
                columns.put(i, new VectorColumn(dimensions));
            }
        }
        try (StorageTransaction tx = storage.begin()) {
            RowCursor cursor = tx.access(rows).scan();
            while (cursor.next()) {
                append(cursor.rowId(), cursor.row());
            }
            tx.rollback();
        }
        loaded = true;
    }

    boolean loaded() {
        return loaded;
    }

    /** The column's vectors; the table must be loaded. */
    VectorColumn column(int column) {
        return columns.get(column);
    }

    VectorIndex index(long indexOid) {
        return indexes.get(indexOid);
    }

    Map<Long, VectorIndex> indexes() {
        return indexes;
    }

    /** Adds an index, first inserting the rows committed since it began building (inserts are idempotent). */
    synchronized void addIndex(long indexOid, int column, VectorIndex index) {
        VectorColumn vectors = columns.get(column);
        for (int slot = 0; slot < vectors.size(); slot++) {
            if (vectors.isLive(slot)) {
                index.insert(slot);
            }
        }
        indexedColumns.put(indexOid, column);
        indexes.put(indexOid, index);
    }

    /** Adds an index unless the table has one by that oid already, which is then returned instead. */
    synchronized VectorIndex addIndexIfAbsent(long indexOid, int column, VectorIndex index) {
        VectorIndex present = indexes.get(indexOid);
        if (present != null) {
            return present;
        }
        addIndex(indexOid, column, index);
        return index;
    }

    /** Adds an index in place of the one by that oid, which is returned (null when there was none). */
    synchronized VectorIndex replaceIndex(long indexOid, int column, VectorIndex index) {
        VectorIndex replaced = indexes.get(indexOid);
        addIndex(indexOid, column, index);
        return replaced;
    }

    VectorIndex removeIndex(long indexOid) {
        indexedColumns.remove(indexOid);
        return indexes.remove(indexOid);
    }

    /** Removes the index by that oid if it is {@code index}. */
    synchronized void removeIndex(long indexOid, VectorIndex index) {
        if (indexes.remove(indexOid, index)) {
            indexedColumns.remove(indexOid);
        }
    }

    /** Applies one transaction's committed writes to the columns and their indexes (nothing before loading). */
    synchronized void apply(List<Change> changes) {
        if (!loaded) {
            return;
        }
        for (Change change : changes) {
            for (Map.Entry<Integer, VectorColumn> entry : columns.entrySet()) {
                VectorColumn vectors = entry.getValue();
                int old = vectors.slotOf(change.rowId());
                int added = change.row() == null ? -1 : appendOne(vectors, change.rowId(), change.row()[entry.getKey()]);
                if (old >= 0 && added < 0) {
                    vectors.deleteSlot(old);
                }
                for (Map.Entry<Long, VectorIndex> index : indexes.entrySet()) {
                    if (!entry.getKey().equals(indexedColumns.get(index.getKey()))) {
                        continue;
                    }
                    if (old >= 0) {
                        index.getValue().delete(old);
                    }
                    if (added >= 0) {
                        index.getValue().insert(added);
                    }
                }
            }
        }
    }

    private void append(long rowId, Object[] row) {
        columns.forEach((column, vectors) -> appendOne(vectors, rowId, row[column]));
    }

    /** Stores a row's vector (replacing its previous one); -1 when the value is NULL. */
    private static int appendOne(VectorColumn vectors, long rowId, Object value) {
        return value instanceof float[] vector ? vectors.append(rowId, vector) : -1;
    }
}

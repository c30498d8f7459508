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
 * The committed vectors of one table's dimensioned vector columns, and the indexes built over them, by the
 * columns' storage slots (which, unlike column positions, never change with ALTER TABLE). Filled
 * from storage on first use, then kept current by {@link #apply} with each committed write. Loading and
 * applying share one lock, and loading takes it before its snapshot: a commit either lands in the snapshot
 * or is applied after the load (possibly both, which is harmless: an append of a known row is an update).
 */
final class TableVectors {
    private final Map<Integer, VectorColumn> columns = new ConcurrentHashMap<>();
    private final Map<Long, VectorIndex> indexes = new ConcurrentHashMap<>();
    private final Map<Long, Integer> indexedColumns = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    /** One committed write: the row's values after it by slot ({@link #bySlot}), or null for a delete. */
    record Change(long rowId, Object[] row) {
    }

    /** A row's values (in column order) placed in their columns' slots. */
    static Object[] bySlot(TableDefinition table, Object[] row) {
        List<ColumnDefinition> definitions = table.columns();
        Object[] slots = new Object[table.slotTypes().size()];
        for (int i = 0; i < definitions.size(); i++) {
            slots[definitions.get(i).slot()] = row[i];
        }
        return slots;
    }

    /** Reads the vectors of the table's dimensioned columns not read yet: all of them, or one added since. */
    synchronized void load(TableDefinition table, StorageEngine storage, TableStorage rows) {
        Map<Integer, VectorColumn> added = new HashMap<>();
        for (ColumnDefinition definition : table.columns()) {
            int dimensions = definition.type().dimensions();
            if (dimensions > 0 && !columns.containsKey(definition.slot())) {
                added.put(definition.slot(), new VectorColumn(dimensions));
            }
        }
        if (!added.isEmpty()) {
            try (StorageTransaction tx = storage.begin()) {
                RowCursor cursor = tx.access(rows).scan();
                while (cursor.next()) {
                    Object[] slots = bySlot(table, cursor.row());
                    added.forEach((slot, vectors) -> appendOne(vectors, cursor.rowId(), slots[slot]));
                }
                tx.rollback();
            }
            columns.putAll(added);
        }
        loaded = true;
    }

    /** Whether the vectors of every dimensioned column of {@code table} are read. */
    boolean loaded(TableDefinition table) {
        return loaded && table.columns().stream()
                .allMatch(c -> c.type().dimensions() <= 0 || columns.containsKey(c.slot()));
    }

    /** The column's vectors; the table must be loaded. */
    VectorColumn column(int column) {
        return columns.get(column);
    }

    synchronized long deletedEntries() {
        return columns.values().stream().mapToLong(c -> c.size() - c.liveCount()).sum();
    }

    synchronized long liveEntries() {
        return columns.values().stream().mapToLong(VectorColumn::liveCount).sum();
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
                int slot = entry.getKey();
                // a row written before its table had this slot (a column added meanwhile) has no vector there
                Object value = change.row() == null || slot >= change.row().length ? null : change.row()[slot];
                int added = change.row() == null ? -1 : appendOne(vectors, change.rowId(), value);
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

    /** Stores a row's vector (replacing its previous one); -1 when the value is NULL. */
    private static int appendOne(VectorColumn vectors, long rowId, Object value) {
        return value instanceof float[] vector ? vectors.append(rowId, vector) : -1;
    }
}

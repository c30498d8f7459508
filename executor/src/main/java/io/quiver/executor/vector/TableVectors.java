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
 * The committed vectors of one table's {@link VectorSource}s (its vector, halfvec, bit and sparsevec columns and
 * its expression index keys), and the indexes built over them. Filled from storage on first use, then kept
 * current by {@link #apply} with each committed write. Loading and
 * applying share one lock, and loading takes it before its snapshot: a commit either lands in the snapshot
 * or is applied after the load (possibly both, which is harmless: an append of a known row is an update).
 */
final class TableVectors {
    private final Map<VectorSource, VectorColumn> columns = new ConcurrentHashMap<>();
    private final Map<Long, VectorIndex> indexes = new ConcurrentHashMap<>();
    private final Map<Long, VectorSource> indexedSources = new ConcurrentHashMap<>();
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

    /**
     * Reads the vectors of the sources not read yet: all of them, or a column or an index expression added
     * since.
     */
    synchronized void load(TableDefinition table, List<VectorSource> sources, StorageEngine storage,
                           TableStorage rows) {
        Map<VectorSource, VectorColumn> added = new HashMap<>();
        for (VectorSource source : sources) {
            if (!columns.containsKey(source)) {
                added.put(source, source.newColumn());
            }
        }
        if (!added.isEmpty()) {
            try (StorageTransaction tx = storage.begin()) {
                RowCursor cursor = tx.access(rows).scan();
                while (cursor.next()) {
                    Object[] slots = bySlot(table, cursor.row());
                    added.forEach((source, vectors) -> appendOne(vectors, cursor.rowId(), source.read(slots)));
                }
                tx.rollback();
            }
            columns.putAll(added);
        }
        loaded = true;
    }

    /** Whether the vectors of every one of {@code sources} are read. */
    boolean loaded(List<VectorSource> sources) {
        return loaded && columns.keySet().containsAll(sources);
    }

    /** Forgets a source's vectors (the last index on an expression was dropped). */
    synchronized void removeSource(VectorSource source) {
        columns.remove(source);
    }

    /** The source's vectors; the table must be loaded. */
    VectorColumn column(VectorSource source) {
        return columns.get(source);
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
    synchronized void addIndex(long indexOid, VectorSource source, VectorIndex index) {
        VectorColumn vectors = columns.get(source);
        for (int slot = 0; slot < vectors.size(); slot++) {
            if (vectors.isLive(slot)) {
                index.insert(slot);
            }
        }
        indexedSources.put(indexOid, source);
        indexes.put(indexOid, index);
    }

    /** Adds an index unless the table has one by that oid already, which is then returned instead. */
    synchronized VectorIndex addIndexIfAbsent(long indexOid, VectorSource source, VectorIndex index) {
        VectorIndex present = indexes.get(indexOid);
        if (present != null) {
            return present;
        }
        addIndex(indexOid, source, index);
        return index;
    }

    /** Adds an index in place of the one by that oid, which is returned (null when there was none). */
    synchronized VectorIndex replaceIndex(long indexOid, VectorSource source, VectorIndex index) {
        VectorIndex replaced = indexes.get(indexOid);
        addIndex(indexOid, source, index);
        return replaced;
    }

    VectorIndex removeIndex(long indexOid) {
        indexedSources.remove(indexOid);
        return indexes.remove(indexOid);
    }

    /** Removes the index by that oid if it is {@code index}. */
    synchronized void removeIndex(long indexOid, VectorIndex index) {
        if (indexes.remove(indexOid, index)) {
            indexedSources.remove(indexOid);
        }
    }

    /** Applies one transaction's committed writes to the columns and their indexes (nothing before loading). */
    synchronized void apply(List<Change> changes) {
        if (!loaded) {
            return;
        }
        for (Change change : changes) {
            for (Map.Entry<VectorSource, VectorColumn> entry : columns.entrySet()) {
                VectorColumn vectors = entry.getValue();
                int old = vectors.slotOf(change.rowId());
                int added = change.row() == null ? -1
                        : appendOne(vectors, change.rowId(), entry.getKey().read(change.row()));
                if (old >= 0 && added < 0) {
                    vectors.deleteSlot(old);
                }
                for (Map.Entry<Long, VectorIndex> index : indexes.entrySet()) {
                    if (!entry.getKey().equals(indexedSources.get(index.getKey()))) {
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
    private static int appendOne(VectorColumn vectors, long rowId, float[] vector) {
        return vector != null ? vectors.append(rowId, vector) : -1;
    }
}

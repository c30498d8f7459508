package io.quiver.executor.vector;

import io.quiver.catalog.TableDefinition;
import io.quiver.executor.session.ExecutionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One transaction's writes to tables with vector columns, handed to {@link VectorIndexes} once it commits
 * (a rolled-back transaction's never reach the in-memory vectors).
 */
public final class VectorWrites implements ExecutionContext.Rewindable {
    private final VectorIndexes indexes;
    private final Map<Long, TableDefinition> tables = new LinkedHashMap<>();
    private final Map<Long, List<TableVectors.Change>> changes = new LinkedHashMap<>();

    private VectorWrites(VectorIndexes indexes) {
        this.indexes = indexes;
    }

    /** The log of {@code context}'s transaction. */
    public static VectorWrites of(ExecutionContext context, VectorIndexes indexes) {
        return context.attachment(VectorWrites.class, () -> {
            VectorWrites writes = new VectorWrites(indexes);
            context.afterCommit(writes::publish);
            return writes;
        });
    }

    /** A row inserted or updated: {@code row} is its new content in storage form. */
    public void written(TableDefinition table, long rowId, Object[] row) {
        record(table, new TableVectors.Change(rowId, TableVectors.bySlot(table, row)));
    }

    public void deleted(TableDefinition table, long rowId) {
        record(table, new TableVectors.Change(rowId, null));
    }

    /**
     * The vectors this transaction wrote to a column and has not committed, by row id (the last write of
     * each row; deleted rows and NULLs left out): a search in the transaction must see them too.
     */
    public static Map<Long, float[]> pending(ExecutionContext context, TableDefinition table, int column) {
        VectorWrites writes = context.attachment(VectorWrites.class);
        Map<Long, float[]> vectors = new LinkedHashMap<>();
        int slot = table.column(column).slot();
        if (writes != null) {
            for (TableVectors.Change change : writes.changes.getOrDefault(table.oid(), List.of())) {
                Object[] row = change.row();
                if (row != null && slot < row.length && row[slot] instanceof float[] vector) {
                    vectors.put(change.rowId(), vector);
                } else {
                    vectors.remove(change.rowId());
                }
            }
        }
        return vectors;
    }

    /** Forgets the writes logged after this point (ROLLBACK TO SAVEPOINT). */
    @Override
    public Runnable rewindPoint() {
        Map<Long, Integer> sizes = new LinkedHashMap<>();
        changes.forEach((oid, log) -> sizes.put(oid, log.size()));
        return () -> {
            changes.keySet().retainAll(sizes.keySet());
            tables.keySet().retainAll(sizes.keySet());
            sizes.forEach((oid, size) -> {
                List<TableVectors.Change> log = changes.get(oid);
                log.subList(size, log.size()).clear();
            });
        };
    }

    private void record(TableDefinition table, TableVectors.Change change) {
        List<TableVectors.Change> log = changes.get(table.oid());
        if (log == null) {
            if (table.columns().stream().noneMatch(c -> c.type().dimensions() > 0)) {
                return;
            }
            tables.put(table.oid(), table);
            log = new ArrayList<>();
            changes.put(table.oid(), log);
        }
        log.add(change);
    }

    private void publish() {
        tables.forEach((oid, table) -> indexes.apply(table, changes.get(oid)));
    }
}

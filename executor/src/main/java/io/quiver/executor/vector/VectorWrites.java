package io.quiver.executor.vector;

import io.quiver.catalog.TableDefinition;
import io.quiver.executor.session.ExecutionContext;
import io.quiver.executor.session.TableChangeLog;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One transaction's writes to tables with vector columns, handed to {@link VectorIndexes} once it commits
 * (a rolled-back transaction's never reach the in-memory vectors).
 */
public final class VectorWrites implements ExecutionContext.Rewindable {
    private final VectorIndexes indexes;
    private final TableChangeLog<TableVectors.Change> log = new TableChangeLog<>();

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
            for (TableVectors.Change change : writes.log.changes(table)) {
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
        return log.rewindPoint();
    }

    private void record(TableDefinition table, TableVectors.Change change) {
        if (table.columns().stream().anyMatch(c -> c.type().dimensions() > 0)) {
            log.record(table, change);
        }
    }

    private void publish() {
        log.forEach(indexes::apply);
    }
}

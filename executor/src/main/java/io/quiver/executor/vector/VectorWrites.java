package io.quiver.executor.vector;

import io.quiver.catalog.TableDefinition;
import io.quiver.executor.session.ExecutionContext;
import io.quiver.executor.session.TableChangeLog;
import java.util.LinkedHashMap;
import java.util.List;
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
        List<VectorSource> sources = VectorSource.of(table);
        if (sources.isEmpty()) {
            return;
        }
        Object[] slots = TableVectors.bySlot(table, row);
        // Checked now, so that a row an index cannot take fails its statement, as in PostgreSQL, rather than being
        // left out of the index at commit.
        sources.forEach(source -> source.checkWrite(table, slots));
        log.record(table, new TableVectors.Change(rowId, slots));
    }

    public void deleted(TableDefinition table, long rowId) {
        if (!VectorSource.of(table).isEmpty()) {
            log.record(table, new TableVectors.Change(rowId, null));
        }
    }

    /**
     * The vectors this transaction wrote to a column and has not committed, by row id (the last write of
     * each row; deleted rows and NULLs left out): a search in the transaction must see them too.
     */
    static Map<Long, float[]> pending(ExecutionContext context, TableDefinition table, VectorSource source) {
        VectorWrites writes = context.attachment(VectorWrites.class);
        Map<Long, float[]> vectors = new LinkedHashMap<>();
        if (writes != null) {
            for (TableVectors.Change change : writes.log.changes(table)) {
                float[] vector = change.row() == null ? null : source.read(change.row());
                if (vector != null) {
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

    private void publish() {
        log.forEach(indexes::apply);
    }
}

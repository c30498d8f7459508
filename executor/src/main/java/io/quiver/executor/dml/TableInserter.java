package io.quiver.executor.dml;

import io.quiver.catalog.TableDefinition;
import io.quiver.executor.QuiverEngine;
import io.quiver.executor.session.ExecutionContext;
import io.quiver.executor.stats.TableChanges;
import io.quiver.executor.vector.VectorWrites;
import io.quiver.storage.TableAccess;

/**
 * Stores new rows of one table in one transaction with INSERT's assignment checks, and logs them for the work
 * that follows the commit: vector indexes and statistics. Every insert path (planned INSERT, direct VALUES,
 * COPY) goes through it, so none forgets a part.
 */
public final class TableInserter {
    private final TableDefinition table;
    private final TableAccess access;
    private final VectorWrites vectors;
    private final TableChanges changes;

    public TableInserter(QuiverEngine engine, ExecutionContext context, TableDefinition table) {
        this.table = table;
        this.access = context.storage().access(engine.tableStorage().storageOf(table));
        this.vectors = VectorWrites.of(context, engine.vectorIndexes());
        this.changes = TableChanges.of(context, engine.statistics());
    }

    /** Coerces {@code values} (one per column, in place) to the columns' types and stores them; returns them. */
    public Object[] insert(Object[] values) {
        for (int c = 0; c < values.length; c++) {
            values[c] = AssignmentCoercion.assign(table, c, values[c]);
        }
        vectors.written(table, access.insert(values), values);
        changes.inserted(table, values);
        return values;
    }
}

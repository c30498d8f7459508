package io.quiver.executor.copy;

import io.quiver.catalog.ColumnDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.executor.QuiverEngine;
import io.quiver.executor.dml.AssignmentCoercion;
import io.quiver.executor.session.ExecutionContext;
import io.quiver.executor.session.SessionTransaction;
import io.quiver.executor.stats.TableChanges;
import io.quiver.executor.vector.VectorWrites;
import io.quiver.storage.Sequence;
import io.quiver.storage.TableAccess;
import java.util.List;
import java.util.Optional;

/**
 * The fast path of COPY FROM STDIN: when every column COPY leaves out defaults to NULL or to its serial
 * sequence, rows go straight to storage with INSERT's assignment checks, without running a query plan per row.
 */
final class DirectRowInserter implements RowInserter {
    private final QuiverEngine engine;
    private final SessionTransaction transaction;
    private final TableDefinition table;
    /** For each table column, its position in COPY's fields, or -1 when COPY leaves it out. */
    private final int[] fieldOfColumn;
    /** For each table column COPY leaves out, the sequence that fills it, or null for NULL. */
    private final Sequence[] sequences;
    private ExecutionContext context;
    private TableAccess access;
    private VectorWrites vectors;
    private TableChanges changes;

    private DirectRowInserter(QuiverEngine engine, SessionTransaction transaction, TableDefinition table,
                              int[] fieldOfColumn, Sequence[] sequences) {
        this.engine = engine;
        this.transaction = transaction;
        this.table = table;
        this.fieldOfColumn = fieldOfColumn;
        this.sequences = sequences;
    }

    /** The direct inserter for COPY into {@code columns}, or empty when a left-out column has another default. */
    static Optional<RowInserter> of(QuiverEngine engine, SessionTransaction transaction, TableDefinition table,
                                    List<String> columns) {
        int[] fieldOfColumn = new int[table.columns().size()];
        Sequence[] sequences = new Sequence[fieldOfColumn.length];
        for (int c = 0; c < fieldOfColumn.length; c++) {
            ColumnDefinition column = table.column(c);
            fieldOfColumn[c] = columns.indexOf(column.name());
            if (fieldOfColumn[c] >= 0 || column.defaultSql() == null) {
                continue;
            }
            if (column.sequenceName() == null) {
                return Optional.empty();
            }
            sequences[c] = engine.storage().sequence(table.schema() + "." + column.sequenceName());
        }
        return Optional.of(new DirectRowInserter(engine, transaction, table, fieldOfColumn, sequences));
    }

    @Override
    public void insert(Object[] fields) {
        ExecutionContext current = transaction.context();
        if (current != context) {
            context = current;
            access = current.storage().access(engine.tableStorage().storageOf(table));
            vectors = VectorWrites.of(current, engine.vectorIndexes());
            changes = TableChanges.of(current, engine.statistics());
        }
        Object[] row = new Object[fieldOfColumn.length];
        for (int c = 0; c < row.length; c++) {
            Object value = fieldOfColumn[c] >= 0 ? fields[fieldOfColumn[c]]
                    : sequences[c] != null ? sequences[c].next() : null;
            row[c] = AssignmentCoercion.assign(table, c, value);
        }
        vectors.written(table, access.insert(row), row);
        changes.inserted(table, row);
    }
}

package io.quiver.executor.copy;

import io.quiver.catalog.TableDefinition;
import io.quiver.executor.QuiverEngine;
import io.quiver.executor.dml.OmittedColumns;
import io.quiver.executor.dml.TableInserter;
import io.quiver.executor.session.ExecutionContext;
import io.quiver.executor.session.SessionTransaction;
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
    private final OmittedColumns omitted;
    private ExecutionContext context;
    private TableInserter inserter;

    private DirectRowInserter(QuiverEngine engine, SessionTransaction transaction, TableDefinition table,
                              int[] fieldOfColumn, OmittedColumns omitted) {
        this.engine = engine;
        this.transaction = transaction;
        this.table = table;
        this.fieldOfColumn = fieldOfColumn;
        this.omitted = omitted;
    }

    /** The direct inserter for COPY into {@code columns}, or empty when a left-out column has another default. */
    static Optional<RowInserter> of(QuiverEngine engine, SessionTransaction transaction, TableDefinition table,
                                    List<String> columns) {
        int[] fieldOfColumn = new int[table.columns().size()];
        boolean[] given = new boolean[fieldOfColumn.length];
        for (int c = 0; c < fieldOfColumn.length; c++) {
            fieldOfColumn[c] = columns.indexOf(table.column(c).name());
            given[c] = fieldOfColumn[c] >= 0;
        }
        return OmittedColumns.of(engine.storage(), table, given)
                .<RowInserter>map(omitted -> new DirectRowInserter(engine, transaction, table, fieldOfColumn, omitted));
    }

    @Override
    public void insert(Object[] fields) {
        ExecutionContext current = transaction.context();
        if (current != context) {
            context = current;
            inserter = new TableInserter(engine, current, table);
        }
        Object[] row = new Object[fieldOfColumn.length];
        for (int c = 0; c < row.length; c++) {
            row[c] = fieldOfColumn[c] >= 0 ? fields[fieldOfColumn[c]] : omitted.next(c);
        }
        inserter.insert(row);
    }
}

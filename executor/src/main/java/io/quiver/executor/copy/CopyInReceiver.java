package io.quiver.executor.copy;

import io.quiver.common.type.PgType;
import io.quiver.executor.api.ColumnDescription;
import io.quiver.executor.api.CopyFormat;
import io.quiver.executor.api.CopyInPortal;
import io.quiver.executor.api.ExecutionResult;
import io.quiver.executor.api.PreparedStatement;
import io.quiver.executor.api.RowSink;
import io.quiver.executor.session.SessionTransaction;
import java.util.Arrays;
import java.util.List;

/** The portal of a COPY FROM STDIN: each accepted row runs the planned one-row INSERT. */
final class CopyInReceiver implements CopyInPortal {
    private static final RowSink NO_ROWS = row -> { };

    private final PreparedStatement rowInsert;
    private final SessionTransaction transaction;
    private final CopyFormat format;
    private final List<PgType> columnTypes;
    private long rows;

    CopyInReceiver(PreparedStatement rowInsert, SessionTransaction transaction, CopyFormat format,
                   List<PgType> columnTypes) {
        this.rowInsert = rowInsert;
        this.transaction = transaction;
        this.format = format;
        this.columnTypes = List.copyOf(columnTypes);
    }

    @Override
    public CopyFormat format() {
        return format;
    }

    @Override
    public List<PgType> columnTypes() {
        return columnTypes;
    }

    @Override
    public void accept(Object[] row) {
        try (var portal = rowInsert.bind(Arrays.asList(row))) {
            portal.execute(0, NO_ROWS);
        }
        rows++;
    }

    @Override
    public void abort() {
        transaction.statementFinished(false);
    }

    @Override
    public List<ColumnDescription> columns() {
        return List.of();
    }

    @Override
    public ExecutionResult execute(int maxRows, RowSink sink) {
        return ExecutionResult.complete("COPY " + rows);
    }

    @Override
    public void close() {
        // each row's INSERT completed (or failed) on its own
    }
}

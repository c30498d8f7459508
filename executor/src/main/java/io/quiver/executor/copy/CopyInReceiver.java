package io.quiver.executor.copy;

import io.quiver.common.type.PgType;
import io.quiver.executor.api.ColumnDescription;
import io.quiver.executor.api.CopyFormat;
import io.quiver.executor.api.CopyInPortal;
import io.quiver.executor.api.ExecutionResult;
import io.quiver.executor.api.RowSink;
import io.quiver.executor.session.QuiverSession;
import java.util.List;

/** The portal of a COPY FROM STDIN: each accepted row is stored by its inserter. */
final class CopyInReceiver implements CopyInPortal {
    private final RowInserter inserter;
    private final QuiverSession session;
    private final CopyFormat format;
    private final List<PgType> columnTypes;
    private long rows;

    /** Starts the COPY as the session's running statement (statement_timeout, cancel, pg_stat_activity). */
    CopyInReceiver(RowInserter inserter, QuiverSession session, CopyFormat format, List<PgType> columnTypes) {
        this.inserter = inserter;
        this.session = session;
        session.statementStarted(true);
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
        session.cancelFlag().check();
        inserter.insert(row);
        rows++;
    }

    @Override
    public void abort() {
        session.statementFinished();
        session.transaction().statementFinished(false);
    }

    @Override
    public List<ColumnDescription> columns() {
        return List.of();
    }

    @Override
    public ExecutionResult execute(int maxRows, RowSink sink) {
        session.statementFinished();
        return ExecutionResult.complete("COPY " + rows);
    }

    @Override
    public void close() {
        // each row's INSERT completed (or failed) on its own
    }
}

package io.quiver.executor.api;

import java.util.List;

/** A bound statement, possibly part-way through its rows (Execute with a row limit). */
public interface Portal extends AutoCloseable {
    List<ColumnDescription> columns();

    /**
     * Runs the statement, or resumes it, handing at most {@code maxRows} rows (0 means all) to the sink.
     *
     * @return the outcome: suspended (more rows remain) or complete with its command tag
     * @throws io.quiver.common.error.QuiverException with the SQLSTATE to report
     */
    ExecutionResult execute(int maxRows, RowSink sink);

    @Override
    void close();
}

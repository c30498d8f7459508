package io.quiver.wire.testing;

import io.quiver.executor.api.ColumnDescription;
import io.quiver.executor.api.ExecutionResult;
import io.quiver.executor.api.Portal;
import io.quiver.executor.api.RowSink;
import java.util.List;
import java.util.function.Supplier;

/** Runs its statement on first Execute and hands out the rows, suspending at the row limit. */
class CannedPortal implements Portal {
    private final List<ColumnDescription> columns;
    private final Supplier<List<Object[]>> producer;
    private final String tag;
    private List<Object[]> rows;
    private int position;

    CannedPortal(List<ColumnDescription> columns, Supplier<List<Object[]>> producer, String tag) {
        this.columns = columns;
        this.producer = producer;
        this.tag = tag;
    }

    @Override
    public List<ColumnDescription> columns() {
        return columns;
    }

    @Override
    public ExecutionResult execute(int maxRows, RowSink sink) {
        if (rows == null) {
            rows = producer.get();
        }
        int end = maxRows == 0 ? rows.size() : Math.min(rows.size(), position + maxRows);
        while (position < end) {
            sink.accept(rows.get(position++));
        }
        return position < rows.size() ? ExecutionResult.suspendedResult() : ExecutionResult.complete(tag);
    }

    @Override
    public void close() {
    }
}

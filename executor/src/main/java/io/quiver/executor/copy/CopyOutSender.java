package io.quiver.executor.copy;

import io.quiver.executor.api.ColumnDescription;
import io.quiver.executor.api.CopyFormat;
import io.quiver.executor.api.CopyOutPortal;
import io.quiver.executor.api.ExecutionResult;
import io.quiver.executor.api.Portal;
import io.quiver.executor.api.RowSink;
import java.util.List;

/** The portal of a COPY TO STDOUT: the query's rows, completed as {@code COPY n}. */
final class CopyOutSender implements CopyOutPortal {
    private final Portal rows;
    private final CopyFormat format;

    CopyOutSender(Portal rows, CopyFormat format) {
        this.rows = rows;
        this.format = format;
    }

    @Override
    public CopyFormat format() {
        return format;
    }

    @Override
    public List<ColumnDescription> columns() {
        return rows.columns();
    }

    @Override
    public ExecutionResult execute(int maxRows, RowSink sink) {
        long[] count = {0};
        ExecutionResult result = rows.execute(0, row -> {
            sink.accept(row);
            count[0]++;
        });
        return new ExecutionResult(false, "COPY " + count[0], result.notices(), result.parameterChanges());
    }

    @Override
    public void close() {
        rows.close();
    }
}

package io.quiver.wire.connection;

import io.quiver.executor.api.ColumnDescription;
import io.quiver.executor.api.ExecutionResult;
import io.quiver.executor.api.Portal;
import io.quiver.wire.StatementObserver;
import io.quiver.wire.protocol.BackendMessages;
import io.quiver.wire.protocol.ErrorReport;
import io.quiver.wire.type.TypeCodecs;
import java.util.List;

/** Sends what running a portal produces: DataRows, notices, then CommandComplete or PortalSuspended. */
final class ResultWriter {
    private final BackendOutput out;
    private final TypeCodecs codecs;
    private final StatementObserver observer;

    ResultWriter(BackendOutput out, TypeCodecs codecs, StatementObserver observer) {
        this.out = out;
        this.codecs = codecs;
        this.observer = observer;
    }

    /** RowDescription for a statement that returns rows, NoData for one that does not. */
    void describeRows(List<ColumnDescription> columns, short[] formats) {
        if (columns.isEmpty()) {
            out.send(BackendMessages::noData);
        } else {
            out.send(buf -> BackendMessages.rowDescription(buf, columns, formats));
        }
    }

    void execute(Portal portal, short[] formats, int maxRows) {
        RowEncoder rows = new RowEncoder(portal.columns(), formats, codecs);
        long start = System.nanoTime();
        ExecutionResult result = portal.execute(maxRows, row -> out.send(buf -> rows.write(buf, row)));
        if (!result.suspended()) {
            observer.statementCompleted(result.commandTag(), System.nanoTime() - start);
        }
        result.notices().forEach(notice -> out.send(buf -> BackendMessages.noticeResponse(buf, ErrorReport.of(notice))));
        if (result.suspended()) {
            out.send(BackendMessages::portalSuspended);
        } else {
            out.send(buf -> BackendMessages.commandComplete(buf, result.commandTag()));
        }
        result.parameterChanges().forEach((name, value) ->
                out.send(buf -> BackendMessages.parameterStatus(buf, name, value)));
    }
}

package io.quiver.wire.connection;

import io.quiver.common.error.QuiverException;
import io.quiver.wire.StatementObserver;
import io.quiver.wire.protocol.BackendMessages;
import io.quiver.wire.protocol.ErrorReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends a statement's failure to the client and fails the transaction block it happened in. */
final class ErrorReporter {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);

    private final BackendOutput out;
    private final ConnectionState state;
    private final StatementObserver observer;

    ErrorReporter(BackendOutput out, ConnectionState state, StatementObserver observer) {
        this.out = out;
        this.state = state;
        this.observer = observer;
    }

    /** Reports an ERROR; a failure that ends the session (pg_terminate_backend) propagates, to be sent as FATAL. */
    void report(RuntimeException failure) {
        if (PgConnection.endsSession(failure)) {
            throw failure;
        }
        ErrorReport report;
        if (failure instanceof QuiverException e) {
            report = ErrorReport.of(e, ErrorReport.ERROR);
        } else {
            LOG.error("internal error while serving a client", failure);
            report = ErrorReport.internal(failure);
        }
        observer.errorSent(report.sqlState());
        out.send(buf -> BackendMessages.errorResponse(buf, report));
        state.markFailedIfInTransactionBlock();
    }
}

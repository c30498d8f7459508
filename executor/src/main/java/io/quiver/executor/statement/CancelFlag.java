package io.quiver.executor.statement;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Set from another thread (CancelRequest, pg_cancel_backend, the statement_timeout timer, pg_terminate_backend)
 * and polled by running statements at row boundaries, so a cancel stops a long scan promptly without
 * interrupting threads. The reason decides the error the statement stops with.
 */
public final class CancelFlag {
    /** Why a statement is asked to stop, with the error PostgreSQL reports for it. */
    public enum Reason {
        USER_REQUEST(SqlState.QUERY_CANCELED, "canceling statement due to user request"),
        STATEMENT_TIMEOUT(SqlState.QUERY_CANCELED, "canceling statement due to statement timeout"),
        TERMINATION(SqlState.ADMIN_SHUTDOWN, "terminating connection due to administrator command");

        private final SqlState state;
        private final String message;

        Reason(SqlState state, String message) {
            this.state = state;
            this.message = message;
        }

        public QuiverException error() {
            return new QuiverException(state, message);
        }
    }

    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile Reason reason = Reason.USER_REQUEST;

    public void request() {
        request(Reason.USER_REQUEST);
    }

    public void request(Reason why) {
        reason = why;
        requested.set(true);
    }

    /** Forgets a cancel that arrived when nothing was running, as PostgreSQL does at statement start. */
    public void clear() {
        requested.set(false);
    }

    /** Whether a stop was asked for, without acting on it (for loops that must wind down first). */
    public boolean requested() {
        return requested.get();
    }

    /** The raw flag, for Calcite's {@code DataContext.Variable.CANCEL_FLAG}. */
    public AtomicBoolean asAtomic() {
        return requested;
    }

    /** Throws 57014 (57P01 when the session is being terminated) if a stop was requested, lowering the flag. */
    public void check() {
        if (requested.get()) {
            requested.set(false);
            throw reason.error();
        }
    }
}

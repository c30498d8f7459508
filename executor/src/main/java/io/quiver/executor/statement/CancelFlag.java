package io.quiver.executor.statement;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Set from another thread (CancelRequest) and polled by running statements at row boundaries, so a cancel
 * stops a long scan promptly without interrupting threads.
 */
public final class CancelFlag {
    private final AtomicBoolean requested = new AtomicBoolean();

    public void request() {
        requested.set(true);
    }

    /** Forgets a cancel that arrived when nothing was running, as PostgreSQL does at statement start. */
    public void clear() {
        requested.set(false);
    }

    public AtomicBoolean asAtomic() {
        return requested;
    }

    /** Throws 57014 if a cancel was requested. */
    public void check() {
        check(requested);
    }

    /** Throws 57014 if {@code flag} (a session's flag, as plans see it) was raised, lowering it. */
    public static void check(AtomicBoolean flag) {
        if (flag.get()) {
            flag.set(false);
            throw new QuiverException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
        }
    }
}

package io.quiver.executor.session;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * What {@code pg_stat_activity} shows of a session: its state, the statement it runs or ran last, and when
 * the backend, its transaction, its query and its state began. Written by the session's worker, read by any
 * session's pg_stat_activity query; each view is one immutable snapshot, so a reader never sees half of a
 * change.
 */
public final class SessionActivity {
    public static final String ACTIVE = "active";
    public static final String IDLE = "idle";
    public static final String IDLE_IN_TRANSACTION = "idle in transaction";
    public static final String IDLE_IN_FAILED_TRANSACTION = "idle in transaction (aborted)";

    /**
     * One moment of the session's activity.
     *
     * @param xactStart when the open transaction began, null outside one
     * @param queryStart when the current (or, when idle, the last) statement began, null before the first
     */
    public record Snapshot(String state, String query, Instant xactStart, Instant queryStart, Instant stateChange) {
    }

    private final Instant backendStart = Instant.now();
    private volatile InetSocketAddress client;
    private volatile Snapshot now = new Snapshot(IDLE, "", null, null, backendStart);

    public Instant backendStart() {
        return backendStart;
    }

    /** The client's address and port, null until the wire layer tells (or for an embedded session). */
    public InetSocketAddress client() {
        return client;
    }

    void client(InetSocketAddress address) {
        client = address;
    }

    public Snapshot snapshot() {
        return now;
    }

    /** A statement starts running; it opened a transaction unless one was open already. */
    void statementStarted(String query) {
        Snapshot before = now;
        if (before.state().equals(ACTIVE) && before.query().equals(query)) {
            return; // the next statement of the same query string or portal: PostgreSQL keeps query_start
        }
        Instant at = Instant.now();
        now = new Snapshot(ACTIVE, query, before.xactStart() == null ? at : before.xactStart(), at, at);
    }

    /** The session waits for its client again; {@code transactionStatus} is ReadyForQuery's status byte. */
    void waiting(char transactionStatus) {
        Snapshot before = now;
        String state = switch (transactionStatus) {
            case 'T' -> IDLE_IN_TRANSACTION;
            case 'E' -> IDLE_IN_FAILED_TRANSACTION;
            default -> IDLE;
        };
        Instant xactStart = transactionStatus == 'I' ? null : before.xactStart();
        now = new Snapshot(state, before.query(), xactStart, before.queryStart(), Instant.now());
    }
}

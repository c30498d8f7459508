package io.quiver.executor.api;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * One client connection's state in the executor: its settings, its transaction, its prepared statements'
 * plans. Methods are called by one thread at a time (the connection's worker), except {@link #cancel()}.
 */
public interface Session extends AutoCloseable {
    /**
     * Splits a simple-query string into its statements (honouring quotes, comments and dollar quoting).
     * Empty statements are dropped; an all-empty string gives an empty list (EmptyQueryResponse).
     */
    List<String> splitStatements(String sql);

    /**
     * Parses and plans one statement.
     *
     * @param sql one statement, with {@code $1 .. $n} parameters
     * @param parameterTypeOids the types the client specified in Parse; 0 (or a missing entry) asks the
     *        executor to infer the type
     * @throws io.quiver.common.error.QuiverException with the SQLSTATE to report
     */
    PreparedStatement prepare(String sql, int[] parameterTypeOids);

    /** 'I' idle, 'T' in a transaction block, 'E' in a failed transaction block: ReadyForQuery's status. */
    char transactionStatus();

    /**
     * Called by the wire layer when a statement of an explicit transaction failed, so that the block is
     * marked failed until ROLLBACK, as PostgreSQL does.
     */
    void markFailed();

    /**
     * Ends the implicit transaction that statements outside a transaction block share (PostgreSQL's: until Sync
     * in extended query, the whole message in simple query), committing what succeeded. Called at Sync and at
     * the end of a simple query, after the portals were closed.
     *
     * @throws io.quiver.common.error.QuiverException if the commit fails
     */
    void sync();

    /** Asks the statement now running, if any, to stop with SQLSTATE 57014. Safe from any thread. */
    void cancel();

    /** Where the client connects from, for pg_stat_activity's client_addr and client_port. */
    default void clientAddress(InetSocketAddress address) {
    }

    /**
     * The connection sent ReadyForQuery and waits for the client: pg_stat_activity shows the session idle (or
     * idle in transaction).
     */
    default void waitingForClient() {
    }

    /**
     * What pg_terminate_backend does to this session's connection once its statement stopped: send FATAL 57P01
     * and close. Called from another session's thread.
     */
    default void onTermination(Runnable closeConnection) {
    }

    /** The current value of a setting, as SHOW prints it, or null if unknown. */
    String setting(String name);

    @Override
    void close();
}

package io.quiver.wire;

/**
 * Told of every statement a client's connection completes and every error it sends, for the metrics endpoint.
 * Called on connection workers, so implementations must be thread-safe and quick.
 */
public interface StatementObserver {
    StatementObserver NONE = new StatementObserver() {
        @Override
        public void statementCompleted(String commandTag, long nanos) {
        }

        @Override
        public void errorSent(String sqlState) {
        }
    };

    /** A statement ran to completion with this CommandComplete tag ("SELECT 3", "CREATE INDEX" ...). */
    void statementCompleted(String commandTag, long nanos);

    /** An ErrorResponse (ERROR or FATAL) with this SQLSTATE went to a client. */
    void errorSent(String sqlState);
}

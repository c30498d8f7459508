package io.quiver.wire;

/**
 * How a {@link PgServer} listens.
 *
 * @param host the address to bind
 * @param port the port to bind, 0 for an ephemeral one
 * @param maxMessageSize the largest message a client may send, in bytes; a larger one ends the connection
 * @param workerThreads threads that run queries for all connections; 0 runs each connection's work on
 *        virtual threads instead
 * @param maxConnections sessions open at once (max_connections); one more is refused with FATAL 53300
 */
public record PgServerConfig(String host, int port, int maxMessageSize, int workerThreads, int maxConnections) {
    public static final int DEFAULT_PORT = 5432;
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 256 * 1024 * 1024;
    public static final int DEFAULT_MAX_CONNECTIONS = 100;

    public PgServerConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (maxMessageSize < 5) {
            throw new IllegalArgumentException("maxMessageSize too small: " + maxMessageSize);
        }
        if (workerThreads < 0) {
            throw new IllegalArgumentException("workerThreads must not be negative: " + workerThreads);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive: " + maxConnections);
        }
    }

    public PgServerConfig(String host, int port, int maxMessageSize, int workerThreads) {
        this(host, port, maxMessageSize, workerThreads, DEFAULT_MAX_CONNECTIONS);
    }

    public static PgServerConfig of(String host, int port) {
        return new PgServerConfig(host, port, DEFAULT_MAX_MESSAGE_SIZE, 0);
    }
}

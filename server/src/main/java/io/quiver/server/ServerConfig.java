package io.quiver.server;

import io.quiver.executor.vacuum.AutovacuumSettings;
import java.nio.file.Path;

/**
 * Where and how a Quiver server runs.
 *
 * @param host the address to listen on
 * @param port the TCP port (0 picks a free one)
 * @param dataDirectory the data directory
 * @param synchronousCommit whether commits wait for the disk
 * @param autovacuum when the background vacuum runs
 * @param operations limits (connections, message size, timeouts) and the metrics endpoint
 * @param security authentication and TLS
 */
public record ServerConfig(String host, int port, Path dataDirectory, boolean synchronousCommit,
                           AutovacuumSettings autovacuum, OperationalSettings operations, ServerSecurity security) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 5433;

    public ServerConfig(String host, int port, Path dataDirectory, boolean synchronousCommit) {
        this(host, port, dataDirectory, synchronousCommit, AutovacuumSettings.DEFAULTS);
    }

    public ServerConfig(String host, int port, Path dataDirectory, boolean synchronousCommit,
                        AutovacuumSettings autovacuum) {
        this(host, port, dataDirectory, synchronousCommit, autovacuum, OperationalSettings.DEFAULTS,
                ServerSecurity.NONE);
    }

    public ServerConfig withSecurity(ServerSecurity newSecurity) {
        return new ServerConfig(host, port, dataDirectory, synchronousCommit, autovacuum, operations, newSecurity);
    }
}

package io.quiver.server;

import io.quiver.executor.vacuum.AutovacuumSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/** A real Quiver server on a free loopback port over a temporary data directory, for end-to-end tests. */
final class RunningServer implements AutoCloseable {
    private final Path dataDirectory;
    private final OperationalSettings operations;
    private QuiverServer server;

    private RunningServer(Path dataDirectory, OperationalSettings operations) {
        this.dataDirectory = dataDirectory;
        this.operations = operations;
        this.server = QuiverServer.start(config());
    }

    private ServerConfig config() {
        return new ServerConfig("127.0.0.1", 0, dataDirectory, true, AutovacuumSettings.DEFAULTS, operations,
                ServerSecurity.NONE);
    }

    static RunningServer start() {
        return start(OperationalSettings.DEFAULTS);
    }

    /** A server started with these limits and metrics options, as if given on its command line. */
    static RunningServer start(OperationalSettings operations) {
        try {
            return new RunningServer(Files.createTempDirectory("quiver-e2e"), operations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.port();
    }

    QuiverServer server() {
        return server;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/quiver";
    }

    Connection connect() throws SQLException {
        return connect(new Properties());
    }

    Connection connect(Properties extra) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.putAll(extra);
        return DriverManager.getConnection(jdbcUrl(), properties);
    }

    /** Stops the server cleanly (as SIGTERM does) and starts a new one on the same data directory. */
    void restart() {
        server.close();
        server = QuiverServer.start(config());
    }

    @Override
    public void close() {
        server.close();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

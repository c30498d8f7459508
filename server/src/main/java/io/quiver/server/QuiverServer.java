package io.quiver.server;

import io.quiver.executor.EngineConfig;
import io.quiver.executor.QuiverEngine;
import io.quiver.wire.PgServer;
import io.quiver.wire.PgServerConfig;
import io.quiver.wire.auth.SecurityConfig;
import java.net.InetSocketAddress;

/** A running Quiver: the database engine behind a PostgreSQL wire-protocol listener. */
public final class QuiverServer implements AutoCloseable {
    private final QuiverEngine engine;
    private final PgServer listener;
    private final InetSocketAddress address;

    private QuiverServer(QuiverEngine engine, PgServer listener, InetSocketAddress address) {
        this.engine = engine;
        this.listener = listener;
        this.address = address;
    }

    /** Opens the data directory and starts listening; returns once clients can connect. */
    public static QuiverServer start(ServerConfig config) {
        SecurityConfig security = config.security().toConfig(config.host());
        String superuserPassword = config.security().superuserPassword();
        QuiverEngine engine = QuiverEngine.open(new EngineConfig(config.dataDirectory(), config.synchronousCommit(),
                config.autovacuum()));
        try {
            if (superuserPassword != null) {
                engine.setSuperuserPassword(superuserPassword);
            }
            PgServer listener = new PgServer(PgServerConfig.of(config.host(), config.port()), engine, security);
            return new QuiverServer(engine, listener, listener.start());
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    public InetSocketAddress address() {
        return address;
    }

    /** The database behind the listener (for tests and embedding). */
    public QuiverEngine engine() {
        return engine;
    }

    public int port() {
        return address.getPort();
    }

    /** Stops accepting clients, closes sessions, flushes and closes the data files. */
    @Override
    public void close() {
        try {
            listener.close();
        } finally {
            engine.close();
        }
    }
}

package io.quiver.server;

import io.quiver.executor.EngineConfig;
import io.quiver.executor.QuiverEngine;
import io.quiver.server.metrics.MetricsEndpoint;
import io.quiver.server.metrics.QuiverMetrics;
import io.quiver.wire.PgServer;
import io.quiver.wire.PgServerConfig;
import io.quiver.wire.auth.SecurityConfig;
import java.net.InetSocketAddress;

/** A running Quiver: the database engine behind a PostgreSQL wire-protocol listener (and metrics, if asked). */
public final class QuiverServer implements AutoCloseable {
    private final QuiverEngine engine;
    private final PgServer listener;
    private final InetSocketAddress address;
    private final MetricsEndpoint metrics;

    private QuiverServer(QuiverEngine engine, PgServer listener, InetSocketAddress address, MetricsEndpoint metrics) {
        this.engine = engine;
        this.listener = listener;
        this.address = address;
        this.metrics = metrics;
    }

    /** Opens the data directory and starts listening; returns once clients can connect. */
    public static QuiverServer start(ServerConfig config) {
        OperationalSettings operations = config.operations();
        SecurityConfig security = config.security().toConfig(config.host());
        String superuserPassword = config.security().superuserPassword();
        QuiverEngine engine = QuiverEngine.open(new EngineConfig(config.dataDirectory(), config.synchronousCommit(),
                config.autovacuum(), operations.settingDefaults()));
        PgServer listener = null;
        try {
            if (superuserPassword != null) {
                engine.setSuperuserPassword(superuserPassword);
            }
            QuiverMetrics observed = new QuiverMetrics();
            listener = new PgServer(new PgServerConfig(config.host(), config.port(), operations.maxMessageSize(),
                    0, operations.maxConnections()), engine, security, observed);
            InetSocketAddress address = listener.start();
            MetricsEndpoint metrics = null;
            if (operations.metricsPort() != OperationalSettings.NO_METRICS) {
                observed.watch(engine, listener);
                metrics = MetricsEndpoint.start(operations.metricsPort(), observed);
            }
            return new QuiverServer(engine, listener, address, metrics);
        } catch (RuntimeException e) {
            if (listener != null) {
                listener.close();
            }
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

    /** The port of the Prometheus endpoint, or -1 when the server serves none. */
    public int metricsPort() {
        return metrics == null ? OperationalSettings.NO_METRICS : metrics.port();
    }

    /** Stops accepting clients, closes sessions, flushes and closes the data files. */
    @Override
    public void close() {
        try {
            if (metrics != null) {
                metrics.close();
            }
            listener.close();
        } finally {
            engine.close();
        }
    }
}

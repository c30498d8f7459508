package io.quiver.server;

import io.quiver.wire.PgServerConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a server is operated: its limits (what postgresql.conf sets in PostgreSQL) and its metrics endpoint.
 *
 * @param maxConnections sessions open at once; one more gets FATAL 53300
 * @param maxMessageSize the largest protocol message a client may send, in bytes
 * @param statementTimeout statement_timeout every session starts with ("0" off, "30s", "500ms" ...)
 * @param idleInTransactionSessionTimeout idle_in_transaction_session_timeout every session starts with
 * @param logMinDurationStatement log_min_duration_statement every session starts with ("-1" off)
 * @param metricsPort the loopback port of the Prometheus endpoint; -1 serves none, 0 picks a free port
 */
public record OperationalSettings(int maxConnections, int maxMessageSize, String statementTimeout,
                                  String idleInTransactionSessionTimeout, String logMinDurationStatement,
                                  int metricsPort) {
    public static final int NO_METRICS = -1;
    public static final OperationalSettings DEFAULTS = new OperationalSettings(PgServerConfig.DEFAULT_MAX_CONNECTIONS,
            PgServerConfig.DEFAULT_MAX_MESSAGE_SIZE, "0", "0", "-1", NO_METRICS);

    /** The session settings these give every session, as SHOW reports them. */
    Map<String, String> settingDefaults() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("max_connections", Integer.toString(maxConnections));
        settings.put("statement_timeout", statementTimeout);
        settings.put("idle_in_transaction_session_timeout", idleInTransactionSessionTimeout);
        settings.put("log_min_duration_statement", logMinDurationStatement);
        return settings;
    }

    public OperationalSettings withMetricsPort(int port) {
        return new OperationalSettings(maxConnections, maxMessageSize, statementTimeout,
                idleInTransactionSessionTimeout, logMinDurationStatement, port);
    }
}

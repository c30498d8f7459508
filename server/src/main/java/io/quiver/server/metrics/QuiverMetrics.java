package io.quiver.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.quiver.catalog.TableDefinition;
import io.quiver.executor.QuiverEngine;
import io.quiver.executor.vector.IndexBuilds;
import io.quiver.wire.PgServer;
import io.quiver.wire.StatementObserver;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The server's metrics in a Micrometer registry rendered in Prometheus text format: statements by kind with a
 * latency histogram, errors by SQLSTATE class, open connections, table and index counts, index build progress
 * and the MVStore page cache hit ratio. Statement and error counts arrive as the wire layer reports them; the
 * rest is read from the engine when scraped.
 */
public final class QuiverMetrics implements StatementObserver {
    private static final Set<String> DDL = Set.of("CREATE", "DROP", "ALTER", "COMMENT", "TRUNCATE", "REINDEX");
    private static final Set<String> DML = Set.of("SELECT", "INSERT", "UPDATE", "DELETE");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /** Registers the gauges that read the engine and the listener. */
    public void watch(QuiverEngine engine, PgServer listener) {
        gauge("quiver.connections.open", "Client sessions open now", listener, PgServer::openConnections);
        gauge("quiver.tables", "User tables", engine, e -> e.catalog().current().tables().size());
        gauge("quiver.indexes", "Indexes of user tables (primary keys included)", engine,
                e -> e.catalog().current().tables().stream().mapToInt(QuiverMetrics::indexCount).sum());
        gauge("quiver.index.build.tuples.done", "Tuples added by the index builds running now", engine,
                e -> e.vectorIndexes().running().running().stream()
                        .mapToLong(build -> build.progress().tuplesDone()).sum());
        gauge("quiver.index.build.tuples.expected", "Tuples the index builds running now will add in all", engine,
                e -> e.vectorIndexes().running().running().stream().mapToLong(QuiverMetrics::total).sum());
        gauge("quiver.mvstore.cache.hit.ratio", "Share of page reads the MVStore cache served (0 to 1)", engine,
                e -> e.storage().cacheHitRatioPercent() / 100.0);
        // Quiver stores tables in one MVStore file rather than in segment files: its size and live share are
        // what VACUUM and autovacuum act on.
        gauge("quiver.data.file.bytes", "Size of the data file", engine, e -> e.storage().fileSize());
        gauge("quiver.data.file.live.ratio", "Share of the data file holding live data (0 to 1)", engine,
                e -> e.storage().liveSharePercent() / 100.0);
    }

    /** As pg_indexes counts them: the primary key's index and the vector indexes. */
    private static int indexCount(TableDefinition table) {
        return table.indexes().size() + (table.primaryKey().isEmpty() ? 0 : 1);
    }

    private static long total(IndexBuilds.Running build) {
        return build.progress().tuplesTotal();
    }

    private <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).register(registry);
    }

    @Override
    public void statementCompleted(String commandTag, long nanos) {
        String kind = kindOf(commandTag);
        Counter.builder("quiver.queries").description("Statements completed, by kind").tag("kind", kind)
                .register(registry).increment();
        Timer.builder("quiver.query.duration").description("Statement execution time, by kind").tag("kind", kind)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(60)).register(registry).record(Duration.ofNanos(nanos));
    }

    @Override
    public void errorSent(String sqlState) {
        Counter.builder("quiver.errors").description("Errors sent to clients, by SQLSTATE class")
                .tag("class", sqlState.substring(0, 2)).register(registry).increment();
    }

    /** select, insert, update, delete, ddl or utility (SET, SHOW, BEGIN, COPY, VACUUM ...), from the command tag. */
    static String kindOf(String commandTag) {
        int space = commandTag.indexOf(' ');
        String command = (space < 0 ? commandTag : commandTag.substring(0, space)).toUpperCase(Locale.ROOT);
        if (DML.contains(command)) {
            return command.toLowerCase(Locale.ROOT);
        }
        return DDL.contains(command) ? "ddl" : "utility";
    }

    /** The Prometheus text exposition of every metric. */
    public String scrape() {
        return registry.scrape();
    }
}

package io.quiver.executor.stats;

import io.quiver.executor.api.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Timings per statement shape ({@link QueryShape}), like pg_stat_statements: calls, total time, latency
 * percentiles, rows and the access the last execution used. Bounded: the least recently run shapes are
 * dropped beyond {@value #CAPACITY}.
 */
public final class QueryStatistics {
    static final int CAPACITY = 1_000;

    /** What the quiver_stat.queries view shows of one shape. */
    public record ShapeRow(String shape, long calls, double totalMillis, double meanMillis, double p50Millis,
                           double p95Millis, double p99Millis, long rows, String plan) {
    }

    private static final class Shape {
        private long calls;
        private long totalNanos;
        private long rows;
        private String plan;
        private final LatencyHistogram latencies = new LatencyHistogram();
    }

    private final Map<String, Shape> shapes = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Shape> eldest) {
            return size() > CAPACITY;
        }
    };

    /**
     * {@code statement}, timed into the shape of {@code sql} each time a portal of it completes. Utility
     * statements (DDL, SET, ...) keep their text, as in pg_stat_statements: their constants are not parameters.
     */
    public PreparedStatement track(String sql, PreparedStatement statement, boolean utility) {
        String shape = utility ? sql.strip().replaceAll("\\s+", " ") : QueryShape.of(sql);
        return new TrackedStatement(this, shape, statement);
    }

    void record(String shape, long nanos, long rows, String plan) {
        synchronized (shapes) {
            Shape stats = shapes.computeIfAbsent(shape, s -> new Shape());
            stats.calls++;
            stats.totalNanos += nanos;
            stats.rows += rows;
            stats.plan = plan;
            stats.latencies.record(nanos);
        }
    }

    public List<ShapeRow> rows() {
        synchronized (shapes) {
            List<ShapeRow> rows = new ArrayList<>(shapes.size());
            shapes.forEach((text, s) -> rows.add(new ShapeRow(text, s.calls, s.totalNanos / 1e6,
                    s.totalNanos / 1e6 / s.calls, s.latencies.percentileMillis(0.50),
                    s.latencies.percentileMillis(0.95), s.latencies.percentileMillis(0.99), s.rows, s.plan)));
            return rows;
        }
    }
}

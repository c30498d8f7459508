package io.quiver.executor.vector;

import io.quiver.catalog.IndexDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.index.NeighborCursor;
import io.quiver.index.SearchCounters;
import java.util.Locale;

/**
 * What one vector search node did while a statement ran, for EXPLAIN ANALYZE: rows it returned, time spent
 * producing them (the search and reading the rows back), and the search's own work counters.
 */
public final class VectorSearchReport {
    private final TableDefinition table;
    private final IndexDefinition index;
    private NeighborCursor cursor;
    private long rows;
    private long nanos;

    /** @param index the index searched, null for an exact scan */
    VectorSearchReport(TableDefinition table, IndexDefinition index) {
        this.table = table;
        this.index = index;
    }

    void searching(NeighborCursor searching) {
        this.cursor = searching;
    }

    void produced(boolean row, long elapsedNanos) {
        if (row) {
            rows++;
        }
        nanos += elapsedNanos;
    }

    /** One line in the style of PostgreSQL's "(actual ...)" annotations. */
    public String line() {
        SearchCounters counters = cursor == null ? new SearchCounters() : cursor.counters();
        String node = index == null ? "ExactScan on " + table.name()
                : "VectorSearch on " + table.name() + " using " + index.name();
        String visited = index != null && index.method().equals("hnsw")
                ? ", nodes visited=" + counters.nodesVisited() : "";
        return String.format(Locale.ROOT, "%s: actual rows=%d, time=%.3f ms, distance computations=%d%s",
                node, rows, nanos / 1e6, counters.distanceComputations(), visited);
    }
}

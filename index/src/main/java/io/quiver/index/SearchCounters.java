package io.quiver.index;

/**
 * The work one search did, for EXPLAIN ANALYZE: distances computed (query against stored vectors or
 * IVFFlat centers) and, for HNSW, graph nodes visited. Owned by one cursor, so not thread-safe.
 */
public final class SearchCounters {
    private long distanceComputations;
    private long nodesVisited;

    public long distanceComputations() {
        return distanceComputations;
    }

    public long nodesVisited() {
        return nodesVisited;
    }

    public void addDistances(long count) {
        distanceComputations += count;
    }

    void addVisited(long count) {
        nodesVisited += count;
    }

    /** Adds another search's work, e.g. an exact fallback's or a merged cursor's. */
    public void add(SearchCounters other) {
        distanceComputations += other.distanceComputations;
        nodesVisited += other.nodesVisited;
    }
}

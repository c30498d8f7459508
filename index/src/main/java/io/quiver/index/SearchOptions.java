package io.quiver.index;

/**
 * Per-query settings: pgvector's {@code hnsw.ef_search}, {@code ivfflat.probes} and
 * {@code hnsw.max_scan_tuples} (how many graph nodes a filtered scan may visit before it switches to an
 * exact scan of the allowed rows), and the filter of allowed slots (null for none).
 */
public record SearchOptions(int efSearch, int probes, int maxScanTuples, SlotFilter filter) {
    public static final int DEFAULT_EF_SEARCH = 40;
    public static final int DEFAULT_PROBES = 1;
    public static final int DEFAULT_MAX_SCAN_TUPLES = 20_000;

    public static SearchOptions defaults() {
        return new SearchOptions(DEFAULT_EF_SEARCH, DEFAULT_PROBES, DEFAULT_MAX_SCAN_TUPLES, null);
    }

    public SearchOptions withEfSearch(int value) {
        return new SearchOptions(value, probes, maxScanTuples, filter);
    }

    public SearchOptions withProbes(int value) {
        return new SearchOptions(efSearch, value, maxScanTuples, filter);
    }

    public SearchOptions withMaxScanTuples(int value) {
        return new SearchOptions(efSearch, probes, value, filter);
    }

    public SearchOptions withFilter(SlotFilter value) {
        return new SearchOptions(efSearch, probes, maxScanTuples, value);
    }
}

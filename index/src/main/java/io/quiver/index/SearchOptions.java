package io.quiver.index;

/**
 * Per-query settings: pgvector's {@code hnsw.ef_search}, {@code ivfflat.probes} and
 * {@code hnsw.max_scan_tuples} (how many graph nodes a filtered scan may visit before it switches to an
 * exact scan of the allowed rows), the filter of allowed slots (null for none), and the rows the query
 * wants ({@code limit}, 0 when unknown), which sets how many candidates a quantized index re-ranks.
 */
public record SearchOptions(int efSearch, int probes, int maxScanTuples, SlotFilter filter, int limit) {
    public static final int DEFAULT_EF_SEARCH = 40;
    public static final int DEFAULT_PROBES = 1;
    public static final int DEFAULT_MAX_SCAN_TUPLES = 20_000;

    public static SearchOptions defaults() {
        return new SearchOptions(DEFAULT_EF_SEARCH, DEFAULT_PROBES, DEFAULT_MAX_SCAN_TUPLES, null, 0);
    }

    public SearchOptions withEfSearch(int value) {
        return new SearchOptions(value, probes, maxScanTuples, filter, limit);
    }

    public SearchOptions withProbes(int value) {
        return new SearchOptions(efSearch, value, maxScanTuples, filter, limit);
    }

    public SearchOptions withMaxScanTuples(int value) {
        return new SearchOptions(efSearch, probes, value, filter, limit);
    }

    public SearchOptions withFilter(SlotFilter value) {
        return new SearchOptions(efSearch, probes, maxScanTuples, value, limit);
    }

    public SearchOptions withLimit(int value) {
        return new SearchOptions(efSearch, probes, maxScanTuples, filter, value);
    }
}

package io.quiver.executor.vector;

import io.quiver.catalog.IndexDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.executor.session.PlannerSwitches;
import io.quiver.executor.session.SessionSettings;
import io.quiver.index.DistanceKind;
import io.quiver.index.IndexOptions;
import io.quiver.index.SearchOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * How a k-NN query on one column reads its rows: by an exact SIMD scan, or through an index whose operator
 * class matches the distance, whichever costs least (see {@link #choose}). Decided when planning (for EXPLAIN
 * and costs) and again when running, so a cached plan follows the session's settings and the table's growth.
 *
 * @param index the index to use, or null for an exact scan
 * @param efSearch {@code hnsw.ef_search}, for an hnsw index
 * @param probes {@code ivfflat.probes}, for an ivfflat index
 * @param cost the estimated cost of this access, in float operations
 * @param alternatives every access considered, this one included, cheapest first
 */
record VectorAccess(IndexDefinition index, int efSearch, int probes, double cost, List<Alternative> alternatives) {
    /** Below this many rows an exact scan takes well under a millisecond: no index is worth its recall loss. */
    static final int SMALL_TABLE_ROWS = 5_000;
    /** A graph walk reads vectors scattered in memory, about twice as slow per distance as a sequential scan. */
    private static final double RANDOM_ACCESS_FACTOR = 2;

    /** One access considered, with its cost. */
    record Alternative(String name, double cost) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s cost=%.0f", name, cost);
        }
    }

    /**
     * The cheapest access for {@code k} rows of a table of {@code rows} rows under a filter passing
     * {@code selectivity} of them. Costs count float operations (distances times dimensions):
     * <ul>
     * <li>exact scan: every row's distance, {@code rows x d} — the filter runs on the rows it yields;
     * <li>HNSW: the walk expands about {@code max(ef_search, k / selectivity)} nodes (an iterative search
     * must produce k / selectivity candidates for k to pass the filter), each scoring its neighbours, after
     * descending {@code log2(rows)} upper layers: {@code (2 x max(ef, k/s) + log2 rows) x degree x d};
     * <li>IVFFlat: the centroids, then the probed lists ({@code probes / lists} of the rows), or as many
     * lists as k / selectivity candidates need: {@code (lists + max(rows x probes / lists, k/s)) x d}.
     * </ul>
     * A quantized index ({@code WITH (quantization = ...)}) scores those nodes or entries on codes, at a
     * fraction of {@code d} each (see {@link #approximateCost}), plus a scoring table per query, and then
     * re-ranks {@code max(ef_search, k x rerank)} candidates with full distances: {@code candidates x d} more.
     * An exact scan is also taken when index scans are off, and below {@link #SMALL_TABLE_ROWS} rows.
     *
     * @param degree an index's average neighbours per node (HNSW), as built or as its options imply
     */
    static VectorAccess choose(TableDefinition table, VectorSource source, DistanceKind kind, long rows,
                               double selectivity, int k, SessionSettings settings,
                               ToDoubleFunction<IndexDefinition> degree) {
        int efSearch = IndexOptions.efSearch(settings.show("hnsw.ef_search"));
        int probes = IndexOptions.probes(settings.show("ivfflat.probes"));
        boolean indexScan = PlannerSwitches.indexScansEnabled(settings);
        double n = Math.max(1, rows);
        int dimensions = source.costWidth();
        double candidates = k / Math.max(selectivity, 1 / n);
        double exactCost = n * dimensions;
        List<Alternative> alternatives = new ArrayList<>();
        alternatives.add(new Alternative("ExactScan", exactCost));
        IndexDefinition best = null;
        double bestCost = exactCost;
        if (indexScan) {
            for (IndexDefinition index : table.vectorIndexes()) {
                if (!VectorSource.ofIndex(table, index).equals(source)
                        || DistanceKind.forOpclass(index.opclass(), index.method()) != kind) {
                    continue;
                }
                boolean hnsw = index.method().equals("hnsw");
                IndexOptions.Quantization quantization = quantization(index);
                double perDistance = approximateCost(quantization, dimensions);
                double reranked = quantization.quantized() ? quantization.candidates(k, hnsw ? efSearch : 1) : 0;
                double cost = (hnsw
                        ? (RANDOM_ACCESS_FACTOR * Math.max(efSearch, candidates) + log2(n))
                                * degree.applyAsDouble(index) * perDistance
                        : ivfFlatCost(index, n, probes, candidates, dimensions, perDistance))
                        + (reranked + tableCost(quantization, dimensions)) * dimensions;
                alternatives.add(new Alternative("VectorSearch(" + index.method() + " " + index.name() + ")", cost));
                if (rows >= SMALL_TABLE_ROWS && cost < bestCost) {
                    best = index;
                    bestCost = cost;
                }
            }
        }
        alternatives.sort(Comparator.comparingDouble(Alternative::cost));
        return new VectorAccess(best, efSearch, probes, bestCost, List.copyOf(alternatives));
    }

    private static double ivfFlatCost(IndexDefinition index, double rows, int probes, double candidates,
                                      int dimensions, double perEntry) {
        double lists = IndexOptions.ivfflat(index.options()).lists();
        return lists * dimensions + Math.max(rows * Math.min(probes, lists) / lists, Math.min(rows, candidates))
                * perEntry;
    }

    /** The index's quantization options (none for an index without them). */
    static IndexOptions.Quantization quantization(IndexDefinition index) {
        return index.method().equals("hnsw") ? IndexOptions.hnsw(index.options()).quantization()
                : IndexOptions.ivfflat(index.options()).quantization();
    }

    /**
     * Float operations per approximate distance: sq8 decodes then runs the full kernel (about d), pq adds one
     * table entry per subspace, bq one per 8 dimensions; float32, d.
     */
    private static double approximateCost(IndexOptions.Quantization quantization, int dimensions) {
        return switch (quantization.method()) {
            case "pq" -> quantization.subspaces(dimensions);
            case "bq" -> Math.ceil(dimensions / 8.0);
            default -> dimensions;
        };
    }

    /** The query's scoring table, in distances of d: 256 entries per subspace (pq) or per byte (bq). */
    private static double tableCost(IndexOptions.Quantization quantization, int dimensions) {
        return switch (quantization.method()) {
            case "pq" -> 256;
            case "bq" -> 256.0 / 8;
            default -> 0;
        };
    }

    private static double log2(double n) {
        return Math.max(1, Math.log(n) / Math.log(2));
    }

    /** The alternatives as EXPLAIN prints them. */
    String describeAlternatives() {
        return alternatives.stream().map(Alternative::toString).collect(Collectors.joining(", "));
    }

    /** The access as quiver_stat.queries names it. */
    String describe() {
        return index == null ? "ExactScan" : "VectorSearch " + index.method() + " " + index.name();
    }

    SearchOptions searchOptions() {
        return SearchOptions.defaults().withEfSearch(efSearch).withProbes(probes);
    }
}

package io.quiver.executor.vector;

import io.quiver.catalog.IndexDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.executor.session.SessionSettings;
import io.quiver.index.DistanceKind;
import io.quiver.index.IndexOptions;
import io.quiver.index.SearchOptions;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

/**
 * How a k-NN query on one column reads its rows: through the index whose operator class matches the
 * distance, or by an exact SIMD scan when no index matches, {@code enable_indexscan} is off, or the table
 * is so small that an exact scan is as fast as an index walk. Decided when planning (for EXPLAIN and
 * costs) and again when running, so a cached plan follows the session's settings and the table's growth.
 *
 * @param index the index to use, or null for an exact scan
 * @param efSearch {@code hnsw.ef_search}, for an hnsw index
 * @param probes {@code ivfflat.probes}, for an ivfflat index
 */
record VectorAccess(IndexDefinition index, int efSearch, int probes) {
    /** Below this many rows an exact scan takes well under a millisecond: no index is worth its recall loss. */
    static final int SMALL_TABLE_ROWS = 5_000;
    private static final Set<String> FALSE = Set.of("off", "of", "false", "f", "fa", "fal", "fals", "no", "n", "0");

    static VectorAccess choose(TableDefinition table, int column, DistanceKind kind, long rows,
                               SessionSettings settings) {
        int efSearch = IndexOptions.efSearch(settings.show("hnsw.ef_search"));
        int probes = IndexOptions.probes(settings.show("ivfflat.probes"));
        boolean indexScan = !FALSE.contains(settings.show("enable_indexscan").strip().toLowerCase(Locale.ROOT));
        IndexDefinition index = !indexScan || rows < SMALL_TABLE_ROWS ? null : table.indexes().stream()
                .filter(i -> i.column() == column && DistanceKind.forOpclass(i.opclass(), i.method()) == kind)
                // HNSW first: at its defaults it has the better recall of the two.
                .min(Comparator.comparing(i -> !i.method().equals("hnsw")))
                .orElse(null);
        return new VectorAccess(index, efSearch, probes);
    }

    SearchOptions searchOptions() {
        return SearchOptions.defaults().withEfSearch(efSearch).withProbes(probes);
    }
}

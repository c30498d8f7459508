package io.quiver.index;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;

/**
 * An approximate nearest-neighbour index over one {@link VectorColumn}. Entries are the column's slots;
 * the column stays the source of vectors and of deletions, so a deleted row is never returned even
 * before {@link #delete(int)} reaches the index. Distances returned are recomputed exactly from the
 * column, so only the choice of rows is approximate, never their values.
 */
public interface VectorIndex extends AutoCloseable {
    /**
     * At or below this share of the live rows (1/32), a filter is served by an exact scan of the rows it
     * allows: an index walk would visit about 1/share rows for each one it may return.
     */
    int EXACT_FILTER_SHARE = 32;
    /** Filters allowing at most this many rows are always served exactly: that scan is tiny. */
    int EXACT_FILTER_MAX_ROWS = 1_000;

    /** "hnsw" or "ivfflat", as in CREATE INDEX ... USING. */
    String accessMethod();

    DistanceKind distanceKind();

    VectorColumn column();

    /** Adds the vector the column holds in {@code slot} (appended after the index was built). */
    void insert(int slot);

    /**
     * After loading an index from its files: adds the rows the column gained since it was saved ({@link #insert}
     * skips the slots the index already holds).
     */
    default void insertLiveRows() {
        VectorColumn column = column();
        int size = column.size();
        for (int slot = 0; slot < size; slot++) {
            if (column.isLive(slot)) {
                insert(slot);
            }
        }
    }

    /** Drops a deleted slot from the index structure; searches already skip it through the column. */
    void delete(int slot);

    /**
     * VACUUM: removes deleted slots from the index structure for good (until then they are only skipped),
     * so they no longer cost memory or search time.
     */
    default void vacuum() {
    }

    /** A cursor over the neighbors of {@code query} that pass {@code options.filter()}. */
    NeighborCursor open(float[] query, SearchOptions options);

    /** Writes the index into {@code directory} (created if missing), to be read by {@link IndexFiles#load}. */
    void save(Path directory);

    IndexStats stats();

    /**
     * The k nearest allowed rows, nearest first: exactly k when at least k live rows pass the filter.
     * Selective filters go to an exact scan; the others walk the index and resume until k rows passed.
     */
    default Neighbor[] search(float[] query, int k, SearchOptions options) {
        SlotFilter filter = options.filter();
        if (filter != null && filter.allowedCount() >= 0 && servedExactly(filter.allowedCount())) {
            return ExactScan.search(column(), distanceKind(), query, k, filter);
        }
        Neighbor[] found = new Neighbor[Math.max(0, k)];
        int count = 0;
        try (NeighborCursor cursor = open(query, options.limit() > 0 ? options : options.withLimit(k))) {
            for (Neighbor next; count < found.length && (next = cursor.next()) != null; ) {
                found[count++] = next;
            }
        }
        Neighbor[] result = Arrays.copyOf(found, count);
        Arrays.sort(result, Comparator.comparing(Neighbor::distance, Float::compare)
                .thenComparingInt(Neighbor::slot));
        return result;
    }

    private boolean servedExactly(long allowed) {
        return allowed <= EXACT_FILTER_MAX_ROWS || allowed * EXACT_FILTER_SHARE <= column().liveCount();
    }

    @Override
    default void close() {
    }
}

package io.quiver.index;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;

import java.util.BitSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Top-k by brute force: every live (and allowed) vector of a column against the query with the SIMD
 * kernels, kept in a bounded heap. Memory-bandwidth bound, so it is the right plan for small tables,
 * selective filters, and any query no index serves. Exact, so it is also the ground truth for recall.
 */
public final class ExactScan {
    /**
     * Below this many slots (2 chunks, 8 MiB of 128-d vectors) a second thread costs more to hand work to
     * than it saves; above it the scan is split in two halves (the machine this was tuned on had two cores):
     * a 100k x 128-d scan takes ~1.5 ms on two cores against ~2.7 ms on one, the hand-off ~20 us.
     */
    static final int PARALLEL_MIN_SLOTS = 2 * VectorColumn.CHUNK_ROWS;

    private static final ExecutorService HELPERS = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors() - 1), runnable -> {
                Thread thread = new Thread(runnable, "quiver-exact-scan");
                thread.setDaemon(true);
                return thread;
            });

    private ExactScan() {
    }

    /** The k nearest live vectors passing {@code filter} (null for all), nearest first. */
    public static Neighbor[] search(VectorColumn column, DistanceKind kind, float[] query, int k, SlotFilter filter) {
        return search(column, kind, query, k, filter, column.size() >= PARALLEL_MIN_SLOTS);
    }

    public static Neighbor[] search(VectorColumn column, DistanceKind kind, float[] query, int k, SlotFilter filter,
                                    boolean parallel) {
        return search(column, kind, query, k, filter, parallel, new SearchCounters());
    }

    /** As {@link #search(VectorColumn, DistanceKind, float[], int, SlotFilter)}, counting its distances. */
    static Neighbor[] search(VectorColumn column, DistanceKind kind, float[] query, int k, SlotFilter filter,
                             SearchCounters counters) {
        return search(column, kind, query, k, filter, column.size() >= PARALLEL_MIN_SLOTS, counters);
    }

    private static Neighbor[] search(VectorColumn column, DistanceKind kind, float[] query, int k,
                                     SlotFilter filter, boolean parallel, SearchCounters counters) {
        checkQuery(column, query);
        int end = column.size();
        if (k <= 0 || end == 0) {
            return new Neighbor[0];
        }
        TopK top;
        if (parallel && end >= 2) {
            int middle = end / 2;
            CompletableFuture<TopK> upper = CompletableFuture.supplyAsync(
                    () -> scan(column, kind, query, k, filter, middle, end), HELPERS);
            top = scan(column, kind, query, k, filter, 0, middle);
            top.addAll(upper.join());
        } else {
            top = scan(column, kind, query, k, filter, 0, end);
        }
        counters.addDistances(top.offered());
        return top.sorted(column, kind);
    }

    /**
     * A cursor over every live vector passing {@code filter} in ascending distance, exact at every step:
     * the plan for queries no index serves, which stops as soon as the consumer has enough rows.
     */
    public static NeighborCursor cursor(VectorColumn column, DistanceKind kind, float[] query, int firstBatch,
                                        SlotFilter filter) {
        checkQuery(column, query);
        return new ExactCursor(column, kind, query, filter, firstBatch, new BitSet());
    }

    static void checkQuery(VectorColumn column, float[] query) {
        if (!column.isVariableWidth() && query.length != column.dimensions()) {
            throw QuiverException.of(SqlState.DATA_EXCEPTION,
                    "different vector dimensions %d and %d", column.dimensions(), query.length);
        }
    }

    private static TopK scan(VectorColumn column, DistanceKind kind, float[] query, int k, SlotFilter filter,
                             int from, int to) {
        TopK top = new TopK(k);
        int dims = column.dimensions();
        int slot = from;
        while (slot < to) {
            int chunk = slot >>> VectorColumn.CHUNK_SHIFT;
            int chunkEnd = Math.min(to, (chunk + 1) << VectorColumn.CHUNK_SHIFT);
            float[] data = column.chunkData(chunk);
            if (column.isVariableWidth()) {
                for (; slot < chunkEnd; slot++) {
                    if (column.isLive(slot) && (filter == null || filter.allows(slot))) {
                        top.offer(kind.key(query, 0, data, column.offset(slot), dims), slot);
                    }
                }
                continue;
            }
            for (int offset = column.offset(slot); slot < chunkEnd; slot++, offset += dims) {
                if (column.isLive(slot) && (filter == null || filter.allows(slot))) {
                    top.offer(kind.key(query, 0, data, offset, dims), slot);
                }
            }
        }
        return top;
    }
}

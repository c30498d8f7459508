package io.quiver.executor.stats;

import java.util.Map;
import java.util.TreeMap;

/**
 * The norms of a vector column as exact counts on a fixed grid: a norm's cell is its float32 value with the
 * low 11 mantissa bits dropped, so cells are 1/4096 of a power of two wide. Because the grid never moves,
 * removing a norm is exact, and the counts kept incrementally equal the counts a recomputation finds; the
 * minimum, maximum and histogram are derived from the cells, so they are exact to the grid's resolution
 * (one part in 4096) and stay so when the extreme rows are deleted. Memory is one entry per occupied cell:
 * at most 4096 per power of two the norms span.
 */
final class NormGrid {
    private static final int DROPPED_BITS = 11;
    private static final int CELL_MASK = (1 << DROPPED_BITS) - 1;

    private final TreeMap<Integer, Long> cells = new TreeMap<>();
    private long count;

    /** The norm of a vector as the statistics see it: computed in double, rounded to float32. */
    static float norm(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        return (float) Math.sqrt(sum);
    }

    void add(float norm) {
        cells.merge(cell(norm), 1L, Long::sum);
        count++;
    }

    void remove(float norm) {
        int cell = cell(norm);
        Long held = cells.get(cell);
        if (held == null) {
            return;
        }
        if (held == 1) {
            cells.remove(cell);
        } else {
            cells.put(cell, held - 1);
        }
        count--;
    }

    long count() {
        return count;
    }

    /** The lower edge of the smallest occupied cell, or null when empty. */
    Float min() {
        return cells.isEmpty() ? null : lowerEdge(cells.firstKey());
    }

    /** The upper edge of the largest occupied cell, or null when empty. */
    Float max() {
        return cells.isEmpty() ? null : upperEdge(cells.lastKey());
    }

    /**
     * ceil(log2 n) equal-width buckets (at least one) between {@link #min} and {@link #max}: their
     * {@code buckets + 1} bounds and each bucket's count (a cell counts in the bucket of its midpoint).
     */
    Histogram histogram() {
        if (cells.isEmpty()) {
            return new Histogram(new double[0], new long[0]);
        }
        int buckets = Math.max(1, 64 - Long.numberOfLeadingZeros(count - 1));
        double low = min();
        double high = max();
        double width = (high - low) / buckets;
        double[] bounds = new double[buckets + 1];
        for (int b = 0; b <= buckets; b++) {
            bounds[b] = b == buckets ? high : low + b * width;
        }
        long[] counts = new long[buckets];
        for (Map.Entry<Integer, Long> cell : cells.entrySet()) {
            double middle = ((double) lowerEdge(cell.getKey()) + upperEdge(cell.getKey())) / 2;
            int bucket = width == 0 ? 0 : (int) Math.min(buckets - 1, Math.floor((middle - low) / width));
            counts[bucket] += cell.getValue();
        }
        return new Histogram(bounds, counts);
    }

    /** The occupied cells and their counts, for persistence. */
    Map<Integer, Long> cells() {
        return cells;
    }

    void putCell(int cell, long cellCount) {
        cells.put(cell, cellCount);
        count += cellCount;
    }

    /** Norms are non-negative, whose float bits order as the floats do. */
    private static int cell(float norm) {
        return Float.floatToIntBits(Math.abs(norm)) >>> DROPPED_BITS;
    }

    private static float lowerEdge(int cell) {
        return Float.intBitsToFloat(cell << DROPPED_BITS);
    }

    private static float upperEdge(int cell) {
        return Float.intBitsToFloat((cell << DROPPED_BITS) | CELL_MASK);
    }

    /** A norm histogram: {@code bounds.length == counts.length + 1}. */
    record Histogram(double[] bounds, long[] counts) {
    }
}

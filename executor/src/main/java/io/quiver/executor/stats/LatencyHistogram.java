package io.quiver.executor.stats;

/**
 * Latencies in a fixed log-linear histogram: 16 buckets per power of two of microseconds, from 1 µs to
 * about 70 minutes, so any percentile it reports is within 1/16 (6%) of the true one, in 4 KiB per histogram.
 */
final class LatencyHistogram {
    private static final int SUB_BUCKETS = 16;
    private static final int SUB_BITS = 4;
    private static final int POWERS = 32;

    private final long[] counts = new long[POWERS * SUB_BUCKETS];
    private long total;

    void record(long nanos) {
        counts[bucket(Math.max(1, nanos / 1_000))]++;
        total++;
    }

    /** The {@code quantile} (0..1) latency in milliseconds, or 0 before the first record. */
    double percentileMillis(double quantile) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int b = 0; b < counts.length; b++) {
            seen += counts[b];
            if (seen >= rank) {
                return (lowerMicros(b) + lowerMicros(b + 1)) / 2.0 / 1_000;
            }
        }
        return lowerMicros(counts.length) / 1_000.0;
    }

    /** Below 16 µs one bucket per microsecond; above, 16 per power of two. */
    private static int bucket(long micros) {
        if (micros < SUB_BUCKETS) {
            return (int) micros;
        }
        int power = 63 - Long.numberOfLeadingZeros(micros);
        int sub = (int) (micros >>> (power - SUB_BITS)) & (SUB_BUCKETS - 1);
        return Math.min(POWERS * SUB_BUCKETS - 1, (power - SUB_BITS + 1) * SUB_BUCKETS + sub);
    }

    private static long lowerMicros(int bucket) {
        if (bucket < SUB_BUCKETS) {
            return bucket;
        }
        int power = bucket / SUB_BUCKETS + SUB_BITS - 1;
        long sub = bucket % SUB_BUCKETS;
        return (1L << power) + (sub << (power - SUB_BITS));
    }
}

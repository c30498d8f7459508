package io.quiver.executor.stats;

import com.dynatrace.hash4j.distinctcount.UltraLogLog;
import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A scalar column's statistics: NULL count and, for values that order (numbers, text, booleans, dates and
 * times), what selectivity estimates need.
 *
 * <p>While the column holds at most {@value #EXACT_DISTINCT} distinct values (categories, flags, small
 * ranges) their counts are kept exactly, so distinct count, most common values and range fractions are exact
 * and follow deletes. Past that, the counts are dropped for two bounded summaries: an UltraLogLog sketch
 * (hash4j; 4 KiB, ~1% error) for the distinct count, and a {@value #SAMPLE_SIZE}-value reservoir sample for
 * histogram bounds, frequent values and range fractions. The sketch cannot forget a value, so after deletes
 * it overestimates until the next ANALYZE rebuilds it; a deleted value leaves the sample when it is in it.
 */
final class ScalarColumnStatistics implements ColumnStatistics {
    static final int EXACT_DISTINCT = 1_000;
    static final int SAMPLE_SIZE = 1_024;
    private static final int SKETCH_PRECISION = 12;
    private static final Hasher64 HASHER = Hashing.komihash5_0();

    private long nulls;
    private long values;
    /** Exact value counts, or null once there were more than {@link #EXACT_DISTINCT} distinct values. */
    private Map<Comparable<Object>, Long> counts = new HashMap<>();
    private UltraLogLog distinct = UltraLogLog.create(SKETCH_PRECISION);
    private final List<Comparable<Object>> sample = new ArrayList<>();
    /** Seeded, so a recomputation over the same rows in the same order draws the same sample. */
    private final Random random = new Random(42);

    @Override
    public void add(Object value) {
        if (value == null) {
            nulls++;
            return;
        }
        values++;
        Comparable<Object> key = StatisticsKey.of(value);
        if (key == null) {
            return;
        }
        distinct.add(HASHER.hashCharsToLong(key.toString()));
        if (counts != null) {
            counts.merge(key, 1L, Long::sum);
            if (counts.size() > EXACT_DISTINCT) {
                counts = null;
            }
        }
        if (sample.size() < SAMPLE_SIZE) {
            sample.add(key);
        } else {
            long slot = random.nextLong(values);
            if (slot < SAMPLE_SIZE) {
                sample.set((int) slot, key);
            }
        }
    }

    @Override
    public void remove(Object value) {
        if (value == null) {
            nulls--;
            return;
        }
        values--;
        Comparable<Object> key = StatisticsKey.of(value);
        if (key == null) {
            return;
        }
        if (counts != null) {
            counts.computeIfPresent(key, (k, held) -> held == 1 ? null : held - 1);
        }
        sample.remove(key);
    }

    @Override
    public long nulls() {
        return nulls;
    }

    /** Non-NULL values. */
    long values() {
        return values;
    }

    /** Whether {@code key} is of the class this column's values have (only those compare with them). */
    boolean comparesWith(Comparable<Object> key) {
        Comparable<Object> any = counts != null && !counts.isEmpty() ? counts.keySet().iterator().next()
                : sample.isEmpty() ? null : sample.get(0);
        return key != null && any != null && any.getClass() == key.getClass();
    }

    boolean exact() {
        return counts != null;
    }

    /** The number of distinct non-NULL values: exact, or the sketch's estimate (never above the value count). */
    double distinctCount() {
        if (counts != null) {
            return counts.size();
        }
        return Math.min(values, Math.max(1, Math.round(distinct.getDistinctCountEstimate())));
    }

    /** The share of non-NULL values equal to {@code key}. */
    double equalFraction(Comparable<Object> key) {
        if (values == 0) {
            return 0;
        }
        if (counts != null) {
            return counts.getOrDefault(key, 0L) / (double) values;
        }
        long inSample = sample.stream().filter(key::equals).count();
        return inSample > 1 ? inSample / (double) sample.size() : 1 / distinctCount();
    }

    /** The share of non-NULL values in a range; a null bound is open. */
    double rangeFraction(Comparable<Object> lower, boolean lowerInclusive, Comparable<Object> upper,
                         boolean upperInclusive) {
        if (values == 0) {
            return 0;
        }
        long inside = 0;
        long total = 0;
        if (counts != null) {
            for (Map.Entry<Comparable<Object>, Long> entry : counts.entrySet()) {
                total += entry.getValue();
                if (within(entry.getKey(), lower, lowerInclusive, upper, upperInclusive)) {
                    inside += entry.getValue();
                }
            }
        } else {
            for (Comparable<Object> key : sample) {
                total++;
                if (within(key, lower, lowerInclusive, upper, upperInclusive)) {
                    inside++;
                }
            }
        }
        return total == 0 ? 0 : inside / (double) total;
    }

    private static boolean within(Comparable<Object> key, Comparable<Object> lower, boolean lowerInclusive,
                                  Comparable<Object> upper, boolean upperInclusive) {
        if (lower != null) {
            int c = key.compareTo(lower);
            if (c < 0 || (c == 0 && !lowerInclusive)) {
                return false;
            }
        }
        if (upper != null) {
            int c = key.compareTo(upper);
            return c < 0 || (c == 0 && upperInclusive);
        }
        return true;
    }

    /**
     * The values seen more than once, most frequent first (ties in value order), at most {@code limit}, with
     * their share of all rows including NULLs: PostgreSQL's most_common_vals and most_common_freqs.
     */
    List<Map.Entry<Comparable<Object>, Double>> mostCommon(int limit) {
        Map<Comparable<Object>, Long> frequencies = counts;
        double scale = nulls + values;
        if (frequencies == null) {
            frequencies = new HashMap<>();
            for (Comparable<Object> key : sample) {
                frequencies.merge(key, 1L, Long::sum);
            }
            scale = sample.size() * (nulls + values) / (double) Math.max(1, values);
        }
        double total = scale;
        return frequencies.entrySet().stream().filter(e -> e.getValue() > 1)
                .sorted(Map.Entry.<Comparable<Object>, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> Map.entry(e.getKey(), e.getValue() / total))
                .toList();
    }

    /** Up to {@code buckets + 1} values splitting the non-NULL values into equally filled ranges. */
    List<Comparable<Object>> histogramBounds(int buckets) {
        List<Comparable<Object>> sorted = new ArrayList<>();
        if (counts != null) {
            List<Map.Entry<Comparable<Object>, Long>> entries = new ArrayList<>(counts.entrySet());
            entries.sort(Map.Entry.comparingByKey());
            long position = 0;
            int bound = 0;
            long total = values;
            for (Map.Entry<Comparable<Object>, Long> entry : entries) {
                long end = position + entry.getValue();
                while (bound <= buckets && (long) bound * (total - 1) / buckets < end) {
                    if (sorted.isEmpty() || !sorted.get(sorted.size() - 1).equals(entry.getKey())) {
                        sorted.add(entry.getKey());
                    }
                    bound++;
                }
                position = end;
            }
            return sorted;
        }
        sorted.addAll(sample);
        sorted.sort(Comparator.naturalOrder());
        List<Comparable<Object>> bounds = new ArrayList<>();
        for (int b = 0; b <= buckets && !sorted.isEmpty(); b++) {
            Comparable<Object> value = sorted.get((int) ((long) b * (sorted.size() - 1) / buckets));
            if (bounds.isEmpty() || !bounds.get(bounds.size() - 1).equals(value)) {
                bounds.add(value);
            }
        }
        return bounds;
    }

    Map<Comparable<Object>, Long> counts() {
        return counts;
    }

    List<Comparable<Object>> sample() {
        return sample;
    }

    UltraLogLog sketch() {
        return distinct;
    }

    void restore(long restoredNulls, long restoredValues, Map<Comparable<Object>, Long> restoredCounts,
                 List<Comparable<Object>> restoredSample, UltraLogLog restoredSketch) {
        this.nulls = restoredNulls;
        this.values = restoredValues;
        this.counts = restoredCounts;
        this.sample.clear();
        this.sample.addAll(restoredSample);
        this.distinct = restoredSketch;
    }
}

package io.quiver.executor.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact value counts for few distinct values, the sketch and sample beyond; selectivity from both. */
class ScalarColumnStatisticsTest {
    @Test
    void fewDistinctValuesAreCountedExactly() {
        ScalarColumnStatistics column = new ScalarColumnStatistics();
        for (int i = 0; i < 1_000; i++) {
            column.add(i % 10);
        }
        column.add(null);
        column.remove(3);
        assertThat(column.exact()).isTrue();
        assertThat(column.distinctCount()).isEqualTo(10);
        assertThat(column.equalFraction(key(7))).isEqualTo(100 / 999.0);
        assertThat(column.equalFraction(key(3))).isEqualTo(99 / 999.0);
        assertThat(column.rangeFraction(null, false, key(5), false)).isEqualTo(499 / 999.0);
        assertThat(column.rangeFraction(key(2), true, key(4), true)).isEqualTo(299 / 999.0);
        assertThat(column.histogramBounds(100)).hasSize(10).startsWith(key(0)).endsWith(key(9));
        assertThat(column.mostCommon(3)).extracting(e -> e.getKey()).containsExactly(key(0), key(1), key(2));
    }

    @Test
    void manyDistinctValuesAreEstimatedFromTheSketchAndTheSample() {
        ScalarColumnStatistics column = new ScalarColumnStatistics();
        for (int i = 0; i < 50_000; i++) {
            column.add((long) i);
        }
        assertThat(column.exact()).isFalse();
        assertThat(column.distinctCount()).isCloseTo(50_000, within(50_000 * 0.05));
        assertThat(column.rangeFraction(null, false, key(10_000), false)).isCloseTo(0.2, within(0.05));
        assertThat(column.equalFraction(key(123))).isCloseTo(1 / 50_000.0, within(1e-5));
        List<Comparable<Object>> bounds = column.histogramBounds(10);
        assertThat(bounds).hasSize(11).isSorted();
    }

    @Test
    void textCompareAsText() {
        ScalarColumnStatistics column = new ScalarColumnStatistics();
        List.of("apple", "banana", "cherry", "date").forEach(column::add);
        assertThat(column.rangeFraction(key("b"), true, key("d"), false)).isEqualTo(0.5);
        assertThat(column.comparesWith(key("x"))).isTrue();
        assertThat(column.comparesWith(key(1))).isFalse();
    }

    private static Comparable<Object> key(Object value) {
        return StatisticsKey.of(value);
    }
}

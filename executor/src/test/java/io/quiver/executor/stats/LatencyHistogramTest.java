package io.quiver.executor.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    @Test
    void percentilesAreWithinTheBucketResolution() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int ms = 1; ms <= 1_000; ms++) {
            histogram.record(ms * 1_000_000L);
        }
        assertThat(histogram.percentileMillis(0.50)).isCloseTo(500, within(500 / 16.0));
        assertThat(histogram.percentileMillis(0.95)).isCloseTo(950, within(950 / 16.0));
        assertThat(histogram.percentileMillis(0.99)).isCloseTo(990, within(990 / 16.0));
        assertThat(new LatencyHistogram().percentileMillis(0.5)).isZero();
    }

    @Test
    void submillisecondLatenciesKeepTheirMicroseconds() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(5_000);
        assertThat(histogram.percentileMillis(0.5)).isCloseTo(0.005, within(0.001));
    }
}

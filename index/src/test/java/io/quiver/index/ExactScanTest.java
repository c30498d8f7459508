package io.quiver.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExactScanTest {
    private final SyntheticVectors data = new SyntheticVectors(37, 10, 1);
    private final VectorColumn column = data.column(3_000);

    @ParameterizedTest
    @EnumSource(value = DistanceKind.class, names = {"HAMMING", "JACCARD"}, mode = EnumSource.Mode.EXCLUDE)
    void equalsBruteForceInDoublePrecision(DistanceKind kind) {
        float[] query = data.next();
        Neighbor[] found = ExactScan.search(column, kind, query, 10, null);

        int[] expected = IntStream.range(0, column.size()).boxed()
                .sorted(Comparator.comparingDouble(slot -> bruteForce(kind, query, column.get(slot))))
                .limit(10).mapToInt(Integer::intValue).toArray();
        assertThat(Arrays.stream(found).mapToInt(Neighbor::slot).toArray()).containsExactly(expected);
        for (Neighbor neighbor : found) {
            assertThat((double) neighbor.distance())
                    .isCloseTo(bruteForce(kind, query, column.get(neighbor.slot())), within(1e-3));
            assertThat(neighbor.rowId()).isEqualTo(neighbor.slot() + 1);
        }
    }

    @Test
    void parallelScanEqualsSerialScan() {
        float[] query = data.next();
        assertThat(ExactScan.search(column, DistanceKind.L2, query, 25, null, true))
                .containsExactly(ExactScan.search(column, DistanceKind.L2, query, 25, null, false));
    }

    @Test
    void skipsDeletedRowsAndHonoursTheFilter() {
        float[] query = column.get(42);
        column.delete(column.rowIdOf(42));
        Neighbor[] found = ExactScan.search(column, DistanceKind.L2, query, 50, slot -> slot % 2 == 0);
        assertThat(found).hasSize(50).noneMatch(n -> n.slot() == 42).allMatch(n -> n.slot() % 2 == 0);
    }

    @Test
    void returnsFewerRowsOnlyWhenFewerExist() {
        assertThat(ExactScan.search(column, DistanceKind.L1, data.next(), 10, slot -> slot < 3)).hasSize(3);
        assertThat(ExactScan.search(new VectorColumn(37), DistanceKind.L1, data.next(), 10, null)).isEmpty();
    }

    @Test
    void updatedRowMovesToANewSlot() {
        float[] replacement = data.next();
        int slot = column.append(7, replacement);
        assertThat(column.slotOf(7)).isEqualTo(slot);
        assertThat(column.isLive(6)).isFalse();
        assertThat(ExactScan.search(column, DistanceKind.L2, replacement, 1, null)[0].rowId()).isEqualTo(7);
    }

    static double bruteForce(DistanceKind kind, float[] a, float[] b) {
        double dot = 0, normA = 0, normB = 0, l2 = 0, l1 = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            normA += (double) a[i] * a[i];
            normB += (double) b[i] * b[i];
            l2 += ((double) a[i] - b[i]) * ((double) a[i] - b[i]);
            l1 += Math.abs((double) a[i] - b[i]);
        }
        return switch (kind) {
            case L2 -> Math.sqrt(l2);
            case INNER_PRODUCT -> -dot;
            case COSINE -> 1 - dot / Math.sqrt(normA * normB);
            case L1 -> l1;
            case HAMMING, JACCARD -> throw new IllegalArgumentException("not a distance between float vectors");
        };
    }
}

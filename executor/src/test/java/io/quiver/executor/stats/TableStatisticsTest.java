package io.quiver.executor.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quiver.catalog.ColumnDefinition;
import io.quiver.catalog.SqlType;
import io.quiver.catalog.TableDefinition;
import io.quiver.common.type.PgType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The incremental statistics math: after a random mix of inserts, updates and deletes, the statistics kept
 * equal those of the surviving rows counted afresh, and survive their saved form.
 */
class TableStatisticsTest {
    private static final int DIMS = 16;
    private static final TableDefinition TABLE = new TableDefinition(1, "public", "t", List.of(
            new ColumnDefinition("embedding", SqlType.vector(DIMS), false, null, false),
            new ColumnDefinition("category", SqlType.of(PgType.INT4), false, null, false),
            new ColumnDefinition("name", SqlType.of(PgType.TEXT), false, null, false)),
            List.of(), null, null);

    @Test
    void keptStatisticsEqualARecount() {
        Random random = new Random(3);
        TableStatistics kept = new TableStatistics(TABLE);
        List<Object[]> rows = new ArrayList<>();
        long changed = 0;
        for (int step = 0; step < 20_000; step++) {
            int action = random.nextInt(10);
            if (action < 5 || rows.isEmpty()) {
                Object[] row = row(random);
                rows.add(row);
                kept.inserted(row);
            } else if (action < 8) {
                Object[] row = row(random);
                kept.updated(rows.set(random.nextInt(rows.size()), row), row);
                changed++;
            } else {
                int victim = random.nextInt(rows.size());
                Object[] last = rows.remove(rows.size() - 1);
                kept.deleted(victim == rows.size() ? last : rows.set(victim, last));
                changed++;
            }
        }
        TableStatistics recount = new TableStatistics(TABLE);
        rows.forEach(recount::scanned);

        assertThat(kept.liveRows()).isEqualTo(rows.size()).isEqualTo(recount.liveRows());
        assertThat(kept.deadRows()).isEqualTo(changed);
        TableStatistics.VectorSummary a = kept.vector(0);
        TableStatistics.VectorSummary b = recount.vector(0);
        assertThat(a.vectors()).isEqualTo(b.vectors());
        assertThat(a.nulls()).isEqualTo(b.nulls());
        for (int d = 0; d < DIMS; d++) {
            assertThat(a.mean()[d]).isCloseTo(b.mean()[d], within(1e-4f));
        }
        assertThat(a.minNorm()).isEqualTo(b.minNorm());
        assertThat(a.maxNorm()).isEqualTo(b.maxNorm());
        assertThat(a.histogramBounds()).isEqualTo(b.histogramBounds());
        assertThat(a.histogramCounts()).isEqualTo(b.histogramCounts());
        assertThat(a.histogramCounts()).hasSize(64 - Long.numberOfLeadingZeros(a.vectors() - 1));
        assertThat(kept.scalar(1, 100, 100)).isEqualTo(recount.scalar(1, 100, 100));
        assertThat(kept.scalar(2, 100, 100).nullFraction()).isEqualTo(recount.scalar(2, 100, 100).nullFraction());
    }

    @Test
    void normBoundsHoldTheExtremesWithinTheGridAfterTheyAreDeleted() {
        TableStatistics stats = new TableStatistics(TABLE);
        Object[] small = {scaled(0.5f), 1, "a"};
        Object[] middle = {scaled(3f), 1, "b"};
        Object[] large = {scaled(100f), 1, "c"};
        stats.inserted(small);
        stats.inserted(middle);
        stats.inserted(large);
        assertThat(stats.vector(0).minNorm()).isCloseTo(0.5f, within(0.5f / 4096)).isLessThanOrEqualTo(0.5f);
        assertThat(stats.vector(0).maxNorm()).isCloseTo(100f, within(100f / 4096)).isGreaterThanOrEqualTo(100f);
        stats.deleted(small);
        stats.deleted(large);
        assertThat(stats.vector(0).minNorm()).isCloseTo(3f, within(3f / 4096)).isLessThanOrEqualTo(3f);
        assertThat(stats.vector(0).maxNorm()).isCloseTo(3f, within(3f / 4096)).isGreaterThanOrEqualTo(3f);
        assertThat(stats.vector(0).mean()[0]).isCloseTo(3f, within(1e-6f));
        stats.deleted(middle);
        assertThat(stats.vector(0).mean()).isNull();
        assertThat(stats.vector(0).minNorm()).isNull();
    }

    @Test
    void savedStatisticsReadBackEqual() {
        Random random = new Random(9);
        TableStatistics stats = new TableStatistics(TABLE);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            Object[] row = {vector(random), i % 1500, "n" + i};
            rows.add(row);
            stats.inserted(row);
        }
        stats.deleted(rows.get(5));
        stats.updated(rows.get(6), rows.get(7));
        TableStatistics read = StatisticsCodec.decode(TABLE, StatisticsCodec.encode(stats));
        assertThat(StatisticsCodec.encode(read)).isEqualTo(StatisticsCodec.encode(stats));
        assertThat(read.scalar(1, 10, 10)).isEqualTo(stats.scalar(1, 10, 10));
        assertThat(read.vector(0).histogramCounts()).isEqualTo(stats.vector(0).histogramCounts());
        assertThat(read.inserts()).isEqualTo(3_000);
        assertThat(read.deletes()).isEqualTo(1);
        assertThat(read.updates()).isEqualTo(1);
    }

    @Test
    void aColumnAddedLaterStartsAsNullInEveryRow() {
        TableStatistics stats = new TableStatistics(TABLE);
        stats.inserted(new Object[] {null, 1, "a"});
        stats.inserted(new Object[] {null, 2, "b"});
        List<ColumnDefinition> wider = new ArrayList<>(TABLE.columns());
        wider.add(new ColumnDefinition("extra", SqlType.of(PgType.INT8), false, null, false));
        TableDefinition altered = new TableDefinition(1, "public", "t", wider, List.of(), null, null);
        stats.fitColumns(altered);
        assertThat(stats.scalar(3, 10, 10).nullFraction()).isEqualTo(1);
    }

    private static Object[] row(Random random) {
        return new Object[] {random.nextInt(8) == 0 ? null : vector(random), random.nextInt(30),
                random.nextInt(5) == 0 ? null : "v" + random.nextInt(50)};
    }

    private static float[] vector(Random random) {
        float[] v = new float[DIMS];
        float scale = 0.1f + random.nextFloat() * 10;
        for (int d = 0; d < DIMS; d++) {
            v[d] = (float) random.nextGaussian() * scale;
        }
        return v;
    }

    /** A vector of norm {@code norm}. */
    private static float[] scaled(float norm) {
        float[] v = new float[DIMS];
        v[0] = norm;
        return v;
    }
}

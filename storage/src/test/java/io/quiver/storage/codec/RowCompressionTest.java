package io.quiver.storage.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.common.error.QuiverException;
import io.quiver.common.type.PgType;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RowCompressionTest {
    private static final RowLayout LAYOUT = RowLayout.identity(List.of(PgType.INT8, PgType.TEXT, PgType.VECTOR));

    @Test
    void repetitiveRowsAreStoredCompressedAndReadBack() {
        Object[] row = {1L, "{\"type\": \"page_view\", \"source\": \"web\"} ".repeat(20), null};
        RowCodec codec = new RowCodec(LAYOUT, true);
        byte[] stored = codec.encode(row);
        assertThat(RowCompression.isCompressed(stored)).isTrue();
        assertThat(stored.length).isLessThan(new RowCodec(LAYOUT).encode(row).length / 4);
        assertThat(codec.decode(stored)).isEqualTo(row);
    }

    @Test
    void rowsLzFourDoesNotShrinkEnoughStayRaw() {
        SplittableRandom random = new SplittableRandom(1);
        float[] vector = new float[128];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        Object[] vectorRow = {2L, null, vector};
        byte[] stored = new RowCodec(LAYOUT, true).encode(vectorRow);
        assertThat(stored).isEqualTo(new RowCodec(LAYOUT).encode(vectorRow));
        Object[] shortRow = {3L, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", null};
        assertThat(RowCompression.isCompressed(new RowCodec(LAYOUT, true).encode(shortRow))).isFalse();
        assertThat(((float[]) new RowCodec(LAYOUT, true).decode(stored)[2])).containsExactly(vector);
    }

    @Test
    void aTableWhoseRowsDoNotCompressStopsTryingUntilAProbePays() {
        RowCodec codec = new RowCodec(LAYOUT, true);
        SplittableRandom random = new SplittableRandom(2);
        AdaptiveCompression compression = new AdaptiveCompression();
        for (int i = 0; i < AdaptiveCompression.GIVE_UP_AFTER; i++) {
            assertThat(RowCompression.isCompressed(compression.store(vectorRow(random)))).isFalse();
        }
        byte[] compressible = new RowCodec(LAYOUT).encode(new Object[] {5L, "abc".repeat(200), null});
        int rawUntilProbe = 0;
        while (!RowCompression.isCompressed(compression.store(compressible))) {
            rawUntilProbe++;
        }
        // Given up: compressible rows go raw until the next probe, which turns compression back on.
        assertThat(rawUntilProbe).isEqualTo(AdaptiveCompression.PROBE_EVERY - 1);
        assertThat(RowCompression.isCompressed(compression.store(compressible))).isTrue();
        assertThat(codec.decode(compression.store(compressible))[1]).isEqualTo("abc".repeat(200));
    }

    private static byte[] vectorRow(SplittableRandom random) {
        float[] vector = new float[128];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return new RowCodec(LAYOUT).encode(new Object[] {1L, null, vector});
    }

    @Test
    void rowsStoredWithoutCompressionReadWithItOnAndTheOtherWayRound() {
        Object[] row = {4L, "x".repeat(500), new float[] {1, 2, 3}};
        byte[] raw = new RowCodec(LAYOUT).encode(row);
        byte[] compressed = new RowCodec(LAYOUT, true).encode(row);
        assertThat(compressed.length).isLessThan(raw.length);
        assertThat(Arrays.deepEquals(new RowCodec(LAYOUT, true).decode(raw), row)).isTrue();
        assertThat(Arrays.deepEquals(new RowCodec(LAYOUT).decode(compressed), row)).isTrue();
    }

    @Test
    void damagedCompressedRowsFailAsCorruption() {
        byte[] compressed = new RowCodec(LAYOUT, true).encode(new Object[] {5L, "y".repeat(500), null});
        byte[] damaged = Arrays.copyOf(compressed, compressed.length - 3);
        assertThatThrownBy(() -> new RowCodec(LAYOUT).decode(damaged)).isInstanceOf(QuiverException.class)
                .hasMessageContaining("invalid stored row");
    }
}

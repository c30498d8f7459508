package io.quiver.storage.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.common.type.PgType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexKeyCodecTest {
    @Test
    void integersFloatsAndDatesSortAsTheirValues() {
        assertSortsAs(PgType.INT8, List.of(Long.MIN_VALUE, -5L, -1L, 0L, 1L, 42L, Long.MAX_VALUE));
        assertSortsAs(PgType.FLOAT8, List.of(Double.NEGATIVE_INFINITY, -2.5, -0.0001, 0.0, 1e-9, 3.0,
                Double.POSITIVE_INFINITY, Double.NaN));
        assertSortsAs(PgType.DATE, List.of(LocalDate.of(1900, 1, 1), LocalDate.of(1999, 12, 31),
                LocalDate.of(2024, 2, 29)));
    }

    @Test
    void textSortsAsJavaStringsAndBeforeItsExtensions() {
        List<String> values = new ArrayList<>(List.of("", "a", "ab", "abc", "b", "B", "é", "z\u00ff", "\uD83D\uDE00"));
        values.sort(Comparator.naturalOrder());
        assertSortsAs(PgType.TEXT, List.copyOf(values));
    }

    @Test
    void equalValuesEncodeAlike() {
        IndexKeyCodec numeric = new IndexKeyCodec(List.of(PgType.NUMERIC));
        assertThat(numeric.encode(new Object[] {new BigDecimal("1.0")}))
                .isEqualTo(numeric.encode(new Object[] {new BigDecimal("1.00")}));
        IndexKeyCodec floats = new IndexKeyCodec(List.of(PgType.FLOAT8));
        assertThat(floats.encode(new Object[] {-0.0})).isEqualTo(floats.encode(new Object[] {0.0}));
        IndexKeyCodec ints = new IndexKeyCodec(List.of(PgType.INT4));
        assertThat(ints.encode(new Object[] {7})).isEqualTo(ints.encode(new Object[] {7L}));
        IndexKeyCodec bpchar = new IndexKeyCodec(List.of(PgType.BPCHAR));
        assertThat(bpchar.encode(new Object[] {"ab  "})).isEqualTo(bpchar.encode(new Object[] {"ab"}));
    }

    @Test
    void aKeyStartsWithTheEncodingOfItsLeadingValuesAndNullsSortLast() {
        IndexKeyCodec codec = new IndexKeyCodec(List.of(PgType.TEXT, PgType.INT4));
        byte[] prefix = codec.encode(new Object[] {"ab"});
        byte[] key = IndexKeyCodec.withRowId(codec.encode(new Object[] {"ab", 5}), 77);
        assertThat(IndexKeyCodec.startsWith(key, prefix)).isTrue();
        assertThat(IndexKeyCodec.startsWith(codec.encode(new Object[] {"abc", 5}), prefix)).isFalse();
        byte[] withNull = codec.encode(new Object[] {"ab", null});
        assertThat(Arrays.compareUnsigned(withNull, codec.encode(new Object[] {"ab", Integer.MAX_VALUE})))
                .isPositive();
    }

    private static void assertSortsAs(PgType type, List<?> ascending) {
        IndexKeyCodec codec = new IndexKeyCodec(List.of(type));
        for (int i = 1; i < ascending.size(); i++) {
            byte[] lower = codec.encode(new Object[] {ascending.get(i - 1)});
            byte[] higher = codec.encode(new Object[] {ascending.get(i)});
            assertThat(Arrays.compareUnsigned(lower, higher)).as("%s < %s", ascending.get(i - 1), ascending.get(i))
                    .isNegative();
        }
    }
}

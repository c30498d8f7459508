package io.quiver.storage.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RowCodecTest {
    private static final List<PgType> ALL_TYPES = List.of(
            PgType.BOOL, PgType.INT2, PgType.INT4, PgType.INT8, PgType.FLOAT4, PgType.FLOAT8, PgType.NUMERIC,
            PgType.TEXT, PgType.VARCHAR, PgType.BPCHAR, PgType.NAME, PgType.CHAR, PgType.BYTEA, PgType.DATE,
            PgType.TIMESTAMP, PgType.TIMESTAMPTZ, PgType.OID, PgType.VECTOR, PgType.INT4_ARRAY, PgType.TEXT_ARRAY,
            PgType.FLOAT8_ARRAY, PgType.NUMERIC_ARRAY, PgType.VECTOR_ARRAY);

    private static Object[] sampleRow() {
        return new Object[] {
            true, (short) -12, Integer.MIN_VALUE, Long.MAX_VALUE, -1.5f, Math.PI, new BigDecimal("-12345678901234567890.000123"),
            "héllo wörld ✓", "", "padded  ", "pg_class", "x", new byte[] {0, -1, 127, -128},
            LocalDate.of(-44, 3, 15), LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_789),
            OffsetDateTime.of(1999, 12, 31, 22, 0, 0, 1_000, ZoneOffset.ofHoursMinutes(-5, -30)), 4_294_967_295L,
            vector(128, 7), new Object[] {1, null, -3}, new Object[] {new Object[] {"a", "b"}, new Object[] {null, "d"}},
            new Object[] {Double.NaN, Double.NEGATIVE_INFINITY, -0.0}, new Object[] {BigDecimal.ONE, new BigDecimal("1e-40")},
            new Object[] {vector(3, 1), null}
        };
    }

    @Test
    void everyTypeRoundTrips() {
        RowCodec codec = new RowCodec(ALL_TYPES);
        Object[] row = sampleRow();

        Object[] decoded = codec.decode(codec.encode(row));

        assertExactlyEqual(decoded, row);
        assertThat(decoded[2]).isInstanceOf(Integer.class);
        assertThat(decoded[3]).isInstanceOf(Long.class);
        assertThat(decoded[16]).isInstanceOf(Long.class);
        assertThat((BigDecimal) decoded[6]).hasScaleOf(6);
        assertThat(((OffsetDateTime) decoded[15]).getOffset()).isEqualTo(ZoneOffset.ofHoursMinutes(-5, -30));
    }

    @Test
    void nullsRoundTripInEveryPosition() {
        RowCodec codec = new RowCodec(ALL_TYPES);
        Object[] allNull = new Object[ALL_TYPES.size()];
        assertThat(codec.decode(codec.encode(allNull))).containsOnlyNulls().hasSize(ALL_TYPES.size());

        Object[] row = sampleRow();
        for (int i = 0; i < row.length; i += 2) {
            row[i] = null;
        }
        assertExactlyEqual(codec.decode(codec.encode(row)), row);
    }

    @Test
    void vectorsAreStoredAsFloat32() {
        RowCodec codec = new RowCodec(List.of(PgType.INT8, PgType.VECTOR));
        float[] v = vector(128, 42);
        v[5] = Float.NaN;
        v[6] = Float.MIN_VALUE;

        byte[] encoded = codec.encode(new Object[] {1L, v});

        // count + bitmap + 1-byte id + 2-byte dimension count + 4 bytes a dimension
        assertThat(encoded).hasSize(1 + 1 + 1 + 2 + 128 * 4);
        assertThat((float[]) codec.decode(encoded)[1]).containsExactly(v);
    }

    @Test
    void rowsWrittenBeforeColumnsWereAddedGetNullForTheNewColumns() {
        byte[] old = new RowCodec(List.of(PgType.INT4, PgType.TEXT)).encode(new Object[] {7, "seven"});

        Object[] widened = new RowCodec(List.of(PgType.INT4, PgType.TEXT, PgType.VECTOR)).decode(old);

        assertThat(widened).containsExactly(7, "seven", null);
    }

    @Test
    void wrongJavaClassForAColumnIsADatatypeMismatch() {
        RowCodec codec = new RowCodec(List.of(PgType.INT4));
        assertThatThrownBy(() -> codec.encode(new Object[] {5L}))
                .isInstanceOfSatisfying(QuiverException.class, e -> assertThat(e.state()).isEqualTo(SqlState.DATATYPE_MISMATCH))
                .hasMessage("a value of type Long cannot be stored as int4");
    }

    @Test
    void damagedBytesAreReportedAsCorruptedData() {
        RowCodec codec = new RowCodec(List.of(PgType.TEXT, PgType.VECTOR));
        byte[] encoded = codec.encode(new Object[] {"abc", vector(16, 1)});

        assertThatThrownBy(() -> codec.decode(Arrays.copyOf(encoded, encoded.length - 3)))
                .isInstanceOfSatisfying(QuiverException.class, e -> assertThat(e.state()).isEqualTo(SqlState.DATA_CORRUPTED));
        // a slot count of 65535, more than the row's bytes could hold a bitmap for
        byte[] tooManySlots = new byte[encoded.length + 2];
        tooManySlots[0] = (byte) 0xff;
        tooManySlots[1] = (byte) 0xff;
        tooManySlots[2] = 0x03;
        System.arraycopy(encoded, 1, tooManySlots, 3, encoded.length - 1);
        assertThatThrownBy(() -> codec.decode(tooManySlots))
                .isInstanceOfSatisfying(QuiverException.class, e -> assertThat(e.state()).isEqualTo(SqlState.DATA_CORRUPTED));
    }

    @Test
    void droppedSlotsAreSkippedAndAddedSlotsReadTheirMissingValue() {
        byte[] old = new RowCodec(List.of(PgType.INT4, PgType.TEXT)).encode(new Object[] {7, "seven"});
        // "text" dropped (slot 1 kept), then a column added in slot 2 with a default of 42
        RowCodec altered = new RowCodec(new RowLayout(List.of(PgType.INT4, PgType.TEXT, PgType.INT8),
                new int[] {0, 2}, new Object[] {null, 42L}));

        assertThat(altered.decode(old)).containsExactly(7, 42L);
        byte[] fresh = altered.encode(new Object[] {8, 9L});
        assertThat(altered.decode(fresh)).containsExactly(8, 9L);
        assertThat(new RowCodec(List.of(PgType.INT4, PgType.TEXT)).decode(fresh)).containsExactly(8, null);
    }

    @Test
    void keysThatPostgresConsidersEqualEncodeEqually() {
        KeyCodec codec = new KeyCodec(List.of(PgType.NUMERIC, PgType.FLOAT8, PgType.TIMESTAMPTZ));
        OffsetDateTime utc = OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);

        byte[] a = codec.encode(new Object[] {new BigDecimal("1.0"), 0.0, utc});
        byte[] b = codec.encode(new Object[] {new BigDecimal("1.000"), -0.0, utc.withOffsetSameInstant(ZoneOffset.ofHours(3))});
        byte[] c = codec.encode(new Object[] {new BigDecimal("1.01"), 0.0, utc});

        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    /** Bit-exact: the default recursive comparison tolerates float rounding and treats NaN as unequal. */
    private static void assertExactlyEqual(Object[] actual, Object[] expected) {
        assertThat(actual).usingRecursiveComparison()
                .withEqualsForType(Float::equals, Float.class)
                .withEqualsForType(Double::equals, Double.class)
                .isEqualTo(expected);
    }

    static float[] vector(int dimensions, long seed) {
        Random random = new Random(seed);
        float[] v = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            v[i] = random.nextFloat() * 2 - 1;
        }
        return v;
    }
}

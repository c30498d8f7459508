package io.quiver.wire.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.quiver.common.error.QuiverException;
import io.quiver.common.type.PgType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TypeCodecsTest {
    private final TypeCodecs codecs = new TypeCodecs(() -> ZoneId.of("Asia/Kolkata"));

    /** Type, canonical value, and the text PostgreSQL 15 prints for it (checked against a real server). */
    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of(PgType.BOOL, true, "t"),
                Arguments.of(PgType.BOOL, false, "f"),
                Arguments.of(PgType.INT2, (short) -32768, "-32768"),
                Arguments.of(PgType.INT4, 2147483647, "2147483647"),
                Arguments.of(PgType.INT8, -9223372036854775808L, "-9223372036854775808"),
                Arguments.of(PgType.OID, 4294967295L, "4294967295"),
                Arguments.of(PgType.FLOAT4, 3.14159f, "3.14159"),
                Arguments.of(PgType.FLOAT4, 1.5f, "1.5"),
                Arguments.of(PgType.FLOAT8, 1e20, "1e+20"),
                Arguments.of(PgType.FLOAT8, 0.00001, "1e-05"),
                Arguments.of(PgType.FLOAT8, 0.0001, "0.0001"),
                Arguments.of(PgType.FLOAT8, 1e15, "1e+15"),
                Arguments.of(PgType.FLOAT8, 0.1, "0.1"),
                Arguments.of(PgType.FLOAT8, Double.NEGATIVE_INFINITY, "-Infinity"),
                Arguments.of(PgType.NUMERIC, new BigDecimal("1.50"), "1.50"),
                Arguments.of(PgType.NUMERIC, new BigDecimal("-12345678901234567890.000001"),
                        "-12345678901234567890.000001"),
                Arguments.of(PgType.NUMERIC, new BigDecimal("0.0001"), "0.0001"),
                Arguments.of(PgType.NUMERIC, new BigDecimal("10000"), "10000"),
                Arguments.of(PgType.TEXT, "héllo, wörld", "héllo, wörld"),
                Arguments.of(PgType.VARCHAR, "", ""),
                Arguments.of(PgType.NAME, "pg_class", "pg_class"),
                Arguments.of(PgType.BPCHAR, "ab  ", "ab  "),
                Arguments.of(PgType.DATE, LocalDate.of(2024, 2, 29), "2024-02-29"),
                Arguments.of(PgType.DATE, LocalDate.of(-43, 3, 15), "0044-03-15 BC"),
                Arguments.of(PgType.TIMESTAMP, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 120_000_000),
                        "2024-01-02 03:04:05.12"),
                Arguments.of(PgType.TIMESTAMP, LocalDateTime.of(1999, 12, 31, 23, 59, 59, 123_456_000),
                        "1999-12-31 23:59:59.123456"),
                Arguments.of(PgType.TIMESTAMPTZ, OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 500_000_000, ZoneOffset.UTC),
                        "2024-01-02 08:34:05.5+05:30"),
                Arguments.of(PgType.TIMESTAMPTZ, OffsetDateTime.of(1800, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                        "1800-01-01 05:53:28+05:53:28"),
                Arguments.of(PgType.BYTEA, new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef},
                        "\\xdeadbeef"),
                Arguments.of(PgType.INT4_ARRAY, new Object[] {1, 2, null}, "{1,2,NULL}"),
                Arguments.of(PgType.INT4_ARRAY, new Object[] {new Object[] {1, 2}, new Object[] {3, 4}},
                        "{{1,2},{3,4}}"),
                Arguments.of(PgType.INT4_ARRAY, new Object[0], "{}"),
                Arguments.of(PgType.TEXT_ARRAY, new Object[] {"a b", "", "NULL", "x\"y", "back\\s", "ü", null},
                        "{\"a b\",\"\",\"NULL\",\"x\\\"y\",\"back\\\\s\",ü,NULL}"),
                Arguments.of(PgType.BOOL_ARRAY, new Object[] {true, false}, "{t,f}"),
                Arguments.of(PgType.FLOAT8_ARRAY, new Object[] {1.5}, "{1.5}"),
                Arguments.of(PgType.VECTOR, new float[] {1, 2.5f, -3}, "[1,2.5,-3]"),
                Arguments.of(PgType.VECTOR_ARRAY, new Object[] {new float[] {1, 2}, new float[] {3}},
                        "{\"[1,2]\",[3]}"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("values")
    void textIsPrintedAsPostgresPrintsItAndReadsBack(PgType type, Object value, String text) {
        TypeCodec codec = codecs.forType(type);

        assertThat(codec.encodeText(value)).isEqualTo(text);
        assertSameValue(codec.decodeText(text), value);
    }

    /** Timestamptz values come back at another offset: only the instant must match. */
    private static void assertSameValue(Object actual, Object expected) {
        if (actual instanceof OffsetDateTime instant) {
            assertThat(instant.toInstant()).isEqualTo(((OffsetDateTime) expected).toInstant());
        } else {
            assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("values")
    void binaryRoundTrips(PgType type, Object value, String text) {
        TypeCodec codec = codecs.forType(type);
        ByteBuf buf = Unpooled.buffer();
        codec.encodeBinary(value, buf);

        Object decoded = codec.decodeBinary(buf);

        assertThat(buf.isReadable()).isFalse();
        assertSameValue(decoded, value);
    }

    /** Hex of each send function's output, as PostgreSQL's *send functions write it. */
    static Stream<Arguments> binaryForms() {
        return Stream.of(
                Arguments.of(PgType.INT4, 258, "00000102"),
                Arguments.of(PgType.FLOAT8, 1.5, "3ff8000000000000"),
                Arguments.of(PgType.BOOL, true, "01"),
                Arguments.of(PgType.NUMERIC, new BigDecimal("12345.678"), "0003000100000003" + "0001" + "0929" + "1a7c"),
                Arguments.of(PgType.NUMERIC, new BigDecimal("-0.5"), "0001ffff40000001" + "1388"),
                Arguments.of(PgType.NUMERIC, new BigDecimal("0.00"), "0000000000000002"),
                Arguments.of(PgType.DATE, LocalDate.of(2000, 1, 2), "00000001"),
                Arguments.of(PgType.TIMESTAMP, LocalDateTime.of(2000, 1, 1, 0, 0, 1), "00000000000f4240"),
                Arguments.of(PgType.VECTOR, new float[] {1, 2}, "00020000" + "3f800000" + "40000000"),
                Arguments.of(PgType.INT4_ARRAY, new Object[] {7, null},
                        "00000001" + "00000001" + "00000017" + "00000002" + "00000001" + "0000000400000007" + "ffffffff"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("binaryForms")
    void binaryMatchesPostgresSendFunctions(PgType type, Object value, String hex) {
        ByteBuf buf = Unpooled.buffer();
        codecs.forType(type).encodeBinary(value, buf);

        assertThat(ByteBufUtil.hexDump(buf)).isEqualTo(hex);
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of(PgType.INT4, "abc", "22P02", "invalid input syntax for type integer: \"abc\""),
                Arguments.of(PgType.INT4, "99999999999", "22003", "value \"99999999999\" is out of range for type integer"),
                Arguments.of(PgType.INT2, "40000", "22003", "value \"40000\" is out of range for type smallint"),
                Arguments.of(PgType.INT8, "x", "22P02", "invalid input syntax for type bigint: \"x\""),
                Arguments.of(PgType.OID, "x", "22P02", "invalid input syntax for type oid: \"x\""),
                Arguments.of(PgType.FLOAT4, "x", "22P02", "invalid input syntax for type real: \"x\""),
                Arguments.of(PgType.FLOAT8, "1e400", "22003", "\"1e400\" is out of range for type double precision"),
                Arguments.of(PgType.FLOAT8, "0x10", "22P02", "invalid input syntax for type double precision: \"0x10\""),
                Arguments.of(PgType.NUMERIC, "abc", "22P02", "invalid input syntax for type numeric: \"abc\""),
                Arguments.of(PgType.BOOL, "abc", "22P02", "invalid input syntax for type boolean: \"abc\""),
                Arguments.of(PgType.DATE, "abc", "22007", "invalid input syntax for type date: \"abc\""),
                Arguments.of(PgType.TIMESTAMP, "abc", "22007", "invalid input syntax for type timestamp: \"abc\""),
                Arguments.of(PgType.TIMESTAMPTZ, "abc", "22007",
                        "invalid input syntax for type timestamp with time zone: \"abc\""),
                Arguments.of(PgType.INT4_ARRAY, "{1,2", "22P02", "malformed array literal: \"{1,2\""),
                Arguments.of(PgType.VECTOR, "[1,2", "22P02", "invalid input syntax for type vector: \"[1,2\""));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badInput")
    void badTextInputFailsAsPostgresDoes(PgType type, String text, String sqlState, String message) {
        assertThatThrownBy(() -> codecs.forType(type).decodeText(text))
                .isInstanceOfSatisfying(QuiverException.class, e -> {
                    assertThat(e.state().code()).isEqualTo(sqlState);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    @Test
    void inputAcceptsWhatPostgresAccepts() {
        assertThat(codecs.forType(PgType.INT4).decodeText("  12 ")).isEqualTo(12);
        assertThat(codecs.forType(PgType.BOOL).decodeText(" ye")).isEqualTo(true);
        assertThat(codecs.forType(PgType.BOOL).decodeText("OFF")).isEqualTo(false);
        assertThat(codecs.forType(PgType.FLOAT8).decodeText("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(codecs.forType(PgType.NUMERIC).decodeText("1e3")).isEqualTo(new BigDecimal("1000"));
        assertThat(codecs.forType(PgType.TIMESTAMP).decodeText("2024-01-02 03:04:05+02"))
                .isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5));
        assertThat(codecs.forType(PgType.TIMESTAMPTZ).decodeText("2024-01-02 03:04:05.25-08"))
                .isEqualTo(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 250_000_000, ZoneOffset.ofHours(-8)));
        assertThat(codecs.forType(PgType.TIMESTAMPTZ).decodeText("2024-01-02 05:30:00"))
                .isEqualTo(OffsetDateTime.of(2024, 1, 2, 5, 30, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)));
        assertThat(codecs.forType(PgType.DATE).decodeText("2024-01-02 +01")).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat((byte[]) codecs.forType(PgType.BYTEA).decodeText("a\\\\b\\001")).containsExactly('a', '\\', 'b', 1);
        assertThat((Object[]) codecs.forType(PgType.TEXT_ARRAY).decodeText(" { a , \"b,c\" , NULL, \"NULL\" } "))
                .containsExactly("a", "b,c", null, "NULL");
    }
}

package io.quiver.common.type;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected strings are what PostgreSQL 15 printed for {@code SELECT 'input'::float4 / ::float8}. */
class PgFloatFormatTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1|1", "0.1|0.1", "0.00001|1e-05", "0.0001|0.0001", "1.5e20|1.5e+20", "123456789|1.2345679e+08",
        "100000|100000", "1e6|1e+06", "16777216|1.6777216e+07", "-0|-0", "0|0", "1e-45|1e-45",
        "3.4028235e38|3.4028235e+38", "1.17549435e-38|1.1754944e-38", "2.1114E9|2.1113999e+09",
        "2.8071E8|2.8071002e+08", "1.1146986E8|1.11469856e+08", "-8.009338E7|-8.0093376e+07",
        "3.67E9|3.6700001e+09", "0.42073548|0.42073548", "-2.5|-2.5", "123456|123456", "1234567|1.234567e+06"})
    void float4(String input, String expected) {
        assertThat(PgFloatFormat.format(Float.parseFloat(input))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1|1", "0.1|0.1", "1e-05|1e-05", "1e15|1e+15", "1e14|100000000000000", "4.9e-324|5e-324",
        "9.9E-324|1e-323", "6.9E-323|7e-323", "6.702688935332498E16|6.7026889353324976e+16",
        "6.821028832534598E16|6.8210288325345984e+16", "1e100|1e+100", "1.7976931348623157e308|1.7976931348623157e+308",
        "20.90405444375564|20.90405444375564", "0.10000000149011612|0.10000000149011612", "-0.0|-0",
        "436.9794921875|436.9794921875", "123456789012345680|1.2345678901234568e+17"})
    void float8(String input, String expected) {
        assertThat(PgFloatFormat.format(Double.parseDouble(input))).isEqualTo(expected);
    }

    @Test
    void specialValuesAreSpelledAsPostgresSpellsThem() {
        assertThat(PgFloatFormat.format(Float.NaN)).isEqualTo("NaN");
        assertThat(PgFloatFormat.format(Float.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(PgFloatFormat.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        assertThat(PgFloatFormat.format(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void outputReadsBackToTheSameValue() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 20_000; i++) {
            float f = Float.intBitsToFloat(random.nextInt());
            double d = Double.longBitsToDouble(random.nextLong());
            if (!Float.isNaN(f)) {
                assertThat(Float.parseFloat(PgFloatFormat.format(f))).isEqualTo(f);
            }
            if (!Double.isNaN(d)) {
                assertThat(Double.parseDouble(PgFloatFormat.format(d))).isEqualTo(d);
            }
        }
    }
}

package io.quiver.sql.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.common.error.QuiverException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Expected values are PostgreSQL 15's for the same expressions. */
class PgNumericTest {
    @Test
    void divisionKeepsSixteenSignificantDigitsAndTheOperandsScale() {
        assertThat(divide("7", "3")).isEqualTo("2.3333333333333333");
        assertThat(divide("12345", "10")).isEqualTo("1234.5000000000000000");
        assertThat(divide("1", "3000")).isEqualTo("0.00033333333333333333");
        assertThat(divide("1.0", "3")).isEqualTo("0.33333333333333333333");
        assertThat(divide("6.75", "3")).isEqualTo("2.2500000000000000");
        assertThat(divide("-2", "3")).isEqualTo("-0.66666666666666666667");
        assertThat(divide("0", "7")).isEqualTo("0.00000000000000000000");
        assertThat(divide("1.000000000000000000001", "1")).isEqualTo("1.000000000000000000001");
        assertThat(divide("100000000", "0.00001")).isEqualTo("10000000000000.00000");
    }

    @Test
    void castsRoundHalfAwayFromZeroAndCheckTheDigits() {
        assertThat(PgNumeric.toNumericTypmod(new BigDecimal("2.345"), 10, 2)).isEqualTo(new BigDecimal("2.35"));
        assertThat(PgNumeric.toNumericTypmod(new BigDecimal("-2.5"), 5, 0)).isEqualTo(new BigDecimal("-3"));
        assertThat(PgNumeric.toNumericTypmod("123.456", 4, 1)).isEqualTo(new BigDecimal("123.5"));
        assertThatThrownBy(() -> PgNumeric.toNumericTypmod(new BigDecimal("1234.5"), 4, 1))
                .isInstanceOf(QuiverException.class).hasMessage("numeric field overflow");
    }

    @Test
    void floatsBecomeTheirShortDecimalText() {
        assertThat(PgNumeric.toNumeric(0.1d)).isEqualTo(new BigDecimal("0.1"));
        assertThat(PgNumeric.toNumeric(1 / 3d)).isEqualTo(new BigDecimal("0.333333333333333"));
        assertThat(PgNumeric.toNumeric(1e20d).toPlainString()).isEqualTo("100000000000000000000");
        assertThat(PgNumeric.toNumeric(0.1f)).isEqualTo(new BigDecimal("0.1"));
    }

    private static String divide(String a, String b) {
        return PgNumeric.divide(new BigDecimal(a), new BigDecimal(b)).toPlainString();
    }
}

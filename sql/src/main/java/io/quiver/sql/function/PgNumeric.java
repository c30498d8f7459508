package io.quiver.sql.function;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * PostgreSQL's numeric where Calcite's DECIMAL differs: an unconstrained {@code numeric} keeps every digit of
 * its value (Calcite gives every DECIMAL a fixed scale and casts truncate to it), a cast to
 * {@code numeric(p, s)} rounds half away from zero, and division picks its result scale as PostgreSQL's
 * {@code select_div_scale} does (at least 16 significant digits, never fewer decimals than an operand).
 */
public final class PgNumeric {
    /** PostgreSQL's NUMERIC_MIN_SIG_DIGITS. */
    private static final int MIN_SIGNIFICANT_DIGITS = 16;
    /** Decimal digits per digit of PostgreSQL's base-10000 representation (DEC_DIGITS), which its scales follow. */
    private static final int BASE_DIGITS = 4;
    private static final BigInteger BASE = BigInteger.valueOf(10_000);
    private static final int MAX_DISPLAY_SCALE = 1000;
    /** float8 to numeric goes through the float's shortest 15-digit text, as PostgreSQL's float8_numeric. */
    private static final MathContext FLOAT8_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);
    private static final MathContext FLOAT4_DIGITS = new MathContext(6, RoundingMode.HALF_EVEN);

    private PgNumeric() {
    }

    /** {@code value::numeric}: the value with all its digits. */
    public static BigDecimal toNumeric(Object value) {
        return switch (value) {
            case null -> null;
            case BigDecimal decimal -> decimal;
            case Double d -> fromFloat(d, FLOAT8_DIGITS);
            case Float f -> fromFloat(f, FLOAT4_DIGITS);
            case Number n -> BigDecimal.valueOf(n.longValue());
            case String text -> parse(text);
            default -> throw new QuiverException(SqlState.CANNOT_COERCE,
                    "cannot cast a value of " + value.getClass().getSimpleName() + " to numeric");
        };
    }

    /** {@code value::numeric(precision, scale)}: rounded half away from zero; 22003 when the digits do not fit. */
    public static BigDecimal toNumericTypmod(Object value, int precision, int scale) {
        BigDecimal exact = toNumeric(value);
        if (exact == null) {
            return null;
        }
        BigDecimal rounded = exact.setScale(scale, RoundingMode.HALF_UP);
        if (rounded.signum() != 0 && rounded.precision() - rounded.scale() > precision - scale) {
            throw new QuiverException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow",
                    String.format("A field with precision %d, scale %d must round to an absolute value less than "
                            + "%s.", precision, scale, scale >= precision ? "1" : "10^" + (precision - scale)),
                    null, 0, null);
        }
        return rounded;
    }

    /** numeric / numeric, rounded to PostgreSQL's result scale. */
    public static BigDecimal divide(Object dividend, Object divisor) {
        BigDecimal a = toNumeric(dividend);
        BigDecimal b = toNumeric(divisor);
        if (a == null || b == null) {
            return null;
        }
        if (b.signum() == 0) {
            throw QuiverException.of(SqlState.DIVISION_BY_ZERO, "division by zero");
        }
        return a.divide(b, divisionScale(a, b), RoundingMode.HALF_UP);
    }

    /** PostgreSQL's select_div_scale, on the base-10000 digits its numeric is made of. */
    static int divisionScale(BigDecimal dividend, BigDecimal divisor) {
        BaseDigit first = BaseDigit.leading(dividend);
        BaseDigit second = BaseDigit.leading(divisor);
        int quotientWeight = first.weight() - second.weight();
        if (first.value() <= second.value()) {
            quotientWeight--;
        }
        int scale = MIN_SIGNIFICANT_DIGITS - quotientWeight * BASE_DIGITS;
        scale = Math.max(scale, displayScale(dividend));
        scale = Math.max(scale, displayScale(divisor));
        return Math.min(Math.max(scale, 0), MAX_DISPLAY_SCALE);
    }

    private static int displayScale(BigDecimal value) {
        return Math.max(value.scale(), 0);
    }

    private static BigDecimal fromFloat(double value, MathContext digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw QuiverException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "cannot convert %s to numeric", Double.isNaN(value) ? "NaN" : "infinity");
        }
        BigDecimal rounded = new BigDecimal(value, digits).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    private static BigDecimal parse(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new QuiverException(SqlState.INVALID_TEXT_REPRESENTATION,
                    "invalid input syntax for type numeric: \"" + text + "\"", e);
        }
    }

    /** The first non-zero base-10000 digit of a value and its weight (0 for the units digit), as numeric stores it. */
    private record BaseDigit(int weight, int value) {
        static BaseDigit leading(BigDecimal number) {
            BigDecimal magnitude = number.abs();
            if (magnitude.signum() == 0) {
                return new BaseDigit(0, 0);
            }
            BigInteger whole = magnitude.toBigInteger();
            if (whole.signum() > 0) {
                int weight = (whole.toString().length() - 1) / BASE_DIGITS;
                return new BaseDigit(weight, whole.divide(BASE.pow(weight)).intValueExact());
            }
            // Below 1: the fraction in groups of four decimals; the first non-zero group leads.
            int zeros = magnitude.scale() - magnitude.precision();
            int group = zeros / BASE_DIGITS + 1;
            BigInteger groupValue = magnitude.movePointRight(group * BASE_DIGITS).toBigInteger().mod(BASE);
            return new BaseDigit(-group, groupValue.intValueExact());
        }
    }
}

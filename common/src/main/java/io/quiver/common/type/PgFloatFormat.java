package io.quiver.common.type;

import java.math.BigInteger;

/**
 * Text output of float4 and float8 exactly as PostgreSQL 15 prints them with the default
 * extra_float_digits = 1 (float4out / float8out, also pgvector's vector_out): PostgreSQL's variant of Ryu,
 * which picks the shortest decimal strictly inside the rounding interval of the value (never one on its
 * edge, unlike Java's {@link Double#toString}), laid out like printf's %g: fixed notation for decimal
 * exponents -4 .. 5 (float4) or -4 .. 14 (float8), otherwise {@code d.ddde+XX}.
 *
 * <p>The digit generation is a port of PostgreSQL's src/common/f2s.c and d2s.c, itself derived from
 * github.com/ulfjack/ryu (Copyright 2018 Ulf Adams, Apache 2.0 / Boost licence).
 */
public final class PgFloatFormat {
    private static final int FLOAT4_FIXED_LIMIT = 6;
    private static final int FLOAT8_FIXED_LIMIT = 15;

    private PgFloatFormat() {
    }

    public static String format(float value) {
        if (Float.isNaN(value)) {
            return "NaN";
        }
        if (Float.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        int bits = Float.floatToRawIntBits(value);
        if (value == 0) {
            return bits < 0 ? "-0" : "0";
        }
        return layout(Float32Ryu.shortest(bits), bits < 0, FLOAT4_FIXED_LIMIT);
    }

    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        long bits = Double.doubleToRawLongBits(value);
        if (value == 0) {
            return bits < 0 ? "-0" : "0";
        }
        return layout(Float64Ryu.shortest(bits), bits < 0, FLOAT8_FIXED_LIMIT);
    }

    /** A positive value as mantissa * 10^exponent; the mantissa may end in zeros (Ryu's small-integer path). */
    private record Decimal(long mantissa, int exponent) {
    }

    /** Ryu's to_chars: the layout printf's %g would choose, with Ryu's digits. */
    private static String layout(Decimal decimal, boolean negative, int fixedLimit) {
        String digits = Long.toString(decimal.mantissa());
        int exponent = decimal.exponent();
        int pointExponent = exponent + digits.length() - 1;
        StringBuilder out = new StringBuilder(digits.length() + 8);
        if (negative) {
            out.append('-');
        }
        if (pointExponent >= -4 && pointExponent < fixedLimit) {
            appendFixed(out, digits, exponent);
        } else {
            appendScientific(out, stripTrailingZeros(digits), pointExponent);
        }
        return out.toString();
    }

    private static void appendFixed(StringBuilder out, String digits, int exponent) {
        int integerDigits = exponent + digits.length();
        if (integerDigits <= 0) {
            out.append("0.").repeat('0', -integerDigits).append(digits);
        } else if (exponent < 0) {
            out.append(digits, 0, integerDigits).append('.').append(digits, integerDigits, digits.length());
        } else {
            out.append(digits).repeat('0', exponent);
        }
    }

    private static void appendScientific(StringBuilder out, String digits, int pointExponent) {
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append(pointExponent < 0 ? "e-" : "e+");
        int magnitude = Math.abs(pointExponent);
        if (magnitude < 10) {
            out.append('0');
        }
        out.append(magnitude);
    }

    private static String stripTrailingZeros(String digits) {
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return digits.substring(0, end);
    }

    /** Returns e == 0 ? 1 : ceil(log2(5^e)). */
    private static int pow5bits(int e) {
        return (int) (((long) e * 1217359) >>> 19) + 1;
    }

    /** Returns floor(log10(2^e)). */
    private static int log10Pow2(int e) {
        return (int) (((long) e * 78913) >>> 18);
    }

    /** Returns floor(log10(5^e)). */
    private static int log10Pow5(int e) {
        return (int) (((long) e * 732923) >>> 20);
    }

    private static int pow5Factor(long value) {
        int count = 0;
        while (value % 5 == 0) {
            value /= 5;
            count++;
        }
        return count;
    }

    private static boolean multipleOfPowerOf5(long value, int p) {
        return pow5Factor(value) >= p;
    }

    private static boolean multipleOfPowerOf2(long value, int p) {
        return (value & ((1L << p) - 1)) == 0;
    }

    /** 5^i scaled to exactly {@code bits} significant bits, truncated: Ryu's POW5_SPLIT tables. */
    private static BigInteger pow5Split(int i, int bits) {
        BigInteger pow = BigInteger.valueOf(5).pow(i);
        int shift = pow.bitLength() - bits;
        return shift >= 0 ? pow.shiftRight(shift) : pow.shiftLeft(-shift);
    }

    /** floor(2^(bitLength(5^i) - 1 + bits) / 5^i) + 1: Ryu's POW5_INV_SPLIT tables. */
    private static BigInteger pow5InvSplit(int i, int bits) {
        BigInteger pow = BigInteger.valueOf(5).pow(i);
        return BigInteger.ONE.shiftLeft(pow.bitLength() - 1 + bits).divide(pow).add(BigInteger.ONE);
    }

    /** f2s.c. */
    private static final class Float32Ryu {
        private static final int MANTISSA_BITS = 23;
        private static final int BIAS = 127;
        private static final int POW5_INV_BITCOUNT = 59;
        private static final int POW5_BITCOUNT = 61;
        private static final long[] POW5_INV_SPLIT = new long[31];
        private static final long[] POW5_SPLIT = new long[47];

        static {
            for (int i = 0; i < POW5_INV_SPLIT.length; i++) {
                POW5_INV_SPLIT[i] = pow5InvSplit(i, POW5_INV_BITCOUNT).longValueExact();
            }
            for (int i = 0; i < POW5_SPLIT.length; i++) {
                POW5_SPLIT[i] = pow5Split(i, POW5_BITCOUNT).longValueExact();
            }
        }

        static Decimal shortest(int bits) {
            int ieeeMantissa = bits & ((1 << MANTISSA_BITS) - 1);
            int ieeeExponent = (bits >>> MANTISSA_BITS) & 0xff;
            int e2 = ieeeExponent - BIAS - MANTISSA_BITS;
            // Integers below 2^24 print as themselves.
            if (e2 >= -MANTISSA_BITS && e2 <= 0 && (ieeeMantissa & ((1 << -e2) - 1)) == 0) {
                return new Decimal(((1 << MANTISSA_BITS) | ieeeMantissa) >>> -e2, 0);
            }
            return f2d(ieeeMantissa, ieeeExponent);
        }

        /** The upper bits of m * factor >> shift (f2s.c's mulShift). */
        private static long mulShift(long m, long factor, int shift) {
            long bits0 = m * (factor & 0xffffffffL);
            long bits1 = m * (factor >>> 32);
            return ((bits0 >>> 32) + bits1) >>> (shift - 32);
        }

        private static Decimal f2d(int ieeeMantissa, int ieeeExponent) {
            int e2;
            long m2;
            if (ieeeExponent == 0) {
                // 2 more bits so that the bounds computation has room.
                e2 = 1 - BIAS - MANTISSA_BITS - 2;
                m2 = ieeeMantissa;
            } else {
                e2 = ieeeExponent - BIAS - MANTISSA_BITS - 2;
                m2 = (1L << MANTISSA_BITS) | ieeeMantissa;
            }
            long mv = 4 * m2;
            long mp = 4 * m2 + 2;
            int mmShift = ieeeMantissa != 0 || ieeeExponent <= 1 ? 1 : 0;
            long mm = 4 * m2 - 1 - mmShift;

            long vr;
            long vp;
            long vm;
            int e10;
            boolean vrIsTrailingZeros = false;
            int lastRemovedDigit = 0;
            if (e2 >= 0) {
                int q = log10Pow2(e2);
                e10 = q;
                int k = POW5_INV_BITCOUNT + pow5bits(q) - 1;
                int i = -e2 + q + k;
                vr = mulShift(mv, POW5_INV_SPLIT[q], i);
                vp = mulShift(mp, POW5_INV_SPLIT[q], i);
                vm = mulShift(mm, POW5_INV_SPLIT[q], i);
                if (q != 0 && (vp - 1) / 10 <= vm / 10) {
                    int l = POW5_INV_BITCOUNT + pow5bits(q - 1) - 1;
                    lastRemovedDigit = (int) (mulShift(mv, POW5_INV_SPLIT[q - 1], -e2 + q - 1 + l) % 10);
                }
                if (q <= 9) {
                    if (mv % 5 == 0) {
                        vrIsTrailingZeros = multipleOfPowerOf5(mv, q);
                    } else if (multipleOfPowerOf5(mp, q)) {
                        vp--;
                    }
                }
            } else {
                int q = log10Pow5(-e2);
                e10 = q + e2;
                int i = -e2 - q;
                int k = pow5bits(i) - POW5_BITCOUNT;
                int j = q - k;
                vr = mulShift(mv, POW5_SPLIT[i], j);
                vp = mulShift(mp, POW5_SPLIT[i], j);
                vm = mulShift(mm, POW5_SPLIT[i], j);
                if (q != 0 && (vp - 1) / 10 <= vm / 10) {
                    j = q - 1 - (pow5bits(i + 1) - POW5_BITCOUNT);
                    lastRemovedDigit = (int) (mulShift(mv, POW5_SPLIT[i + 1], j) % 10);
                }
                if (q <= 1) {
                    vrIsTrailingZeros = true;
                    vp--;
                } else if (q < 31) {
                    vrIsTrailingZeros = multipleOfPowerOf2(mv, q - 1);
                }
            }

            // PostgreSQL builds Ryu without STRICTLY_SHORTEST, so the interval's bounds are never accepted.
            int removed = 0;
            while (vp / 10 > vm / 10) {
                vrIsTrailingZeros &= lastRemovedDigit == 0;
                lastRemovedDigit = (int) (vr % 10);
                vr /= 10;
                vp /= 10;
                vm /= 10;
                removed++;
            }
            if (vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0) {
                // Round half to even when the exact value is ...50..0.
                lastRemovedDigit = 4;
            }
            long output = vr + (vr == vm || lastRemovedDigit >= 5 ? 1 : 0);
            return new Decimal(output, e10 + removed);
        }
    }

    /** d2s.c. */
    private static final class Float64Ryu {
        private static final int MANTISSA_BITS = 52;
        private static final int BIAS = 1023;
        private static final int POW5_INV_BITCOUNT = 122;
        private static final int POW5_BITCOUNT = 121;
        /** Each entry is {low 64 bits, high 64 bits}. */
        private static final long[][] POW5_INV_SPLIT = new long[292][];
        private static final long[][] POW5_SPLIT = new long[326][];

        static {
            for (int i = 0; i < POW5_INV_SPLIT.length; i++) {
                POW5_INV_SPLIT[i] = split128(pow5InvSplit(i, POW5_INV_BITCOUNT));
            }
            for (int i = 0; i < POW5_SPLIT.length; i++) {
                POW5_SPLIT[i] = split128(pow5Split(i, POW5_BITCOUNT));
            }
        }

        private static long[] split128(BigInteger value) {
            return new long[] {value.longValue(), value.shiftRight(64).longValueExact()};
        }

        static Decimal shortest(long bits) {
            long ieeeMantissa = bits & ((1L << MANTISSA_BITS) - 1);
            int ieeeExponent = (int) ((bits >>> MANTISSA_BITS) & 0x7ff);
            int e2 = ieeeExponent - BIAS - MANTISSA_BITS;
            // Integers below 2^53 print as themselves.
            if (e2 >= -MANTISSA_BITS && e2 <= 0 && (ieeeMantissa & ((1L << -e2) - 1)) == 0) {
                return new Decimal(((1L << MANTISSA_BITS) | ieeeMantissa) >>> -e2, 0);
            }
            return d2d(ieeeMantissa, ieeeExponent);
        }

        /** ((m * mul) >> j) for a 128-bit mul, as d2s.c's mulShift with 128-bit integers. */
        private static long mulShift(long m, long[] mul, int j) {
            long b0High = Math.unsignedMultiplyHigh(m, mul[0]);
            long b2Low = m * mul[1];
            long b2High = Math.unsignedMultiplyHigh(m, mul[1]);
            long sumLow = b2Low + b0High;
            long sumHigh = b2High + (Long.compareUnsigned(sumLow, b2Low) < 0 ? 1 : 0);
            int shift = j - 64;
            return (sumLow >>> shift) | (sumHigh << (64 - shift));
        }

        private static Decimal d2d(long ieeeMantissa, int ieeeExponent) {
            int e2;
            long m2;
            if (ieeeExponent == 0) {
                e2 = 1 - BIAS - MANTISSA_BITS - 2;
                m2 = ieeeMantissa;
            } else {
                e2 = ieeeExponent - BIAS - MANTISSA_BITS - 2;
                m2 = (1L << MANTISSA_BITS) | ieeeMantissa;
            }
            long mv = 4 * m2;
            int mmShift = ieeeMantissa != 0 || ieeeExponent <= 1 ? 1 : 0;

            long vr;
            long vp;
            long vm;
            int e10;
            boolean vrIsTrailingZeros = false;
            if (e2 >= 0) {
                int q = log10Pow2(e2) - (e2 > 3 ? 1 : 0);
                int k = POW5_INV_BITCOUNT + pow5bits(q) - 1;
                int i = -e2 + q + k;
                e10 = q;
                vr = mulShift(4 * m2, POW5_INV_SPLIT[q], i);
                vp = mulShift(4 * m2 + 2, POW5_INV_SPLIT[q], i);
                vm = mulShift(4 * m2 - 1 - mmShift, POW5_INV_SPLIT[q], i);
                if (q <= 21) {
                    if (mv % 5 == 0) {
                        vrIsTrailingZeros = multipleOfPowerOf5(mv, q);
                    } else if (multipleOfPowerOf5(mv + 2, q)) {
                        vp--;
                    }
                }
            } else {
                int q = log10Pow5(-e2) - (-e2 > 1 ? 1 : 0);
                int i = -e2 - q;
                int k = pow5bits(i) - POW5_BITCOUNT;
                int j = q - k;
                e10 = q + e2;
                vr = mulShift(4 * m2, POW5_SPLIT[i], j);
                vp = mulShift(4 * m2 + 2, POW5_SPLIT[i], j);
                vm = mulShift(4 * m2 - 1 - mmShift, POW5_SPLIT[i], j);
                if (q <= 1) {
                    vrIsTrailingZeros = true;
                    vp--;
                } else if (q < 63) {
                    vrIsTrailingZeros = multipleOfPowerOf2(mv, q - 1);
                }
            }

            // PostgreSQL builds Ryu without STRICTLY_SHORTEST, so the interval's bounds are never accepted.
            int removed = 0;
            long output;
            if (vrIsTrailingZeros) {
                int lastRemovedDigit = 0;
                while (vp / 10 > vm / 10) {
                    vrIsTrailingZeros &= lastRemovedDigit == 0;
                    lastRemovedDigit = (int) (vr % 10);
                    vr /= 10;
                    vp /= 10;
                    vm /= 10;
                    removed++;
                }
                if (vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0) {
                    lastRemovedDigit = 4;
                }
                output = vr + (vr == vm || lastRemovedDigit >= 5 ? 1 : 0);
            } else {
                boolean roundUp = false;
                if (vp / 100 > vm / 100) {
                    roundUp = vr % 100 >= 50;
                    vr /= 100;
                    vp /= 100;
                    vm /= 100;
                    removed += 2;
                }
                while (vp / 10 > vm / 10) {
                    roundUp = vr % 10 >= 5;
                    vr /= 10;
                    vp /= 10;
                    vm /= 10;
                    removed++;
                }
                output = vr + (vr == vm || roundUp ? 1 : 0);
            }
            return new Decimal(output, e10 + removed);
        }
    }
}

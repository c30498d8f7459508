package io.quiver.common.vector;

/**
 * The part of a string that C's strtof would consume, and its value: an optional sign, then a decimal
 * number with optional exponent, a hexadecimal number (0x...), "inf", "infinity" or "nan" (with an
 * optional "(chars)" tag), letters in any case.
 */
final class CFloatScanner {
    /** Digits exactly representable in a double's 53-bit significand, with room to spare. */
    private static final int MAX_FAST_DIGITS = 15;
    /** 10^22 is the largest power of ten a double holds exactly. */
    private static final int MAX_EXACT_POWER = 22;
    private static final double[] POWERS_OF_TEN = new double[MAX_EXACT_POWER + 1];
    /** The 29 low significand bits a double loses when rounded to a float, and their value exactly halfway. */
    private static final long FLOAT_DROPPED_BITS = (1L << 29) - 1;
    private static final long FLOAT_HALFWAY = 1L << 28;

    static {
        double power = 1;
        for (int i = 0; i <= MAX_EXACT_POWER; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    /** The end of the text the last scan consumed; equal to its start when nothing there was a number. */
    private int end;
    /** The value the last scan read. */
    private float value;
    private boolean outOfRange;

    int end() {
        return end;
    }

    float value() {
        return value;
    }

    /** Whether the last number read overflowed a float (strtof's ERANGE for large values). */
    boolean outOfRange() {
        return outOfRange;
    }

    /** Scans the number starting at {@code start}; read the result with {@link #end()} and {@link #value()}. */
    void scan(String s, int start) {
        outOfRange = false;
        if (!scanPlainDecimal(s, start)) {
            scanAnyForm(s, start);
        }
    }

    /**
     * The common case without allocating: an optionally signed decimal with up to 15 significant digits and
     * a power of ten up to 22 (Clinger's fast path): {@code digits * 10^e} (or {@code / 10^-e}) in double is
     * then exactly rounded, and rounding that double to float is right unless it lies exactly halfway
     * between two floats (the true value may be on either side). False, leaving the work to
     * {@link #scanAnyForm}, for anything else: hexadecimal, inf, nan, more digits, larger exponents.
     */
    private boolean scanPlainDecimal(String s, int start) {
        int length = s.length();
        int pos = start;
        boolean negative = false;
        if (pos < length && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
            negative = s.charAt(pos) == '-';
            pos++;
        }
        long digits = 0;
        int significant = 0;
        int exponent = 0;
        int mantissaStart = pos;
        boolean point = false;
        for (; pos < length; pos++) {
            char c = s.charAt(pos);
            if (c >= '0' && c <= '9') {
                if (digits != 0 || c != '0') {
                    if (++significant > MAX_FAST_DIGITS) {
                        return false;
                    }
                    digits = digits * 10 + (c - '0');
                }
                if (point) {
                    exponent--;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        int mantissaLength = pos - mantissaStart;
        if (mantissaLength == 0 || (point && mantissaLength == 1)) {
            return false;
        }
        if (pos < length && (s.charAt(pos) | 0x20) == 'x') {
            return false;
        }
        if (pos < length && (s.charAt(pos) | 0x20) == 'e') {
            int exponentStart = pos + 1;
            int digitsStart = exponentStart;
            if (digitsStart < length && (s.charAt(digitsStart) == '+' || s.charAt(digitsStart) == '-')) {
                digitsStart++;
            }
            int stated = 0;
            int digitsEnd = digitsStart;
            while (digitsEnd < length && s.charAt(digitsEnd) >= '0' && s.charAt(digitsEnd) <= '9') {
                stated = Math.min(stated * 10 + (s.charAt(digitsEnd) - '0'), 100_000);
                digitsEnd++;
            }
            if (digitsEnd > digitsStart) {
                exponent += s.charAt(exponentStart) == '-' ? -stated : stated;
                pos = digitsEnd;
            }
        }
        float magnitude;
        if (digits == 0) {
            magnitude = 0f;
        } else if (exponent < -MAX_EXACT_POWER || exponent > MAX_EXACT_POWER) {
            return false;
        } else {
            double exact = exponent < 0 ? digits / POWERS_OF_TEN[-exponent] : digits * POWERS_OF_TEN[exponent];
            if ((Double.doubleToRawLongBits(exact) & FLOAT_DROPPED_BITS) == FLOAT_HALFWAY) {
                return false;
            }
            magnitude = (float) exact;
        }
        end = pos;
        value = negative ? -magnitude : magnitude;
        return true;
    }

    /** strtof's whole grammar, through {@link Float#parseFloat}. */
    private void scanAnyForm(String s, int start) {
        int pos = start;
        boolean negative = false;
        if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
            negative = s.charAt(pos) == '-';
            pos++;
        }
        if (startsWithIgnoreCase(s, pos, "inf")) {
            end = startsWithIgnoreCase(s, pos, "infinity") ? pos + 8 : pos + 3;
            value = negative ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
            return;
        }
        if (startsWithIgnoreCase(s, pos, "nan")) {
            end = skipNanTag(s, pos + 3);
            value = Float.NaN;
            return;
        }
        boolean hex = pos + 1 < s.length() && s.charAt(pos) == '0' && (s.charAt(pos + 1) | 0x20) == 'x'
                && startsHexMantissa(s, pos + 2);
        int numberEnd = hex ? scanHex(s, pos + 2) : scanDecimal(s, pos);
        if (numberEnd == pos) {
            end = start;
            value = 0;
            return;
        }
        String number = s.substring(pos, numberEnd);
        float magnitude = hex ? parseHex(number) : Float.parseFloat(number);
        end = numberEnd;
        value = negative ? -magnitude : magnitude;
        outOfRange = Float.isInfinite(magnitude);
    }

    private static int scanDecimal(String s, int pos) {
        int digitsEnd = skipDigits(s, pos, 10);
        boolean anyDigit = digitsEnd > pos;
        if (digitsEnd < s.length() && s.charAt(digitsEnd) == '.') {
            int fractionEnd = skipDigits(s, digitsEnd + 1, 10);
            anyDigit |= fractionEnd > digitsEnd + 1;
            digitsEnd = fractionEnd;
        }
        if (!anyDigit) {
            return pos;
        }
        return skipExponent(s, digitsEnd, 'e', 10);
    }

    private static int scanHex(String s, int pos) {
        int end = skipDigits(s, pos, 16);
        if (end < s.length() && s.charAt(end) == '.') {
            end = skipDigits(s, end + 1, 16);
        }
        // The exponent of a hexadecimal float is a power of two written in decimal.
        return skipExponent(s, end, 'p', 10);
    }

    private static boolean startsHexMantissa(String s, int pos) {
        if (pos < s.length() && Character.digit(s.charAt(pos), 16) >= 0) {
            return true;
        }
        return pos + 1 < s.length() && s.charAt(pos) == '.' && Character.digit(s.charAt(pos + 1), 16) >= 0;
    }

    /** Java's parser insists on the binary exponent that C lets one leave out. */
    private static float parseHex(String number) {
        boolean hasExponent = number.indexOf('p') >= 0 || number.indexOf('P') >= 0;
        return Float.parseFloat(hasExponent ? number : number + "p0");
    }

    private static int skipExponent(String s, int pos, char marker, int radix) {
        if (pos >= s.length() || (s.charAt(pos) | 0x20) != marker) {
            return pos;
        }
        int digitsStart = pos + 1;
        if (digitsStart < s.length() && (s.charAt(digitsStart) == '+' || s.charAt(digitsStart) == '-')) {
            digitsStart++;
        }
        int digitsEnd = skipDigits(s, digitsStart, radix);
        return digitsEnd > digitsStart ? digitsEnd : pos;
    }

    private static int skipDigits(String s, int pos, int radix) {
        while (pos < s.length() && isAsciiDigit(s.charAt(pos), radix)) {
            pos++;
        }
        return pos;
    }

    private static boolean isAsciiDigit(char c, int radix) {
        return c < 128 && Character.digit(c, radix) >= 0;
    }

    private static int skipNanTag(String s, int pos) {
        if (pos >= s.length() || s.charAt(pos) != '(') {
            return pos;
        }
        int i = pos + 1;
        while (i < s.length() && (isAsciiDigit(s.charAt(i), 36) || s.charAt(i) == '_')) {
            i++;
        }
        return i < s.length() && s.charAt(i) == ')' ? i + 1 : pos;
    }

    private static boolean startsWithIgnoreCase(String s, int pos, String word) {
        return s.regionMatches(true, pos, word, 0, word.length());
    }
}

package io.quiver.common.vector;

/**
 * The part of a string that C's strtof would consume, and its value: an optional sign, then a decimal
 * number with optional exponent, a hexadecimal number (0x...), "inf", "infinity" or "nan" (with an
 * optional "(chars)" tag), letters in any case.
 */
final class CFloatScanner {
    /** The scan result: the end of the consumed text (== start when nothing was a number) and its value. */
    record Scan(int end, float value, boolean outOfRange) {
    }

    private CFloatScanner() {
    }

    static Scan scan(String s, int start) {
        int pos = start;
        boolean negative = false;
        if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
            negative = s.charAt(pos) == '-';
            pos++;
        }
        if (startsWithIgnoreCase(s, pos, "inf")) {
            int end = startsWithIgnoreCase(s, pos, "infinity") ? pos + 8 : pos + 3;
            return new Scan(end, negative ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY, false);
        }
        if (startsWithIgnoreCase(s, pos, "nan")) {
            return new Scan(skipNanTag(s, pos + 3), Float.NaN, false);
        }
        boolean hex = pos + 1 < s.length() && s.charAt(pos) == '0' && (s.charAt(pos + 1) | 0x20) == 'x'
                && startsHexMantissa(s, pos + 2);
        int end = hex ? scanHex(s, pos + 2) : scanDecimal(s, pos);
        if (end == pos) {
            return new Scan(start, 0, false);
        }
        String number = s.substring(pos, end);
        float magnitude = hex ? parseHex(number) : Float.parseFloat(number);
        return new Scan(end, negative ? -magnitude : magnitude, Float.isInfinite(magnitude));
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

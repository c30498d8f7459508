package io.quiver.sql.utility;

/** Decodes the body of an E'...' literal: backslash escapes as PostgreSQL documents them, and doubled quotes. */
final class EscapeStrings {
    private EscapeStrings() {
    }

    static String decode(String body) {
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i++);
            if (c == '\'') {
                i++; // the second quote of ''
                out.append('\'');
            } else if (c != '\\') {
                out.append(c);
            } else {
                i = appendEscape(body, i, out);
            }
        }
        return out.toString();
    }

    /** Appends the escape whose first character after the backslash is at {@code i}; returns where it ends. */
    private static int appendEscape(String body, int i, StringBuilder out) {
        char c = body.charAt(i);
        switch (c) {
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'x' -> {
                int end = digitsEnd(body, i + 1, 2, 16);
                if (end == i + 1) {
                    out.append('x');
                    return i + 1;
                }
                out.append((char) Integer.parseInt(body.substring(i + 1, end), 16));
                return end;
            }
            case 'u', 'U' -> {
                int length = c == 'u' ? 4 : 8;
                int end = digitsEnd(body, i + 1, length, 16);
                if (end - (i + 1) != length) {
                    out.append(c);
                    return i + 1;
                }
                out.appendCodePoint(Integer.parseInt(body.substring(i + 1, end), 16));
                return end;
            }
            default -> {
                int end = digitsEnd(body, i, 3, 8);
                if (end == i) {
                    out.append(c);
                    return i + 1;
                }
                out.append((char) Integer.parseInt(body.substring(i, end), 8));
                return end;
            }
        }
        return i + 1;
    }

    private static int digitsEnd(String body, int start, int maxDigits, int radix) {
        int end = start;
        while (end < body.length() && end - start < maxDigits && isAsciiDigit(body.charAt(end), radix)) {
            end++;
        }
        return end;
    }

    private static boolean isAsciiDigit(char c, int radix) {
        return c < 128 && Character.digit(c, radix) >= 0;
    }
}

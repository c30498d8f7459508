package io.quiver.common.type;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.util.Arrays;

/**
 * A value of PostgreSQL's {@code bit(n)} or {@code bit varying(n)}: {@code length} bits, most significant
 * first, in {@code bytes} with the unused low bits of the last byte zero (as PostgreSQL keeps them).
 */
public record PgBitString(int length, byte[] bytes) implements Comparable<PgBitString> {
    /** PostgreSQL's MaxAttrSize in bits: the longest declared length bit(n) and varbit(n) accept. */
    public static final int MAX_LENGTH = 10 * 1024 * 1024 * 8;

    /** bit_in/varbit_in without a modifier: binary digits, or {@code B'...'}/{@code X'...'} forms' bodies. */
    public static PgBitString parse(String text) {
        boolean hex = false;
        String digits = text;
        if (!text.isEmpty() && (text.charAt(0) == 'b' || text.charAt(0) == 'B')) {
            digits = text.substring(1);
        } else if (!text.isEmpty() && (text.charAt(0) == 'x' || text.charAt(0) == 'X')) {
            digits = text.substring(1);
            hex = true;
        }
        return hex ? parseHex(digits) : parseBinary(digits);
    }

    private static PgBitString parseBinary(String digits) {
        byte[] bytes = new byte[(digits.length() + 7) / 8];
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c == '1') {
                bytes[i / 8] |= (byte) (0x80 >>> (i % 8));
            } else if (c != '0') {
                throw QuiverException.of(SqlState.INVALID_TEXT_REPRESENTATION, "\"%s\" is not a valid binary digit",
                        digits.substring(i, i + Character.charCount(digits.codePointAt(i))));
            }
        }
        return new PgBitString(digits.length(), bytes);
    }

    private static PgBitString parseHex(String digits) {
        byte[] bytes = new byte[(digits.length() + 1) / 2];
        for (int i = 0; i < digits.length(); i++) {
            int nibble = Character.digit(digits.charAt(i), 16);
            if (nibble < 0 || digits.charAt(i) > 127) {
                throw QuiverException.of(SqlState.INVALID_TEXT_REPRESENTATION,
                        "\"%s\" is not a valid hexadecimal digit", digits.substring(i, i + 1));
            }
            bytes[i / 2] |= (byte) (i % 2 == 0 ? nibble << 4 : nibble);
        }
        return new PgBitString(digits.length() * 4, bytes);
    }

    /** bit_out: one 0 or 1 per bit. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(bit(i) ? '1' : '0');
        }
        return out.toString();
    }

    public boolean bit(int i) {
        return (bytes[i / 8] & (0x80 >>> (i % 8))) != 0;
    }

    /**
     * The length coercion to {@code bit(n)} ({@code varying} false) or {@code bit varying(n)}: an explicit cast
     * pads with zeros or truncates as PostgreSQL does, an assignment fails with 22026 or 22001.
     */
    public PgBitString withLength(int n, boolean varying, boolean explicit) {
        if (n < 0 || length == n || (varying && length < n)) {
            return this;
        }
        if (!explicit) {
            if (varying) {
                throw QuiverException.of(SqlState.STRING_DATA_RIGHT_TRUNCATION,
                        "bit string too long for type bit varying(%d)", n);
            }
            throw QuiverException.of(SqlState.STRING_DATA_LENGTH_MISMATCH,
                    "bit string length %d does not match type bit(%d)", length, n);
        }
        byte[] resized = Arrays.copyOf(bytes, (n + 7) / 8);
        if (n % 8 != 0) {
            resized[resized.length - 1] &= (byte) (0xff << (8 - n % 8));
        }
        return new PgBitString(n, resized);
    }

    /** pgvector's hamming_distance and {@code <~>}: the number of differing bits. */
    public static double hammingDistance(PgBitString a, PgBitString b) {
        checkSameLength(a, b);
        long distance = 0;
        for (int i = 0; i < a.bytes.length; i++) {
            distance += Integer.bitCount((a.bytes[i] ^ b.bytes[i]) & 0xff);
        }
        return distance;
    }

    /** pgvector's jaccard_distance and {@code <%>}: 1 - |a and b| / |a or b|, 1 when neither has a bit set. */
    public static double jaccardDistance(PgBitString a, PgBitString b) {
        checkSameLength(a, b);
        long ab = 0;
        long aa = 0;
        long bb = 0;
        for (int i = 0; i < a.bytes.length; i++) {
            ab += Integer.bitCount(a.bytes[i] & b.bytes[i] & 0xff);
            aa += Integer.bitCount(a.bytes[i] & 0xff);
            bb += Integer.bitCount(b.bytes[i] & 0xff);
        }
        if (ab == 0) {
            return 1;
        }
        return 1 - (ab / ((double) (aa + bb - ab)));
    }

    private static void checkSameLength(PgBitString a, PgBitString b) {
        if (a.length != b.length) {
            throw QuiverException.of(SqlState.DATA_EXCEPTION, "different bit lengths %d and %d", a.length, b.length);
        }
    }

    /** pgvector's binary_quantize: bit i set when element i is positive. */
    public static PgBitString binaryQuantize(float[] v) {
        byte[] bytes = new byte[(v.length + 7) / 8];
        for (int i = 0; i < v.length; i++) {
            if (v[i] > 0) {
                bytes[i / 8] |= (byte) (0x80 >>> (i % 8));
            }
        }
        return new PgBitString(v.length, bytes);
    }

    /** bitcmp: the common prefix's bytes unsigned, then the shorter first. */
    @Override
    public int compareTo(PgBitString other) {
        int common = Math.min(bytes.length, other.bytes.length);
        int c = Arrays.compareUnsigned(bytes, 0, common, other.bytes, 0, common);
        return c != 0 ? Integer.signum(c) : Integer.compare(length, other.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PgBitString other && length == other.length && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * length + Arrays.hashCode(bytes);
    }
}

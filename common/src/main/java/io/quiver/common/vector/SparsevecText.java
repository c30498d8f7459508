package io.quiver.common.vector;

import io.quiver.common.error.QuiverException;
import io.quiver.common.type.PgFloatFormat;
import java.util.Arrays;

/** pgvector's text form of {@code sparsevec}: {@code {1:1.5,3:2}/5}, 1-based indices, zeros left out. */
public final class SparsevecText {
    private SparsevecText() {
    }

    /** sparsevec_in; typmod is the declared dimension of {@code sparsevec(n)}, or -1. */
    public static SparseVector parse(String text, int typmod) {
        long[] entries = new long[16];
        float[] values = new float[16];
        int parsed = 0;
        int nonZeros = 0;
        CFloatScanner scan = new CFloatScanner();
        int pos = VectorText.skipSpace(text, 0);
        if (VectorText.charAt(text, pos) != '{') {
            throw invalidSyntax(text).withDetail("Vector contents must start with \"{\".");
        }
        pos = VectorText.skipSpace(text, pos + 1);
        if (VectorText.charAt(text, pos) == '}') {
            pos++;
        } else {
            while (true) {
                if (parsed++ == SparseVector.MAX_NON_ZEROS) {
                    SparseVector.checkNonZeros(parsed);
                }
                pos = VectorText.skipSpace(text, pos);
                int end = integerEnd(text, pos);
                if (end == pos) {
                    throw invalidSyntax(text);
                }
                long index = clampToInt(text.substring(pos, end));
                pos = VectorText.skipSpace(text, end);
                if (VectorText.charAt(text, pos) != ':') {
                    throw invalidSyntax(text);
                }
                pos = VectorText.skipSpace(text, pos + 1);
                scan.scan(text, pos);
                if (scan.end() == pos) {
                    throw invalidSyntax(text);
                }
                if (scan.outOfRange()) {
                    throw VectorText.outOfRange(text.substring(pos, scan.end()), SparseVector.TYPE_NAME);
                }
                VectorErrors.checkElement(scan.value(), SparseVector.TYPE_NAME);
                if (scan.value() != 0) {
                    if (nonZeros == values.length) {
                        entries = Arrays.copyOf(entries, nonZeros * 2);
                        values = Arrays.copyOf(values, nonZeros * 2);
                    }
                    // Sorted by index, then by position, so that duplicates keep their input order.
                    entries[nonZeros] = ((index - 1) << 32) | nonZeros;
                    values[nonZeros++] = scan.value();
                }
                pos = VectorText.skipSpace(text, scan.end());
                char c = VectorText.charAt(text, pos);
                pos++;
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw invalidSyntax(text);
                }
            }
        }
        pos = VectorText.skipSpace(text, pos);
        if (VectorText.charAt(text, pos) != '/') {
            throw invalidSyntax(text).withDetail("Unexpected end of input.");
        }
        pos = VectorText.skipSpace(text, pos + 1);
        int end = integerEnd(text, pos);
        if (end == pos) {
            throw invalidSyntax(text);
        }
        long dims = clampToInt(text.substring(pos, end));
        if (VectorText.skipSpace(text, end) != text.length()) {
            throw invalidSyntax(text).withDetail("Junk after closing.");
        }
        SparseVector.checkDimensions(dims);
        VectorErrors.checkExpectedDim(typmod, (int) dims);
        long[] sorted = Arrays.copyOf(entries, nonZeros);
        Arrays.sort(sorted);
        int[] resultIndices = new int[nonZeros];
        float[] resultValues = new float[nonZeros];
        for (int i = 0; i < nonZeros; i++) {
            resultIndices[i] = (int) (sorted[i] >> 32);
            resultValues[i] = values[(int) sorted[i]];
            SparseVector.checkIndex(resultIndices, i, (int) dims);
        }
        return new SparseVector((int) dims, resultIndices, resultValues);
    }

    /** sparsevec_out. */
    public static String format(SparseVector v) {
        StringBuilder out = new StringBuilder(8 + v.nonZeros() * 12);
        out.append('{');
        for (int i = 0; i < v.nonZeros(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(v.indices()[i] + 1).append(':').append(PgFloatFormat.format(v.values()[i]));
        }
        return out.append("}/").append(v.dimensions()).toString();
    }

    /** Where strtol's base-10 number starting at {@code pos} ends: optional sign, then digits. */
    private static int integerEnd(String text, int pos) {
        int p = pos;
        if (p < text.length() && (text.charAt(p) == '+' || text.charAt(p) == '-')) {
            p++;
        }
        int digits = p;
        while (p < text.length() && Character.isDigit(text.charAt(p)) && text.charAt(p) < 128) {
            p++;
        }
        return p == digits ? pos : p;
    }

    /** strtol's value kept in int range, as pgvector does for its later error messages. */
    private static long clampToInt(String number) {
        String digits = number.startsWith("+") ? number.substring(1) : number;
        String magnitude = digits.startsWith("-") ? digits.substring(1) : digits;
        if (magnitude.replaceFirst("^0+", "").length() > 10) {
            return digits.startsWith("-") ? Integer.MIN_VALUE + 1L : Integer.MAX_VALUE;
        }
        return Math.max(Integer.MIN_VALUE + 1L, Math.min(Integer.MAX_VALUE, Long.parseLong(digits)));
    }

    private static QuiverException invalidSyntax(String text) {
        return VectorText.invalidSyntax(text, SparseVector.TYPE_NAME);
    }
}

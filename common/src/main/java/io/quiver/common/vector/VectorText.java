package io.quiver.common.vector;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgFloatFormat;
import java.util.Arrays;

/** pgvector's text form of {@code vector}: vector_in, vector_out and vector_typmod_in. */
public final class VectorText {
    /** pgvector's VECTOR_MAX_DIM. */
    public static final int MAX_DIMENSIONS = 16000;

    private VectorText() {
    }

    /** vector_in for a value without a declared dimension. */
    public static float[] parse(String text) {
        return parse(text, -1);
    }

    /** vector_in; typmod is the declared dimension of {@code vector(n)}, or -1. */
    public static float[] parse(String text, int typmod) {
        return parse(text, typmod, false);
    }

    /**
     * vector_in, or halfvec_in when {@code half}: the same text, each element then rounded to the nearest
     * IEEE half-precision value (kept in a float, which holds it exactly).
     */
    static float[] parse(String text, int typmod, boolean half) {
        String typeName = half ? "halfvec" : "vector";
        float[] values = new float[typmod > 0 ? typmod : 16];
        int dims = 0;
        CFloatScanner scan = new CFloatScanner();
        int pos = skipSpace(text, 0);
        if (charAt(text, pos) != '[') {
            throw invalidSyntax(text, typeName).withDetail("Vector contents must start with \"[\".");
        }
        pos = skipSpace(text, pos + 1);
        if (charAt(text, pos) == ']') {
            throw VectorErrors.atLeastOneDimension(typeName);
        }
        while (true) {
            if (dims == MAX_DIMENSIONS) {
                throw VectorErrors.tooManyDimensions(typeName);
            }
            pos = skipSpace(text, pos);
            if (pos >= text.length()) {
                throw invalidSyntax(text, typeName);
            }
            scan.scan(text, pos);
            if (scan.end() == pos) {
                throw invalidSyntax(text, typeName);
            }
            float value = scan.value();
            if (half && !scan.outOfRange() && Float.isFinite(value)) {
                value = HalfFloats.round(value);
            }
            if (scan.outOfRange() || (half && Float.isInfinite(value) && Float.isFinite(scan.value()))) {
                throw outOfRange(text.substring(pos, scan.end()), typeName);
            }
            VectorErrors.checkElement(value, typeName);
            if (dims == values.length) {
                values = Arrays.copyOf(values, Math.min(dims * 2, MAX_DIMENSIONS));
            }
            values[dims++] = value;
            pos = skipSpace(text, scan.end());
            char c = charAt(text, pos);
            if (c == ']') {
                pos++;
                break;
            }
            if (c != ',') {
                throw invalidSyntax(text, typeName);
            }
            pos++;
        }
        if (skipSpace(text, pos) != text.length()) {
            throw invalidSyntax(text, typeName).withDetail("Junk after closing right brace.");
        }
        VectorErrors.checkDim(dims, typeName);
        VectorErrors.checkExpectedDim(typmod, dims);
        return dims == values.length ? values : Arrays.copyOf(values, dims);
    }

    /** vector_out: {@code [1,2.5,3]}, each element as PostgreSQL prints a float4. */
    public static String format(float[] v) {
        StringBuilder out = new StringBuilder(2 + v.length * 10);
        out.append('[');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(PgFloatFormat.format(v[i]));
        }
        return out.append(']').toString();
    }

    /** vector's CheckDim: 22000 below one dimension, 54000 above {@link #MAX_DIMENSIONS}. */
    public static void checkDimensions(int dims) {
        VectorErrors.checkDim(dims);
    }

    /** vector_typmod_in: validates the n of a {@code vector(n)} declaration. */
    public static void checkTypmod(int dims) {
        checkTypmod(dims, "vector", MAX_DIMENSIONS);
    }

    /** The typmod_in of pgvector's {@code typeName} (vector, halfvec, sparsevec) with its dimension limit. */
    public static void checkTypmod(int dims, String typeName, int maxDimensions) {
        if (dims < 1) {
            throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE, "dimensions for type %s must be at least 1",
                    typeName);
        }
        if (dims > maxDimensions) {
            throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE, "dimensions for type %s cannot exceed %d",
                    typeName, maxDimensions);
        }
    }

    /**
     * vector_typmod_in for the modifier list of {@code vector(...)}: exactly one dimension, validated by
     * {@link #checkTypmod(int)}; returns it.
     */
    public static int checkTypmods(int[] modifiers) {
        if (modifiers.length != 1) {
            throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "invalid type modifier");
        }
        checkTypmod(modifiers[0]);
        return modifiers[0];
    }

    static QuiverException invalidSyntax(String text, String typeName) {
        return QuiverException.of(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type %s: \"%s\"",
                typeName, text);
    }

    static QuiverException outOfRange(String number, String typeName) {
        return QuiverException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "\"%s\" is out of range for type %s", number,
                typeName);
    }

    /** The C string's terminating NUL stands for the end of the text. */
    static char charAt(String text, int pos) {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    /** pgvector's vector_isspace (PostgreSQL 15): space, \t, \n, \r, \v and \f. */
    static int skipSpace(String text, int pos) {
        while (pos < text.length() && isSpace(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000b' || c == '\f';
    }
}

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
        float[] values = new float[typmod > 0 ? typmod : 16];
        int dims = 0;
        CFloatScanner scan = new CFloatScanner();
        int pos = skipSpace(text, 0);
        if (charAt(text, pos) != '[') {
            throw invalidSyntax(text).withDetail("Vector contents must start with \"[\".");
        }
        pos = skipSpace(text, pos + 1);
        if (charAt(text, pos) == ']') {
            throw new QuiverException(SqlState.DATA_EXCEPTION, "vector must have at least 1 dimension");
        }
        while (true) {
            if (dims == MAX_DIMENSIONS) {
                throw VectorErrors.tooManyDimensions();
            }
            pos = skipSpace(text, pos);
            if (pos >= text.length()) {
                throw invalidSyntax(text);
            }
            scan.scan(text, pos);
            if (scan.end() == pos) {
                throw invalidSyntax(text);
            }
            if (scan.outOfRange()) {
                throw QuiverException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "\"%s\" is out of range for type vector",
                        text.substring(pos, scan.end()));
            }
            VectorErrors.checkElement(scan.value());
            if (dims == values.length) {
                values = Arrays.copyOf(values, Math.min(dims * 2, MAX_DIMENSIONS));
            }
            values[dims++] = scan.value();
            pos = skipSpace(text, scan.end());
            char c = charAt(text, pos);
            if (c == ']') {
                pos++;
                break;
            }
            if (c != ',') {
                throw invalidSyntax(text);
            }
            pos++;
        }
        if (skipSpace(text, pos) != text.length()) {
            throw invalidSyntax(text).withDetail("Junk after closing right brace.");
        }
        VectorErrors.checkDim(dims);
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

    /** vector_typmod_in: validates the n of a {@code vector(n)} declaration. */
    public static void checkTypmod(int dims) {
        if (dims < 1) {
            throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "dimensions for type vector must be at least 1");
        }
        if (dims > MAX_DIMENSIONS) {
            throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE, "dimensions for type vector cannot exceed %d",
                    MAX_DIMENSIONS);
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

    private static QuiverException invalidSyntax(String text) {
        return QuiverException.of(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type vector: \"%s\"",
                text);
    }

    /** The C string's terminating NUL stands for the end of the text. */
    private static char charAt(String text, int pos) {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    /** pgvector's vector_isspace (PostgreSQL 15): space, \t, \n, \r, \v and \f. */
    private static int skipSpace(String text, int pos) {
        while (pos < text.length() && isSpace(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000b' || c == '\f';
    }
}

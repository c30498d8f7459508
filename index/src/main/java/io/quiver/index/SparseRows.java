package io.quiver.index;

import io.quiver.common.vector.SparseVector;

/**
 * Sparse vectors as a {@link VectorColumn#variableWidth() variable-width} column holds them: the number of
 * non-zero elements n, then their n indices, then their n values, each in one float. An index is kept as the
 * float with its raw bits: indices are below 2^30, and no such bit pattern is a NaN, so copies keep them
 * exact. The distances walk the two ascending index lists together, as pgvector's do.
 */
public final class SparseRows {
    private SparseRows() {
    }

    public static float[] encode(SparseVector vector) {
        int n = vector.nonZeros();
        float[] row = new float[1 + 2 * n];
        row[0] = n;
        for (int i = 0; i < n; i++) {
            row[1 + i] = Float.intBitsToFloat(vector.indices()[i]);
            row[1 + n + i] = vector.values()[i];
        }
        return row;
    }

    /** The non-zero elements of the row at {@code offset}. */
    public static int nonZeros(float[] data, int offset) {
        return (int) data[offset];
    }

    static float squaredL2(float[] a, int aOffset, float[] b, int bOffset) {
        return merged(a, aOffset, b, bOffset, false);
    }

    static float l1(float[] a, int aOffset, float[] b, int bOffset) {
        return merged(a, aOffset, b, bOffset, true);
    }

    static float dot(float[] a, int aOffset, float[] b, int bOffset) {
        int an = nonZeros(a, aOffset);
        int bn = nonZeros(b, bOffset);
        float dot = 0;
        for (int i = 0, j = 0; i < an && j < bn; ) {
            int ai = index(a, aOffset, i);
            int bj = index(b, bOffset, j);
            if (ai == bj) {
                dot += value(a, aOffset, an, i++) * value(b, bOffset, bn, j++);
            } else if (ai < bj) {
                i++;
            } else {
                j++;
            }
        }
        return dot;
    }

    /** 1 - cosine similarity, clamped as pgvector clamps it; NaN when either vector is zero. */
    static float cosineDistance(float[] a, int aOffset, float[] b, int bOffset) {
        double similarity = dot(a, aOffset, b, bOffset)
                / Math.sqrt((double) dot(a, aOffset, a, aOffset) * dot(b, bOffset, b, bOffset));
        return (float) (1 - Math.max(-1, Math.min(1, similarity)));
    }

    /** The sum over all indices of |a - b| ({@code absolute}) or (a - b)^2, a missing element being zero. */
    private static float merged(float[] a, int aOffset, float[] b, int bOffset, boolean absolute) {
        int an = nonZeros(a, aOffset);
        int bn = nonZeros(b, bOffset);
        float sum = 0;
        int i = 0;
        int j = 0;
        while (i < an || j < bn) {
            int ai = i < an ? index(a, aOffset, i) : Integer.MAX_VALUE;
            int bj = j < bn ? index(b, bOffset, j) : Integer.MAX_VALUE;
            float difference;
            if (ai == bj) {
                difference = value(a, aOffset, an, i++) - value(b, bOffset, bn, j++);
            } else if (ai < bj) {
                difference = value(a, aOffset, an, i++);
            } else {
                difference = value(b, bOffset, bn, j++);
            }
            sum += absolute ? Math.abs(difference) : difference * difference;
        }
        return sum;
    }

    private static int index(float[] row, int offset, int i) {
        return Float.floatToRawIntBits(row[offset + 1 + i]);
    }

    private static float value(float[] row, int offset, int n, int i) {
        return row[offset + 1 + n + i];
    }
}

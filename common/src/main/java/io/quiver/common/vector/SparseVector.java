package io.quiver.common.vector;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;

/**
 * A value of pgvector's {@code sparsevec}: the dimension and the non-zero elements, as 0-based indices in
 * ascending order with their values. The arrays are never modified once the value is built.
 */
public record SparseVector(int dimensions, int[] indices, float[] values) {
    public static final String TYPE_NAME = "sparsevec";
    /** pgvector's SPARSEVEC_MAX_DIM. */
    public static final int MAX_DIMENSIONS = 1_000_000_000;
    /** pgvector's SPARSEVEC_MAX_NNZ. */
    public static final int MAX_NON_ZEROS = 16000;

    public int nonZeros() {
        return indices.length;
    }

    /** The dense form, for the casts to vector and halfvec. */
    public float[] toDense() {
        float[] dense = new float[dimensions];
        for (int i = 0; i < indices.length; i++) {
            dense[indices[i]] = values[i];
        }
        return dense;
    }

    /** The cast of a vector or halfvec to sparsevec: its non-zero elements. */
    public static SparseVector fromDense(float[] dense) {
        int nonZeros = 0;
        for (float x : dense) {
            if (x != 0) {
                nonZeros++;
            }
        }
        checkNonZeros(nonZeros);
        int[] indices = new int[nonZeros];
        float[] values = new float[nonZeros];
        int n = 0;
        for (int i = 0; i < dense.length; i++) {
            if (dense[i] != 0) {
                indices[n] = i;
                values[n++] = dense[i];
            }
        }
        return new SparseVector(dense.length, indices, values);
    }

    /** pgvector's CheckDim for sparsevec. */
    static void checkDimensions(long dims) {
        if (dims < 1) {
            throw VectorErrors.atLeastOneDimension(TYPE_NAME);
        }
        if (dims > MAX_DIMENSIONS) {
            throw QuiverException.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "sparsevec cannot have more than %d dimensions",
                    MAX_DIMENSIONS);
        }
    }

    static void checkNonZeros(int nonZeros) {
        if (nonZeros > MAX_NON_ZEROS) {
            throw QuiverException.of(SqlState.PROGRAM_LIMIT_EXCEEDED,
                    "sparsevec cannot have more than %d non-zero elements", MAX_NON_ZEROS);
        }
    }

    /** pgvector's CheckIndex: element {@code i}'s index within the dimension, ascending, without duplicates. */
    static void checkIndex(int[] indices, int i, int dims) {
        int index = indices[i];
        if (index < 0 || index >= dims) {
            throw new QuiverException(SqlState.DATA_EXCEPTION, "sparsevec index out of bounds");
        }
        if (i > 0) {
            if (index < indices[i - 1]) {
                throw new QuiverException(SqlState.DATA_EXCEPTION, "sparsevec indices must be in ascending order");
            }
            if (index == indices[i - 1]) {
                throw new QuiverException(SqlState.DATA_EXCEPTION, "sparsevec indices must not contain duplicates");
            }
        }
    }

    /** The typmod coercion sparsevec -> sparsevec(typmod), and pgvector's CheckExpectedDim. */
    public SparseVector withDimension(int typmod) {
        VectorErrors.checkExpectedDim(typmod, dimensions);
        return this;
    }

    /** sparsevec_typmod_in. */
    public static void checkTypmod(int dims) {
        VectorText.checkTypmod(dims, TYPE_NAME, MAX_DIMENSIONS);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVector other && dimensions == other.dimensions
                && java.util.Arrays.equals(indices, other.indices) && java.util.Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dimensions + java.util.Arrays.hashCode(indices)) + java.util.Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return SparsevecText.format(this);
    }
}

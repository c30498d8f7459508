package io.quiver.common.vector;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;

/** The checks pgvector's vector.c repeats in every function, worded and coded as pgvector reports them. */
final class VectorErrors {
    private VectorErrors() {
    }

    /** pgvector's CheckDim. */
    static void checkDim(int dims) {
        checkDim(dims, "vector");
    }

    /** pgvector's CheckDim of {@code typeName} (vector or halfvec, which share the limit). */
    static void checkDim(int dims, String typeName) {
        if (dims < 1) {
            throw atLeastOneDimension(typeName);
        }
        if (dims > VectorText.MAX_DIMENSIONS) {
            throw tooManyDimensions(typeName);
        }
    }

    static QuiverException atLeastOneDimension(String typeName) {
        return QuiverException.of(SqlState.DATA_EXCEPTION, "%s must have at least 1 dimension", typeName);
    }

    static QuiverException tooManyDimensions() {
        return tooManyDimensions("vector");
    }

    static QuiverException tooManyDimensions(String typeName) {
        return QuiverException.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "%s cannot have more than %d dimensions",
                typeName, VectorText.MAX_DIMENSIONS);
    }

    /** pgvector's CheckDims of two operands of {@code typeName}. */
    static void checkSameDimensions(int a, int b, String typeName) {
        if (a != b) {
            throw QuiverException.of(SqlState.DATA_EXCEPTION, "different %s dimensions %d and %d", typeName, a, b);
        }
    }

    /** pgvector's CheckExpectedDim; a typmod of -1 means the column or cast declares no dimension. */
    static void checkExpectedDim(int typmod, int dims) {
        if (typmod != -1 && typmod != dims) {
            throw QuiverException.of(SqlState.DATA_EXCEPTION, "expected %d dimensions, not %d", typmod, dims);
        }
    }

    /** pgvector's CheckElement. */
    static void checkElement(float value) {
        checkElement(value, "vector");
    }

    /** pgvector's CheckElement of {@code typeName}. */
    static void checkElement(float value, String typeName) {
        if (Float.isNaN(value)) {
            throw QuiverException.of(SqlState.DATA_EXCEPTION, "NaN not allowed in %s", typeName);
        }
        if (Float.isInfinite(value)) {
            throw QuiverException.of(SqlState.DATA_EXCEPTION, "infinite value not allowed in %s", typeName);
        }
    }

    static void checkElements(float[] v) {
        for (float x : v) {
            checkElement(x);
        }
    }

    /** PostgreSQL's float_overflow_error. */
    static QuiverException overflow() {
        return new QuiverException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
    }

    /** PostgreSQL's float_underflow_error. */
    static QuiverException underflow() {
        return new QuiverException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
    }
}

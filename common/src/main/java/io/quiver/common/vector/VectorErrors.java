package io.quiver.common.vector;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;

/** The checks pgvector's vector.c repeats in every function, worded and coded as pgvector reports them. */
final class VectorErrors {
    private VectorErrors() {
    }

    /** pgvector's CheckDim. */
    static void checkDim(int dims) {
        if (dims < 1) {
            throw new QuiverException(SqlState.DATA_EXCEPTION, "vector must have at least 1 dimension");
        }
        if (dims > VectorText.MAX_DIMENSIONS) {
            throw tooManyDimensions();
        }
    }

    static QuiverException tooManyDimensions() {
        return QuiverException.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "vector cannot have more than %d dimensions",
                VectorText.MAX_DIMENSIONS);
    }

    /** pgvector's CheckExpectedDim; a typmod of -1 means the column or cast declares no dimension. */
    static void checkExpectedDim(int typmod, int dims) {
        if (typmod != -1 && typmod != dims) {
            throw QuiverException.of(SqlState.DATA_EXCEPTION, "expected %d dimensions, not %d", typmod, dims);
        }
    }

    /** pgvector's CheckElement. */
    static void checkElement(float value) {
        if (Float.isNaN(value)) {
            throw new QuiverException(SqlState.DATA_EXCEPTION, "NaN not allowed in vector");
        }
        if (Float.isInfinite(value)) {
            throw new QuiverException(SqlState.DATA_EXCEPTION, "infinite value not allowed in vector");
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

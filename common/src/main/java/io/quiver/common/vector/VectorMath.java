package io.quiver.common.vector;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * pgvector's SQL functions and operators on {@code vector} values, computed as pgvector 0.8.6 computes them
 * (same accumulation types and order) so that results match PostgreSQL + pgvector bit for bit. Vectors are
 * {@code float[]}; distances and norms are float8 ({@code double}).
 */
public final class VectorMath {
    private VectorMath() {
    }

    /** vector_dims. */
    public static int dims(float[] v) {
        return v.length;
    }

    /** pgvector's CheckDims: binary functions need operands of one dimension. */
    public static void checkSameDimensions(float[] a, float[] b) {
        if (a.length != b.length) {
            throw QuiverException.of(SqlState.DATA_EXCEPTION, "different vector dimensions %d and %d", a.length,
                    b.length);
        }
    }

    /** {@code <->}, l2_distance. */
    public static double l2Distance(float[] a, float[] b) {
        return Math.sqrt(l2SquaredDistance(a, b));
    }

    /** vector_l2_squared_distance. */
    public static double l2SquaredDistance(float[] a, float[] b) {
        checkSameDimensions(a, b);
        return PgvectorReductions.l2Squared(a, b);
    }

    /** inner_product. */
    public static double innerProduct(float[] a, float[] b) {
        checkSameDimensions(a, b);
        return PgvectorReductions.dot(a, b);
    }

    /** {@code <#>}, vector_negative_inner_product. */
    public static double negativeInnerProduct(float[] a, float[] b) {
        checkSameDimensions(a, b);
        return -PgvectorReductions.dot(a, b);
    }

    /** {@code <=>}, cosine_distance: NaN when either vector is all zeros. */
    public static double cosineDistance(float[] a, float[] b) {
        checkSameDimensions(a, b);
        double similarity = PgvectorReductions.cosineSimilarity(a, b);
        if (similarity > 1) {
            similarity = 1.0;
        } else if (similarity < -1) {
            similarity = -1.0;
        }
        return 1.0 - similarity;
    }

    /** {@code <+>}, l1_distance. */
    public static double l1Distance(float[] a, float[] b) {
        checkSameDimensions(a, b);
        return PgvectorReductions.l1(a, b);
    }

    /** vector_norm. */
    public static double norm(float[] v) {
        return Math.sqrt(PgvectorReductions.squaredNorm(v));
    }

    /** l2_normalize: the zero vector stays zero. */
    public static float[] l2Normalize(float[] v) {
        double norm = norm(v);
        float[] result = new float[v.length];
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                result[i] = (float) (v[i] / norm);
            }
            checkNoOverflow(result);
        }
        return result;
    }

    /** {@code +}, vector_add. */
    public static float[] add(float[] a, float[] b) {
        checkSameDimensions(a, b);
        float[] result = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            result[i] = a[i] + b[i];
        }
        checkNoOverflow(result);
        return result;
    }

    /** {@code -}, vector_sub. */
    public static float[] subtract(float[] a, float[] b) {
        checkSameDimensions(a, b);
        float[] result = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            result[i] = a[i] - b[i];
        }
        checkNoOverflow(result);
        return result;
    }

    /** {@code *}, vector_mul: element-wise. */
    public static float[] multiply(float[] a, float[] b) {
        checkSameDimensions(a, b);
        float[] result = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            result[i] = a[i] * b[i];
        }
        for (int i = 0; i < a.length; i++) {
            if (Float.isInfinite(result[i])) {
                throw VectorErrors.overflow();
            }
            if (result[i] == 0 && !(a[i] == 0 || b[i] == 0)) {
                throw VectorErrors.underflow();
            }
        }
        return result;
    }

    /** {@code ||}, vector_concat. */
    public static float[] concat(float[] a, float[] b) {
        VectorErrors.checkDim(a.length + b.length);
        float[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    /**
     * subvector(v, start, count): {@code count} elements from the 1-based {@code start}, clipped to the
     * vector like substring; an empty result is an error.
     */
    public static float[] subvector(float[] v, int start, int count) {
        return subvector(v, start, count, "vector");
    }

    /** subvector of pgvector's {@code typeName} (vector or halfvec), whose errors name it. */
    static float[] subvector(float[] v, int start, int count, String typeName) {
        if (count < 1) {
            throw VectorErrors.atLeastOneDimension(typeName);
        }
        // start + count may overflow int; v.length - count cannot, both being positive.
        int end = start > v.length - count ? v.length + 1 : start + count;
        if (start < 1) {
            start = 1;
        } else if (start > v.length) {
            throw VectorErrors.atLeastOneDimension(typeName);
        }
        int dims = end - start;
        VectorErrors.checkDim(dims, typeName);
        return Arrays.copyOfRange(v, start - 1, start - 1 + dims);
    }

    /** The cast vector -> real[] (vector_to_float4): the elements as canonical float4 array values. */
    public static Float[] toFloatArray(float[] v) {
        Float[] result = new Float[v.length];
        for (int i = 0; i < v.length; i++) {
            result[i] = v[i];
        }
        return result;
    }

    /** The cast of an array without a declared dimension to vector; see {@link #fromArray(Object[], PgType, int)}. */
    public static float[] fromArray(Object[] elements, PgType elementType) {
        return fromArray(elements, elementType, -1);
    }

    /**
     * array_to_vector: the casts int[], real[], double precision[] and numeric[] -> vector(typmod).
     * {@code elements} holds the canonical values of {@code elementType} (Integer, Float, Double,
     * BigDecimal); a nested Object[] element makes it a multi-dimensional array.
     */
    public static float[] fromArray(Object[] elements, PgType elementType, int typmod) {
        for (Object element : elements) {
            if (element instanceof Object[]) {
                throw new QuiverException(SqlState.DATA_EXCEPTION, "array must be 1-D");
            }
        }
        for (Object element : elements) {
            if (element == null) {
                throw new QuiverException(SqlState.NULL_VALUE_NOT_ALLOWED, "array must not contain nulls");
            }
        }
        VectorErrors.checkDim(elements.length);
        VectorErrors.checkExpectedDim(typmod, elements.length);
        float[] result = new float[elements.length];
        for (int i = 0; i < elements.length; i++) {
            result[i] = switch (elementType) {
                case INT4 -> (float) (Integer) elements[i];
                case FLOAT8 -> (float) (double) (Double) elements[i];
                case FLOAT4 -> (Float) elements[i];
                case NUMERIC -> NumericToFloat4.convert((BigDecimal) elements[i]);
                default -> throw new QuiverException(SqlState.DATA_EXCEPTION, "unsupported array type");
            };
        }
        VectorErrors.checkElements(result);
        return result;
    }

    private static void checkNoOverflow(float[] result) {
        for (float x : result) {
            if (Float.isInfinite(x)) {
                throw VectorErrors.overflow();
            }
        }
    }
}

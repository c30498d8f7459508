package io.quiver.common.vector;

/**
 * pgvector's functions on {@code halfvec}. A halfvec is a {@code float[]} of half-representable values, so
 * distances are {@link VectorMath}'s (pgvector converts halves to float and accumulates as for vector);
 * results that are halfvecs are computed in float and rounded back to half.
 */
public final class HalfvecMath {
    private HalfvecMath() {
    }

    /** pgvector's CheckDims for halfvec. */
    public static void checkSameDimensions(float[] a, float[] b) {
        VectorErrors.checkSameDimensions(a.length, b.length, HalfvecText.TYPE_NAME);
    }

    public static float[] add(float[] a, float[] b) {
        checkSameDimensions(a, b);
        return HalfFloats.roundResult(VectorMath.add(a, b));
    }

    public static float[] subtract(float[] a, float[] b) {
        checkSameDimensions(a, b);
        return HalfFloats.roundResult(VectorMath.subtract(a, b));
    }

    public static float[] multiply(float[] a, float[] b) {
        checkSameDimensions(a, b);
        float[] product = HalfFloats.roundResult(VectorMath.multiply(a, b));
        for (int i = 0; i < product.length; i++) {
            if (product[i] == 0 && a[i] != 0 && b[i] != 0) {
                throw VectorErrors.underflow();
            }
        }
        return product;
    }

    public static float[] concat(float[] a, float[] b) {
        VectorErrors.checkDim(a.length + b.length, HalfvecText.TYPE_NAME);
        return VectorMath.concat(a, b);
    }

    public static float[] l2Normalize(float[] v) {
        return HalfFloats.roundResult(VectorMath.l2Normalize(v));
    }

    public static float[] subvector(float[] v, int start, int count) {
        return VectorMath.subvector(v, start, count, HalfvecText.TYPE_NAME);
    }
}

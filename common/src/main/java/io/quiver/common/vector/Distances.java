package io.quiver.common.vector;

/**
 * Fast distance kernels for ranking many stored vectors against one query, reading both from flat arrays
 * at an offset. SIMD through the JDK Vector API when the JVM has jdk.incubator.vector, plain loops
 * otherwise. Results may differ from {@link VectorMath} (which reproduces pgvector's rounding) in the
 * last bits; use VectorMath for values shown to users.
 */
public final class Distances {
    private static final DistanceKernels KERNELS = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            ? new SimdDistanceKernels()
            : new ScalarDistanceKernels();

    private Distances() {
    }

    /** Whether the SIMD kernels are in use. */
    public static boolean simd() {
        return KERNELS instanceof SimdDistanceKernels;
    }

    public static float squaredL2(float[] a, int aOffset, float[] b, int bOffset, int dims) {
        return KERNELS.squaredL2(a, aOffset, b, bOffset, dims);
    }

    public static float dot(float[] a, int aOffset, float[] b, int bOffset, int dims) {
        return KERNELS.dot(a, aOffset, b, bOffset, dims);
    }

    public static float l1(float[] a, int aOffset, float[] b, int bOffset, int dims) {
        return KERNELS.l1(a, aOffset, b, bOffset, dims);
    }

    /** 1 - cos(a, b) as pgvector's {@code <=>} defines it: clamped to [0, 2], NaN for a zero vector. */
    public static double cosineDistance(float[] a, int aOffset, float[] b, int bOffset, int dims) {
        float[] terms = new float[3];
        KERNELS.cosineTerms(a, aOffset, b, bOffset, dims, terms);
        double similarity = terms[0] / Math.sqrt((double) terms[1] * (double) terms[2]);
        return 1.0 - Math.max(-1.0, Math.min(1.0, similarity));
    }

    /** Writes {dot(a, b), |a|², |b|²} into {@code out[0..2]} in one pass, for callers with their own formula. */
    public static void cosineTerms(float[] a, int aOffset, float[] b, int bOffset, int dims, float[] out) {
        KERNELS.cosineTerms(a, aOffset, b, bOffset, dims, out);
    }
}

package io.quiver.common.vector;

/** One implementation of the ranking kernels behind {@link Distances}. */
interface DistanceKernels {
    float squaredL2(float[] a, int aOffset, float[] b, int bOffset, int dims);

    float dot(float[] a, int aOffset, float[] b, int bOffset, int dims);

    float l1(float[] a, int aOffset, float[] b, int bOffset, int dims);

    /** Writes {dot(a, b), dot(a, a), dot(b, b)} into {@code out[0..2]}. */
    void cosineTerms(float[] a, int aOffset, float[] b, int bOffset, int dims, float[] out);
}

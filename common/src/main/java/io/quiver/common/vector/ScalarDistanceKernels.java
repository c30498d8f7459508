package io.quiver.common.vector;

/** Plain loops, for JVMs started without the jdk.incubator.vector module. */
final class ScalarDistanceKernels implements DistanceKernels {
    @Override
    public float squaredL2(float[] a, int aOffset, float[] b, int bOffset, int dims) {
        float sum = 0;
        for (int i = 0; i < dims; i++) {
            float diff = a[aOffset + i] - b[bOffset + i];
            sum = Math.fma(diff, diff, sum);
        }
        return sum;
    }

    @Override
    public float dot(float[] a, int aOffset, float[] b, int bOffset, int dims) {
        float sum = 0;
        for (int i = 0; i < dims; i++) {
            sum = Math.fma(a[aOffset + i], b[bOffset + i], sum);
        }
        return sum;
    }

    @Override
    public float l1(float[] a, int aOffset, float[] b, int bOffset, int dims) {
        float sum = 0;
        for (int i = 0; i < dims; i++) {
            sum += Math.abs(a[aOffset + i] - b[bOffset + i]);
        }
        return sum;
    }

    @Override
    public void cosineTerms(float[] a, int aOffset, float[] b, int bOffset, int dims, float[] out) {
        float dot = 0;
        float normA = 0;
        float normB = 0;
        for (int i = 0; i < dims; i++) {
            float x = a[aOffset + i];
            float y = b[bOffset + i];
            dot = Math.fma(x, y, dot);
            normA = Math.fma(x, x, normA);
            normB = Math.fma(y, y, normB);
        }
        out[0] = dot;
        out[1] = normA;
        out[2] = normB;
    }
}

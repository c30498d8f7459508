package io.quiver.common.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernels on the JDK Vector API: one accumulator per sum in the widest species the CPU has, fused
 * multiply-add, and a scalar tail. Only loaded when jdk.incubator.vector is in the boot layer.
 */
final class SimdDistanceKernels implements DistanceKernels {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    @Override
    public float squaredL2(float[] a, int aOffset, float[] b, int bOffset, int dims) {
        FloatVector acc = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(dims);
        int i = 0;
        for (; i < bound; i += SPECIES.length()) {
            FloatVector diff = FloatVector.fromArray(SPECIES, a, aOffset + i)
                    .sub(FloatVector.fromArray(SPECIES, b, bOffset + i));
            acc = diff.fma(diff, acc);
        }
        float sum = acc.reduceLanes(VectorOperators.ADD);
        for (; i < dims; i++) {
            float diff = a[aOffset + i] - b[bOffset + i];
            sum = Math.fma(diff, diff, sum);
        }
        return sum;
    }

    @Override
    public float dot(float[] a, int aOffset, float[] b, int bOffset, int dims) {
        FloatVector acc = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(dims);
        int i = 0;
        for (; i < bound; i += SPECIES.length()) {
            acc = FloatVector.fromArray(SPECIES, a, aOffset + i)
                    .fma(FloatVector.fromArray(SPECIES, b, bOffset + i), acc);
        }
        float sum = acc.reduceLanes(VectorOperators.ADD);
        for (; i < dims; i++) {
            sum = Math.fma(a[aOffset + i], b[bOffset + i], sum);
        }
        return sum;
    }

    @Override
    public float l1(float[] a, int aOffset, float[] b, int bOffset, int dims) {
        FloatVector acc = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(dims);
        int i = 0;
        for (; i < bound; i += SPECIES.length()) {
            acc = acc.add(FloatVector.fromArray(SPECIES, a, aOffset + i)
                    .sub(FloatVector.fromArray(SPECIES, b, bOffset + i)).abs());
        }
        float sum = acc.reduceLanes(VectorOperators.ADD);
        for (; i < dims; i++) {
            sum += Math.abs(a[aOffset + i] - b[bOffset + i]);
        }
        return sum;
    }

    @Override
    public void cosineTerms(float[] a, int aOffset, float[] b, int bOffset, int dims, float[] out) {
        FloatVector dotAcc = FloatVector.zero(SPECIES);
        FloatVector normAAcc = FloatVector.zero(SPECIES);
        FloatVector normBAcc = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(dims);
        int i = 0;
        for (; i < bound; i += SPECIES.length()) {
            FloatVector x = FloatVector.fromArray(SPECIES, a, aOffset + i);
            FloatVector y = FloatVector.fromArray(SPECIES, b, bOffset + i);
            dotAcc = x.fma(y, dotAcc);
            normAAcc = x.fma(x, normAAcc);
            normBAcc = y.fma(y, normBAcc);
        }
        float dot = dotAcc.reduceLanes(VectorOperators.ADD);
        float normA = normAAcc.reduceLanes(VectorOperators.ADD);
        float normB = normBAcc.reduceLanes(VectorOperators.ADD);
        for (; i < dims; i++) {
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

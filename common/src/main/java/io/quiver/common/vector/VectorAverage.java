package io.quiver.common.vector;

import java.util.function.IntToDoubleFunction;

/**
 * The state of pgvector's {@code avg(vector)} (vector_accum / vector_combine / vector_avg): a count and
 * per-dimension sums in float8, divided and rounded to float4 at the end.
 */
public final class VectorAverage {
    private double count;
    private double[] sums;

    /** vector_accum; SQL NULL inputs are skipped by the caller as for any strict aggregate. */
    public void add(float[] v) {
        if (sums == null) {
            // Copied rather than added to zeros, which would turn -0 into 0.
            sums = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                sums[i] = v[i];
            }
        } else {
            VectorErrors.checkExpectedDim(sums.length, v.length);
            addInto(sums, i -> v[i]);
        }
        count += 1.0;
    }

    /** vector_combine for partial aggregates. */
    public void combine(VectorAverage other) {
        if (other.count == 0) {
            return;
        }
        if (count == 0) {
            count = other.count;
            sums = other.sums.clone();
            return;
        }
        VectorErrors.checkExpectedDim(sums.length, other.sums.length);
        addInto(sums, i -> other.sums[i]);
        count += other.count;
    }

    /** Adds in place; an overflow aborts the query, so a half-updated state is never used. */
    private static void addInto(double[] sums, IntToDoubleFunction term) {
        for (int i = 0; i < sums.length; i++) {
            sums[i] += term.applyAsDouble(i);
            if (Double.isInfinite(sums[i])) {
                throw VectorErrors.overflow();
            }
        }
    }

    /** vector_avg: the average, or null (SQL NULL) when no vector was added. */
    public float[] result() {
        if (count == 0) {
            return null;
        }
        float[] avg = new float[sums.length];
        for (int i = 0; i < sums.length; i++) {
            avg[i] = (float) (sums[i] / count);
            VectorErrors.checkElement(avg[i]);
        }
        return avg;
    }
}

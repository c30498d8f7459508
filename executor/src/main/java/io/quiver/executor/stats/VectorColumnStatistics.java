package io.quiver.executor.stats;

import java.util.Arrays;

/**
 * One vector column's statistics over its non-NULL vectors: their count, their mean (Welford's running
 * mean, which also takes a vector back out) and their norms ({@link NormGrid}).
 */
final class VectorColumnStatistics implements ColumnStatistics {
    private final int dimensions;
    private double[] mean;
    private long count;
    private long nulls;
    private final NormGrid norms = new NormGrid();

    VectorColumnStatistics(int dimensions) {
        this.dimensions = dimensions;
        this.mean = new double[dimensions];
    }

    @Override
    public void add(Object value) {
        if (!(value instanceof float[] vector)) {
            nulls++;
            return;
        }
        count++;
        for (int i = 0; i < dimensions; i++) {
            mean[i] += (vector[i] - mean[i]) / count;
        }
        norms.add(NormGrid.norm(vector));
    }

    @Override
    public void remove(Object value) {
        if (!(value instanceof float[] vector)) {
            nulls--;
            return;
        }
        count--;
        if (count == 0) {
            // Exactly empty again: no rounding residue carries over to the next vectors.
            Arrays.fill(mean, 0);
        } else {
            for (int i = 0; i < dimensions; i++) {
                mean[i] -= (vector[i] - mean[i]) / count;
            }
        }
        norms.remove(NormGrid.norm(vector));
    }

    @Override
    public long nulls() {
        return nulls;
    }

    int dimensions() {
        return dimensions;
    }

    long count() {
        return count;
    }

    /** The mean vector, or null when the column holds no vector. */
    float[] mean() {
        if (count == 0) {
            return null;
        }
        float[] out = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            out[i] = (float) mean[i];
        }
        return out;
    }

    NormGrid norms() {
        return norms;
    }

    double[] rawMean() {
        return mean;
    }

    void restore(long restoredCount, long restoredNulls, double[] restoredMean) {
        this.count = restoredCount;
        this.nulls = restoredNulls;
        this.mean = restoredMean;
    }
}

package io.quiver.index;

import java.util.SplittableRandom;

/**
 * Deterministic clustered vectors for tests and benchmarks: Gaussian blobs around random centres, which
 * is closer to real embeddings than uniform noise (where every neighbour is almost equally far) and so
 * gives recall figures that mean something.
 */
public final class SyntheticVectors {
    private final int dimensions;
    private final float[][] centers;
    private final SplittableRandom random;

    public SyntheticVectors(int dimensions, int clusters, long seed) {
        this.dimensions = dimensions;
        this.random = new SplittableRandom(seed);
        this.centers = new float[clusters][];
        for (int c = 0; c < clusters; c++) {
            centers[c] = gaussian(1.0);
        }
    }

    /** The next vector: a random centre plus noise a third of the centres' spread. */
    public float[] next() {
        float[] center = centers[random.nextInt(centers.length)];
        float[] vector = gaussian(0.35);
        for (int i = 0; i < dimensions; i++) {
            vector[i] += center[i];
        }
        return vector;
    }

    /** A column of {@code rows} vectors under row ids 1..rows. */
    public VectorColumn column(int rows) {
        VectorColumn column = new VectorColumn(dimensions);
        for (int row = 1; row <= rows; row++) {
            column.append(row, next());
        }
        return column;
    }

    private float[] gaussian(double scale) {
        float[] vector = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) (nextGaussian() * scale);
        }
        return vector;
    }

    private double nextGaussian() {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}

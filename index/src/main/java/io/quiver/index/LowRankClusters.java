package io.quiver.index;

import java.util.random.RandomGenerator;

/**
 * Clustered vectors as real embeddings are, for tests and benchmarks: each cluster spreads along a few
 * directions (a low intrinsic dimension) plus a little noise. Quantizers rank such data well; isotropic Gaussian
 * blobs ({@link SyntheticVectors}), where all points of a cluster are almost equally far apart, are a worst case.
 */
public final class LowRankClusters {
    private final int dimensions;
    private final float[][] centers;
    private final float[][][] directions;
    private final RandomGenerator random;

    /** Centres spread with deviation 4, directions with 1, all drawn from {@code random} now. */
    public LowRankClusters(int dimensions, int clusters, int directionsPerCluster, RandomGenerator random) {
        this.dimensions = dimensions;
        this.random = random;
        this.centers = new float[clusters][];
        this.directions = new float[clusters][directionsPerCluster][];
        for (int c = 0; c < clusters; c++) {
            centers[c] = gaussian(4f);
            for (int d = 0; d < directionsPerCluster; d++) {
                directions[c][d] = gaussian(1f);
            }
        }
    }

    /** A point of a random cluster: its centre, a random mix of its directions, and noise of deviation 0.1. */
    public float[] next() {
        int cluster = random.nextInt(centers.length);
        float[] vector = gaussian(0.1f);
        for (int d = 0; d < dimensions; d++) {
            vector[d] += centers[cluster][d];
        }
        for (float[] direction : directions[cluster]) {
            float weight = (float) random.nextGaussian();
            for (int d = 0; d < dimensions; d++) {
                vector[d] += weight * direction[d];
            }
        }
        return vector;
    }

    private float[] gaussian(float scale) {
        float[] vector = new float[dimensions];
        for (int d = 0; d < dimensions; d++) {
            vector[d] = (float) random.nextGaussian() * scale;
        }
        return vector;
    }
}

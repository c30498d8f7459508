package io.quiver.server;

import java.util.Random;

/**
 * Clustered vectors like real embeddings, for recall tests: points of random clusters, each cluster spreading
 * along a few directions around its centre (a low intrinsic dimension), plus a little noise. Deterministic
 * for a seed: the same seed gives the same clusters and the same sequence of points.
 */
final class ClusteredVectors {
    /** Each cluster spreads along a few directions, as real embeddings have a low intrinsic dimension. */
    private static final int CLUSTER_DIRECTIONS = 8;
    private final Random random;
    private final int dimensions;
    private final float[][] centers;
    private final float[][][] directions;

    ClusteredVectors(long seed, int clusters, int dimensions) {
        this.random = new Random(seed);
        this.dimensions = dimensions;
        centers = new float[clusters][];
        directions = new float[clusters][CLUSTER_DIRECTIONS][];
        for (int c = 0; c < clusters; c++) {
            centers[c] = gaussian(4f);
            for (int d = 0; d < CLUSTER_DIRECTIONS; d++) {
                directions[c][d] = gaussian(1f);
            }
        }
    }

    /** A point of a random cluster: its center, a random mix of its directions, and a little noise. */
    float[] next() {
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

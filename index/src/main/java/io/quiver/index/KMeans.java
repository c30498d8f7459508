package io.quiver.index;

import io.quiver.common.vector.Distances;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * IVFFlat's training: k-means++ seeding, then Lloyd iterations with the assignment step on all cores.
 * Spherical for cosine (centres and points on the unit sphere), as pgvector's k-means is.
 */
final class KMeans {
    private static final int MAX_ITERATIONS = 15;

    private KMeans() {
    }

    /**
     * {@code k} centres of the {@code n} points packed in {@code points}, as {@code k * dims} floats. With
     * fewer distinct points than centres, some centres repeat, which costs recall but never correctness.
     */
    static float[] train(float[] points, int n, int dims, int k, boolean spherical, long seed) {
        if (spherical) {
            for (int i = 0; i < n; i++) {
                normalize(points, i * dims, dims);
            }
        }
        float[] centers = seed(points, n, dims, k, new SplittableRandom(seed));
        int[] assignment = new int[n];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            boolean changed = assign(points, n, dims, centers, k, assignment) || iteration == 0;
            update(points, n, dims, centers, k, assignment, spherical);
            if (!changed) {
                break;
            }
        }
        return centers;
    }

    /** The centre nearest (squared L2) to a point. */
    static int nearest(float[] centers, int k, float[] point, int offset, int dims) {
        int best = 0;
        float bestDistance = Float.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            float distance = Distances.squaredL2(point, offset, centers, c * dims, dims);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }

    private static float[] seed(float[] points, int n, int dims, int k, SplittableRandom random) {
        float[] centers = new float[k * dims];
        float[] nearestDistance = new float[n];
        java.util.Arrays.fill(nearestDistance, Float.POSITIVE_INFINITY);
        int chosen = random.nextInt(n);
        for (int c = 0; c < k; c++) {
            System.arraycopy(points, chosen * dims, centers, c * dims, dims);
            int center = c;
            double total = IntStream.range(0, n).parallel().mapToDouble(i -> {
                float distance = Distances.squaredL2(points, i * dims, centers, center * dims, dims);
                nearestDistance[i] = Math.min(nearestDistance[i], distance);
                return nearestDistance[i];
            }).sum();
            chosen = total > 0 ? sample(nearestDistance, total * random.nextDouble()) : random.nextInt(n);
        }
        return centers;
    }

    private static int sample(float[] weights, double target) {
        double cumulative = 0;
        for (int i = 0; i < weights.length; i++) {
            cumulative += weights[i];
            if (cumulative >= target) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static boolean assign(float[] points, int n, int dims, float[] centers, int k, int[] assignment) {
        return IntStream.range(0, n).parallel().map(i -> {
            int nearest = nearest(centers, k, points, i * dims, dims);
            int previous = assignment[i];
            assignment[i] = nearest;
            return previous != nearest ? 1 : 0;
        }).sum() > 0;
    }

    private static void update(float[] points, int n, int dims, float[] centers, int k, int[] assignment,
                               boolean spherical) {
        double[] sums = new double[k * dims];
        int[] counts = new int[k];
        for (int i = 0; i < n; i++) {
            int c = assignment[i];
            counts[c]++;
            for (int d = 0; d < dims; d++) {
                sums[c * dims + d] += points[i * dims + d];
            }
        }
        for (int c = 0; c < k; c++) {
            // An emptied centre keeps its place: it is still a point of the data set.
            if (counts[c] == 0) {
                continue;
            }
            for (int d = 0; d < dims; d++) {
                centers[c * dims + d] = (float) (sums[c * dims + d] / counts[c]);
            }
            if (spherical) {
                normalize(centers, c * dims, dims);
            }
        }
    }

    static void normalize(float[] vectors, int offset, int dims) {
        float norm = (float) Math.sqrt(Distances.dot(vectors, offset, vectors, offset, dims));
        if (norm > 0) {
            for (int d = 0; d < dims; d++) {
                vectors[offset + d] /= norm;
            }
        }
    }
}

package io.quiver.index;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * pq: the dimensions split into {@code subspaces} consecutive groups (the first {@code dims % subspaces} one
 * wider), each vector stored as the nearest of 256 k-means centroids of each group: one byte per group. A
 * query is scored through a table of its partial key against every centroid (squared L2, L1, negative dot,
 * or dots and centroid norms for cosine), so a code costs one lookup per group.
 */
final class ProductQuantizer extends Quantizer {
    private static final int ITERATIONS = 10;
    private static final long SEED = 0x5051_5155L;

    private final int subspaces;
    /** Group g covers dimensions [start[g], start[g + 1]). */
    private final int[] start;
    /** Group g's centroids at {@code g * 256 * width(g)}... packed as one array per group. */
    private final float[][] centroids;
    private final float[] centroidNorms;

    private ProductQuantizer(DistanceKind kind, int dimensions, int subspaces, float[][] centroids) {
        super(kind, dimensions);
        this.subspaces = subspaces;
        this.start = new int[subspaces + 1];
        for (int g = 0; g < subspaces; g++) {
            start[g + 1] = start[g] + dimensions / subspaces + (g < dimensions % subspaces ? 1 : 0);
        }
        this.centroids = centroids;
        this.centroidNorms = new float[subspaces * TableScorer.ENTRIES];
        for (int g = 0; g < subspaces; g++) {
            int width = width(g);
            for (int c = 0; c < centroids[g].length / width; c++) {
                float norm = 0;
                for (int d = 0; d < width; d++) {
                    norm += centroids[g][c * width + d] * centroids[g][c * width + d];
                }
                centroidNorms[g * TableScorer.ENTRIES + c] = norm;
            }
        }
    }

    static ProductQuantizer train(DistanceKind kind, int dims, int subspaces, float[] points, int n) {
        float[][] seeds = new float[subspaces][];
        java.util.Arrays.fill(seeds, new float[0]);
        ProductQuantizer shape = new ProductQuantizer(kind, dims, subspaces, seeds);
        float[][] centroids = new float[subspaces][];
        IntStream.range(0, subspaces).parallel().forEach(g -> centroids[g] = shape.trainGroup(g, points, n));
        return new ProductQuantizer(kind, dims, subspaces, centroids);
    }

    static ProductQuantizer read(DataInputStream in, DistanceKind kind, int dims, int subspaces) throws IOException {
        float[][] centroids = new float[subspaces][];
        for (int g = 0; g < subspaces; g++) {
            centroids[g] = readFloats(in, in.readInt());
        }
        return new ProductQuantizer(kind, dims, subspaces, centroids);
    }

    private int width(int group) {
        return start[group + 1] - start[group];
    }

    /** Lloyd's k-means on one group's coordinates, seeded with distinct sample points, empty clusters reseeded. */
    private float[] trainGroup(int group, float[] points, int n) {
        int width = width(group);
        int k = Math.min(TableScorer.ENTRIES, Math.max(1, n));
        float[] sub = new float[n * width];
        for (int i = 0; i < n; i++) {
            System.arraycopy(points, i * dimensions + start[group], sub, i * width, width);
        }
        SplittableRandom random = new SplittableRandom(SEED + group);
        float[] centers = new float[k * width];
        for (int c = 0; c < k; c++) {
            int pick = n <= k ? c : random.nextInt(n);
            System.arraycopy(sub, pick * width, centers, c * width, width);
        }
        int[] assignment = new int[n];
        float[] sums = new float[k * width];
        int[] counts = new int[k];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            java.util.Arrays.fill(sums, 0);
            java.util.Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                int nearest = nearest(centers, k, width, sub, i * width);
                assignment[i] = nearest;
                counts[nearest]++;
                for (int d = 0; d < width; d++) {
                    sums[nearest * width + d] += sub[i * width + d];
                }
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] == 0) {
                    System.arraycopy(sub, random.nextInt(n) * width, centers, c * width, width);
                    continue;
                }
                for (int d = 0; d < width; d++) {
                    centers[c * width + d] = sums[c * width + d] / counts[c];
                }
            }
        }
        return centers;
    }

    private static int nearest(float[] centers, int k, int width, float[] point, int offset) {
        int best = 0;
        float bestDistance = Float.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            float distance = 0;
            for (int d = 0; d < width; d++) {
                float diff = point[offset + d] - centers[c * width + d];
                distance += diff * diff;
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }

    @Override
    int codeBytes() {
        return subspaces;
    }

    @Override
    void encode(float[] data, int offset, byte[] codes, int codeOffset) {
        for (int g = 0; g < subspaces; g++) {
            int width = width(g);
            codes[codeOffset + g] = (byte) nearest(centroids[g], centroids[g].length / width, width, data,
                    offset + start[g]);
        }
    }

    @Override
    float[] decode(byte[] codes, int offset) {
        float[] vector = new float[dimensions];
        for (int g = 0; g < subspaces; g++) {
            int width = width(g);
            System.arraycopy(centroids[g], (codes[offset + g] & 0xFF) * width, vector, start[g], width);
        }
        return vector;
    }

    @Override
    Scorer scorer(float[] query) {
        float[] table = new float[subspaces * TableScorer.ENTRIES];
        for (int g = 0; g < subspaces; g++) {
            int width = width(g);
            float[] group = centroids[g];
            for (int c = 0; c < group.length / width; c++) {
                float partial = 0;
                for (int d = 0; d < width; d++) {
                    float q = query[start[g] + d];
                    float x = group[c * width + d];
                    partial += switch (kind) {
                        case L2 -> (q - x) * (q - x);
                        case L1 -> Math.abs(q - x);
                        case INNER_PRODUCT -> -q * x;
                        case COSINE -> q * x;
                        case HAMMING, JACCARD -> throw new IllegalStateException("bit strings are never quantized");
                    };
                }
                table[g * TableScorer.ENTRIES + c] = partial;
            }
        }
        if (kind == DistanceKind.COSINE) {
            float queryNorm = (float) Math.sqrt(io.quiver.common.vector.Distances.dot(query, 0, query, 0, dimensions));
            return TableScorer.cosine(table, centroidNorms, subspaces, Math.max(queryNorm, Float.MIN_NORMAL));
        }
        return TableScorer.sum(0, table, subspaces);
    }

    @Override
    long memoryBytes() {
        long bytes = centroidNorms.length * (long) Float.BYTES;
        for (float[] group : centroids) {
            bytes += group.length * (long) Float.BYTES;
        }
        return bytes;
    }

    @Override
    void write(DataOutputStream out) throws IOException {
        for (float[] group : centroids) {
            out.writeInt(group.length);
            writeFloats(out, group);
        }
    }
}

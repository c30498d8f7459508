package io.quiver.bench;

import io.quiver.index.DistanceKind;
import io.quiver.index.ExactScan;
import io.quiver.index.Neighbor;
import io.quiver.index.SyntheticVectors;
import io.quiver.index.VectorColumn;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A benchmark's base vectors and queries, and their exact ground truth. Three sources:
 * <ul>
 *   <li>{@code fvecs}: base.fvecs and query.fvecs of a directory written by shared/bench/gen_data.py (or
 *   bench/scripts/gen_fvecs.py, which writes the same vectors without needing faiss), so Quiver's in-process
 *   figures are on exactly the vectors the SQL-level side-by-side benchmark (PgAnnBench) uses;</li>
 *   <li>{@code clustered}: the same model as gen_data.py ported to Java (100 anisotropic clusters, each with
 *   its own random rotation and a (i+1)^-0.3 spectrum, centres ~ N(0, 0.18^2)): the same distribution and
 *   difficulty, not the same bits, for machines without numpy;</li>
 *   <li>{@code blobs}: {@link SyntheticVectors} (isotropic Gaussian blobs), the indexes' unit-test data.</li>
 * </ul>
 * Row i of the base is stored under row id i in slot i, so slots are the ground truth's ids.
 */
final class BenchData {
    static final long SEED = 20240611L;
    final String source;
    final int dimensions;
    final float[][] base;
    final float[][] queries;

    private BenchData(String source, float[][] base, float[][] queries) {
        this.source = source;
        this.dimensions = base[0].length;
        this.base = base;
        this.queries = queries;
    }

    static BenchData fvecs(Path directory, int rows, int queryCount) throws IOException {
        float[][] base = readFvecs(directory.resolve("base.fvecs"), rows);
        if (base.length < rows) {
            throw new IllegalArgumentException(directory + "/base.fvecs holds " + base.length + " rows, not " + rows);
        }
        return new BenchData("fvecs " + directory, base, readFvecs(directory.resolve("query.fvecs"), queryCount));
    }

    /** gen_data.py's model in Java: same distribution, different random streams. */
    static BenchData clustered(int rows, int queryCount, int dimensions) {
        int clusters = 100;
        SplittableRandom model = new SplittableRandom(SEED);
        float[][] centers = new float[clusters][dimensions];
        for (float[] center : centers) {
            for (int i = 0; i < dimensions; i++) {
                center[i] = (float) (model.nextGaussian() * 0.18);
            }
        }
        double[] sigma = new double[dimensions];
        for (int i = 0; i < dimensions; i++) {
            sigma[i] = Math.pow(i + 1.0, -0.3);
        }
        double[][][] rotations = new double[clusters][][];
        for (int c = 0; c < clusters; c++) {
            rotations[c] = randomRotation(model, dimensions);
        }
        float[][] base = sample(new SplittableRandom(SEED + 2), rows, centers, sigma, rotations);
        float[][] queries = sample(new SplittableRandom(SEED + 1), queryCount, centers, sigma, rotations);
        return new BenchData("clustered (gen_data.py's model, Java RNG)", base, queries);
    }

    static BenchData blobs(int rows, int queryCount, int dimensions) {
        SyntheticVectors vectors = new SyntheticVectors(dimensions, 100, SEED);
        float[][] base = new float[rows][];
        for (int i = 0; i < rows; i++) {
            base[i] = vectors.next();
        }
        float[][] queries = new float[queryCount][];
        for (int i = 0; i < queryCount; i++) {
            queries[i] = vectors.next();
        }
        return new BenchData("blobs (SyntheticVectors, 100 clusters)", base, queries);
    }

    /** The data a run asked for: {@code --data DIR|clustered|blobs}; "auto" reads DIR if it exists. */
    static BenchData load(String data, Path defaultDirectory, int rows, int queryCount) throws IOException {
        return load(data, defaultDirectory, rows, queryCount, 128);
    }

    /** As {@link #load(String, Path, int, int)}, generating {@code dimensions}-d vectors for clustered and blobs. */
    static BenchData load(String data, Path defaultDirectory, int rows, int queryCount, int dimensions)
            throws IOException {
        if (data.equals("auto")) {
            data = Files.exists(defaultDirectory.resolve("base.fvecs")) ? defaultDirectory.toString() : "clustered";
        }
        return switch (data) {
            case "clustered" -> clustered(rows, queryCount, dimensions);
            case "blobs" -> blobs(rows, queryCount, dimensions);
            default -> fvecs(Path.of(data), rows, queryCount);
        };
    }

    VectorColumn column() {
        VectorColumn column = new VectorColumn(dimensions);
        for (int i = 0; i < base.length; i++) {
            column.append(i, base[i]);
        }
        return column;
    }

    /** Exact top-k slots of every query by L2, single-threaded; {@code nanos[q]} gets each query's time. */
    static int[][] groundTruth(VectorColumn column, float[][] queries, int k, long[] nanos, long[] cpuNanos) {
        for (int q = 0; q < Math.min(20, queries.length); q++) {   // JIT warm-up, untimed
            ExactScan.search(column, DistanceKind.L2, queries[q], k, null, false);
        }
        int[][] truth = new int[queries.length][];
        long cpuStart = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        for (int q = 0; q < queries.length; q++) {
            long start = System.nanoTime();
            Neighbor[] found = ExactScan.search(column, DistanceKind.L2, queries[q], k, null, false);
            nanos[q] = System.nanoTime() - start;
            truth[q] = new int[found.length];
            for (int i = 0; i < found.length; i++) {
                truth[q][i] = found[i].slot();
            }
        }
        cpuNanos[0] = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart;
        return truth;
    }

    private static float[][] sample(SplittableRandom random, int count, float[][] centers, double[] sigma,
                                    double[][][] rotations) {
        int dims = sigma.length;
        float[][] out = new float[count][];
        double[] z = new double[dims];
        for (int n = 0; n < count; n++) {
            int c = random.nextInt(centers.length);
            for (int i = 0; i < dims; i++) {
                z[i] = random.nextGaussian() * sigma[i];
            }
            double[][] rotation = rotations[c];
            double[] x = new double[dims];
            for (int i = 0; i < dims; i++) {
                double zi = z[i];
                double[] row = rotation[i];
                for (int j = 0; j < dims; j++) {
                    x[j] += zi * row[j];
                }
            }
            float[] vector = new float[dims];
            for (int j = 0; j < dims; j++) {
                vector[j] = (float) (centers[c][j] + x[j]);
            }
            out[n] = vector;
        }
        return out;
    }

    /** Q of a Gaussian matrix's QR (modified Gram-Schmidt, so R's diagonal is positive as in gen_data.py). */
    private static double[][] randomRotation(SplittableRandom random, int dims) {
        double[][] columns = new double[dims][dims];
        for (int i = 0; i < dims; i++) {
            for (int j = 0; j < dims; j++) {
                columns[j][i] = random.nextGaussian();
            }
        }
        for (int j = 0; j < dims; j++) {
            double[] v = columns[j];
            for (int p = 0; p < j; p++) {
                double[] q = columns[p];
                double dot = 0;
                for (int i = 0; i < dims; i++) {
                    dot += q[i] * v[i];
                }
                for (int i = 0; i < dims; i++) {
                    v[i] -= dot * q[i];
                }
            }
            double norm = 0;
            for (double value : v) {
                norm += value * value;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < dims; i++) {
                v[i] /= norm;
            }
        }
        double[][] q = new double[dims][dims];   // q[i][j] = column j's i-th entry
        for (int i = 0; i < dims; i++) {
            for (int j = 0; j < dims; j++) {
                q[i][j] = columns[j][i];
            }
        }
        return q;
    }

    /** TEXMEX .fvecs: per row an int32 dimension then that many float32s, little-endian. */
    static float[][] readFvecs(Path path, int limit) throws IOException {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(path), 1 << 20)) {
            DataInputStream data = new DataInputStream(in);
            java.util.ArrayList<float[]> rows = new java.util.ArrayList<>();
            byte[] header = new byte[4];
            while (rows.size() < limit) {
                try {
                    data.readFully(header);
                } catch (EOFException end) {
                    break;
                }
                int dims = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt();
                byte[] body = new byte[dims * 4];
                data.readFully(body);
                float[] row = new float[dims];
                ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(row);
                rows.add(row);
            }
            return rows.toArray(new float[0][]);
        }
    }
}

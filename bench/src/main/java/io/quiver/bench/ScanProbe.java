package io.quiver.bench;

import io.quiver.index.DistanceKind;
import io.quiver.index.ExactScan;
import io.quiver.index.VectorColumn;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.nio.file.Path;
import java.util.Map;

/**
 * Is the exact scan memory-bound? Times, on one thread over the same rows x 128-d floats: a plain read of
 * every float (the memory bandwidth ceiling), Quiver's ExactScan (top-10), and a scan with an L2 kernel
 * that keeps four independent FMA accumulators (no top-k), all per query. A probe, not a product kernel.
 */
public final class ScanProbe {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private ScanProbe() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = Measure.args(argv, "ScanProbe --size 100k|1m [--queries 50] [--data ...]");
        int rows = Measure.rows(args.getOrDefault("size", "1m"));
        int queries = Integer.parseInt(args.getOrDefault("queries", "50"));
        BenchData data = BenchData.load(args.getOrDefault("data", "auto"),
                Path.of("/tmp/quiver-bench/clustered-" + Measure.label(rows)), rows, queries);
        int dims = data.dimensions;
        float[] flat = new float[rows * dims];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data.base[i], 0, flat, i * dims, dims);
        }
        VectorColumn column = data.column();
        float[][] q = data.queries;
        data = null;
        System.out.println(Measure.machine() + ", species " + SPECIES);
        for (int round = 0; round < 2; round++) {   // the first round warms the JIT
            long t0 = System.nanoTime();
            double sink = 0;
            for (int i = 0; i < queries; i++) {
                sink += readAll(flat);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < queries; i++) {
                sink += ExactScan.search(column, DistanceKind.L2, q[i], 10, null, false).length;
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < queries; i++) {
                sink += scan4(flat, q[i], dims);
            }
            long t3 = System.nanoTime();
            double bytes = (double) rows * dims * 4;
            System.out.println(Measure.f("round %d: read all %.2f ms (%.1f GB/s) | ExactScan %.2f ms (%.1f GB/s) | "
                            + "4-accumulator L2 %.2f ms (%.1f GB/s)  checksum %.3g", round,
                    (t1 - t0) / 1e6 / queries, bytes * queries / (t1 - t0),
                    (t2 - t1) / 1e6 / queries, bytes * queries / (t2 - t1),
                    (t3 - t2) / 1e6 / queries, bytes * queries / (t3 - t2), sink));
        }
    }

    private static float readAll(float[] flat) {
        FloatVector a0 = FloatVector.zero(SPECIES), a1 = a0, a2 = a0, a3 = a0;
        int step = SPECIES.length();
        int bound = flat.length - 4 * step;
        int i = 0;
        for (; i <= bound; i += 4 * step) {
            a0 = a0.add(FloatVector.fromArray(SPECIES, flat, i));
            a1 = a1.add(FloatVector.fromArray(SPECIES, flat, i + step));
            a2 = a2.add(FloatVector.fromArray(SPECIES, flat, i + 2 * step));
            a3 = a3.add(FloatVector.fromArray(SPECIES, flat, i + 3 * step));
        }
        return a0.add(a1).add(a2).add(a3).reduceLanes(VectorOperators.ADD);
    }

    /** The smallest squared L2 over all rows, four accumulators per row (dims a multiple of 4 lanes). */
    private static float scan4(float[] flat, float[] query, int dims) {
        float best = Float.MAX_VALUE;
        int step = SPECIES.length();
        for (int offset = 0; offset < flat.length; offset += dims) {
            FloatVector a0 = FloatVector.zero(SPECIES), a1 = a0, a2 = a0, a3 = a0;
            for (int i = 0; i < dims; i += 4 * step) {
                FloatVector d0 = FloatVector.fromArray(SPECIES, flat, offset + i).sub(FloatVector.fromArray(SPECIES, query, i));
                FloatVector d1 = FloatVector.fromArray(SPECIES, flat, offset + i + step).sub(FloatVector.fromArray(SPECIES, query, i + step));
                FloatVector d2 = FloatVector.fromArray(SPECIES, flat, offset + i + 2 * step).sub(FloatVector.fromArray(SPECIES, query, i + 2 * step));
                FloatVector d3 = FloatVector.fromArray(SPECIES, flat, offset + i + 3 * step).sub(FloatVector.fromArray(SPECIES, query, i + 3 * step));
                a0 = d0.fma(d0, a0);
                a1 = d1.fma(d1, a1);
                a2 = d2.fma(d2, a2);
                a3 = d3.fma(d3, a3);
            }
            float d = a0.add(a1).add(a2).add(a3).reduceLanes(VectorOperators.ADD);
            if (d < best) {
                best = d;
            }
        }
        return best;
    }
}

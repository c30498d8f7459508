package io.quiver.bench;

import com.github.jelmerk.hnswlib.core.DistanceFunction;
import com.github.jelmerk.hnswlib.core.DistanceFunctions;
import com.github.jelmerk.hnswlib.core.Item;
import com.github.jelmerk.hnswlib.core.SearchResult;
import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.ListRandomAccessVectorValues;
import io.github.jbellis.jvector.graph.OnHeapGraphIndex;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import io.quiver.common.vector.Distances;
import io.quiver.index.DistanceKind;
import io.quiver.index.HnswIndex;
import io.quiver.index.IndexOptions;
import io.quiver.index.SearchOptions;
import io.quiver.index.VectorColumn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

/**
 * Issue 4's library decision: jvector 4 against hnswlib-java (com.github.jelmerk:hnswlib-core) on the
 * same data, the same m / ef_construction, the same ef_search sweep and the same build threads. Four
 * contenders, all L2 with 2*m neighbours on the base layer and m above:
 * <ol>
 *   <li>{@code quiver-hnsw}: Quiver's {@link HnswIndex} (jvector reading the column with Quiver's SIMD kernels);</li>
 *   <li>{@code jvector}: jvector on its own, vectors in its own {@code VectorFloat}s and its own SIMD scoring;</li>
 *   <li>{@code hnswlib}: hnswlib-java as shipped (scalar Euclidean distance on float[], boxed Float);</li>
 *   <li>{@code hnswlib+simd}: hnswlib-java with Quiver's SIMD squared-L2 kernel as its distance function,
 *   to separate the graph library from its distance kernel.</li>
 * </ol>
 * Memory is the heap a build kept (after full GCs), vectors excluded: every contender shares the same
 * float[] rows or column. hnswlib-java stays in bench: it is never a dependency of the server.
 */
public final class HnswlibComparison {
    static final String USAGE = String.join("\n",
            "HnswlibComparison: jvector 4 vs hnswlib-java 1.2.1, same data and parameters (L2, one query thread)",
            "  --size 100k|N              base rows (default 100k)",
            "  --data auto|DIR|clustered|blobs   as IndexBenchmark",
            "  --queries N --k N --warmup N      default 1000, 10, 200",
            "  --m N --ef-construction N  default 16, 64",
            "  --ef-search LIST           default 10,20,40,80,160,320",
            "  --threads N                build threads for every library (default: all cores)",
            "  --repeats N                timed passes per sweep point, best kept (default 3)",
            "  --only LIST                any of quiver-hnsw,jvector,hnswlib,hnswlib+simd (default all)",
            "  --recall-targets LIST      matched-recall QPS table (default 0.9,0.95,0.98,0.99)",
            "  --md-out FILE              append the tables to FILE");

    private static int repeats = 3;

    private HnswlibComparison() {
    }

    record Contender(String name, double buildSeconds, double buildCpuSeconds, long memoryBytes,
                     List<Measure.Point> sweep) {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = Measure.args(argv, USAGE);
        int rows = Measure.rows(args.getOrDefault("size", "100k"));
        int queryCount = Integer.parseInt(args.getOrDefault("queries", "1000"));
        int k = Integer.parseInt(args.getOrDefault("k", "10"));
        int warmup = Integer.parseInt(args.getOrDefault("warmup", "200"));
        int m = Integer.parseInt(args.getOrDefault("m", "16"));
        int efConstruction = Integer.parseInt(args.getOrDefault("ef-construction", "64"));
        int[] efSearch = Measure.ints(args.getOrDefault("ef-search", "10,20,40,80,160,320"));
        int threads = Integer.parseInt(args.getOrDefault("threads",
                String.valueOf(Runtime.getRuntime().availableProcessors())));
        repeats = Integer.parseInt(args.getOrDefault("repeats", "3"));
        List<String> only = List.of(args.getOrDefault("only", "quiver-hnsw,jvector,hnswlib,hnswlib+simd").split(","));
        String[] targets = args.getOrDefault("recall-targets", "0.9,0.95,0.98,0.99").split(",");

        System.out.println("# HnswlibComparison " + Measure.label(rows) + " x 128-d, m=" + m + ", ef_construction="
                + efConstruction + ", build threads " + threads + ", " + Instant.now());
        System.out.println(Measure.machine());
        BenchData data = BenchData.load(args.getOrDefault("data", "auto"),
                Path.of("/tmp/quiver-bench/clustered-" + Measure.label(rows)), rows, queryCount);
        VectorColumn column = data.column();
        int[][] truth = BenchData.groundTruth(column, data.queries, k, new long[data.queries.length], new long[1]);
        System.out.println("data: " + data.source + ", ground truth by ExactScan");

        List<Contender> contenders = new ArrayList<>();
        for (String name : only) {
            Contender result = switch (name) {
                case "quiver-hnsw" -> quiverHnsw(column, data, truth, k, warmup, m, efConstruction, efSearch, threads);
                case "jvector" -> jvector(data, truth, k, warmup, m, efConstruction, efSearch, threads);
                case "hnswlib" -> hnswlib(name, DistanceFunctions.FLOAT_EUCLIDEAN_DISTANCE, data, truth, k, warmup,
                        m, efConstruction, efSearch, threads);
                case "hnswlib+simd" -> hnswlib(name, new SimdSquaredL2(), data, truth, k, warmup, m, efConstruction,
                        efSearch, threads);
                default -> throw new IllegalArgumentException("unknown contender " + name + "\n" + USAGE);
            };
            contenders.add(result);
        }

        StringBuilder out = new StringBuilder();
        out.append("\n").append(Measure.label(rows)).append(" x 128-d, m=").append(m).append(", ef_construction=")
                .append(efConstruction).append(", build threads ").append(threads).append(", ")
                .append(data.queries.length).append(" queries, k=").append(k).append("; ").append(Measure.machine())
                .append("; ").append(Instant.now()).append("\n\n");
        out.append("| library | build s (CPU s) | graph MiB | ef_search | recall@").append(k)
                .append(" | QPS | p50 ms | p99 ms | CPU QPS |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Contender c : contenders) {
            for (int i = 0; i < efSearch.length; i++) {
                Measure.Point p = c.sweep().get(i);
                out.append(Measure.f("| %s | %.1f (%.1f) | %.1f | %d | %.3f | %.0f | %.3f | %.3f | %.0f |\n", c.name(),
                        c.buildSeconds(), c.buildCpuSeconds(), Measure.mb(c.memoryBytes()), efSearch[i], p.recall(),
                        p.qps(), p.p50Ms(), p.p99Ms(), p.cpuQps()));
            }
        }
        out.append("\nQPS at matched recall@").append(k).append(", wall clock / CPU time")
                .append(" (interpolated between sweep points; - = not reached by ef_search ").append(efSearch[efSearch.length - 1])
                .append(")\n\n| library |");
        for (String t : targets) {
            out.append(" recall ").append(t).append(" |");
        }
        out.append("\n|---|").append("---:|".repeat(targets.length)).append('\n');
        for (Contender c : contenders) {
            out.append("| ").append(c.name()).append(" |");
            for (String t : targets) {
                double qps = Measure.qpsAtRecall(c.sweep(), Double.parseDouble(t), false);
                double cpuQps = Measure.qpsAtRecall(c.sweep(), Double.parseDouble(t), true);
                out.append(Double.isNaN(qps) ? " - |" : Measure.f(" %.0f / %.0f |", qps, cpuQps));
            }
            out.append('\n');
        }
        System.out.print(out);
        if (args.containsKey("md-out")) {
            Files.writeString(Path.of(args.get("md-out")), out, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static Contender quiverHnsw(VectorColumn column, BenchData data, int[][] truth, int k, int warmup, int m,
                                        int efConstruction, int[] efSearch, int threads) {
        if (threads != Runtime.getRuntime().availableProcessors()) {
            System.out.println("note: quiver-hnsw builds on all cores whatever --threads says");
        }
        long before = Measure.usedHeap();
        long cpu = Measure.processCpuNanos();
        HnswIndex index = HnswIndex.build(column, DistanceKind.L2, new IndexOptions.Hnsw(m, efConstruction));
        double cpuSeconds = (Measure.processCpuNanos() - cpu) / 1e9;
        long memory = Measure.usedHeap() - before;
        double seconds = index.stats().buildTime().toNanos() / 1e9;
        report("quiver-hnsw", seconds, cpuSeconds, memory);
        List<Measure.Point> sweep = new ArrayList<>();
        for (int ef : efSearch) {
            SearchOptions options = SearchOptions.defaults().withEfSearch(ef);
            sweep.add(print(Measure.best(repeats, "ef_search=" + ef, (q, n) -> IndexBenchmark.slots(index.search(q, n, options)),
                    data.queries, truth, k, warmup)));
        }
        index.close();
        return new Contender("jvector 4.0.2 (Quiver HnswIndex)", seconds, cpuSeconds, memory, sweep);
    }

    private static Contender jvector(BenchData data, int[][] truth, int k, int warmup, int m, int efConstruction,
                                     int[] efSearch, int threads) throws Exception {
        VectorTypeSupport vts = VectorizationProvider.getInstance().getVectorTypeSupport();
        List<VectorFloat<?>> vectors = new ArrayList<>(data.base.length);
        for (float[] row : data.base) {
            vectors.add(vts.createFloatVector(row));   // wraps the array: no copy
        }
        ListRandomAccessVectorValues ravv = new ListRandomAccessVectorValues(vectors, data.dimensions);
        VectorSimilarityFunction similarity = VectorSimilarityFunction.EUCLIDEAN;
        ForkJoinPool pool = new ForkJoinPool(threads);
        long before = Measure.usedHeap();
        long cpu = Measure.processCpuNanos();
        long start = System.nanoTime();
        GraphIndexBuilder builder = new GraphIndexBuilder(BuildScoreProvider.randomAccessScoreProvider(ravv, similarity),
                data.dimensions, List.of(2 * m, m), efConstruction, 1.2f, 1.2f, true, false, pool, pool);
        OnHeapGraphIndex graph = (OnHeapGraphIndex) builder.build(ravv);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (Measure.processCpuNanos() - cpu) / 1e9;
        long memory = Measure.usedHeap() - before;
        pool.shutdown();
        report("jvector", seconds, cpuSeconds, memory);
        System.out.println(Measure.f("  jvector ramBytesUsed %.1f MiB, mean base degree %.1f, vector provider %s",
                Measure.mb(graph.ramBytesUsed()), graph.getAverageDegree(0),
                VectorizationProvider.getInstance().getClass().getSimpleName()));
        GraphSearcher searcher = new GraphSearcher(graph);
        List<Measure.Point> sweep = new ArrayList<>();
        for (int ef : efSearch) {
            sweep.add(print(Measure.best(repeats, "ef_search=" + ef, (q, n) -> {
                var ssp = DefaultSearchScoreProvider.exact(vts.createFloatVector(q), similarity, ravv);
                var found = searcher.search(ssp, Math.max(ef, n), Math.max(ef, n), 0f, 0f, Bits.ALL).getNodes();
                int[] slots = new int[Math.min(n, found.length)];
                for (int i = 0; i < slots.length; i++) {
                    slots[i] = found[i].node;
                }
                return slots;
            }, data.queries, truth, k, warmup)));
        }
        builder.close();
        return new Contender("jvector 4.0.2 (plain)", seconds, cpuSeconds, memory, sweep);
    }

    record FloatItem(Integer id, float[] vector) implements Item<Integer, float[]> {
        @Override
        public int dimensions() {
            return vector.length;
        }
    }

    /** Quiver's SIMD squared L2 as an hnswlib distance: monotone in L2, so the same neighbours. */
    static final class SimdSquaredL2 implements DistanceFunction<float[], Float> {
        private static final long serialVersionUID = 1L;

        @Override
        public Float distance(float[] u, float[] v) {
            return Distances.squaredL2(u, 0, v, 0, u.length);
        }
    }

    private static Contender hnswlib(String name, DistanceFunction<float[], Float> distance, BenchData data,
                                     int[][] truth, int k, int warmup, int m, int efConstruction, int[] efSearch,
                                     int threads) throws InterruptedException {
        List<FloatItem> items = new ArrayList<>(data.base.length);
        for (int i = 0; i < data.base.length; i++) {
            items.add(new FloatItem(i, data.base[i]));
        }
        long before = Measure.usedHeap();
        long cpu = Measure.processCpuNanos();
        long start = System.nanoTime();
        com.github.jelmerk.hnswlib.core.hnsw.HnswIndex<Integer, float[], FloatItem, Float> index =
                com.github.jelmerk.hnswlib.core.hnsw.HnswIndex
                        .newBuilder(data.dimensions, distance, data.base.length)
                        .withM(m).withEfConstruction(efConstruction).withEf(efSearch[0])
                        .build();
        index.addAll(items, threads, (done, max) -> { }, Integer.MAX_VALUE);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (Measure.processCpuNanos() - cpu) / 1e9;
        items = null;
        long memory = Measure.usedHeap() - before;
        report(name, seconds, cpuSeconds, memory);
        List<Measure.Point> sweep = new ArrayList<>();
        for (int ef : efSearch) {
            index.setEf(ef);
            sweep.add(print(Measure.best(repeats, "ef_search=" + ef, (q, n) -> {
                List<SearchResult<FloatItem, Float>> found = index.findNearest(q, n);
                int[] slots = new int[found.size()];
                for (int i = 0; i < slots.length; i++) {
                    slots[i] = found.get(i).item().id();
                }
                return slots;
            }, data.queries, truth, k, warmup)));
        }
        String label = name.equals("hnswlib") ? "hnswlib-java 1.2.1" : "hnswlib-java 1.2.1 + Quiver SIMD L2";
        return new Contender(label, seconds, cpuSeconds, memory, sweep);
    }

    private static void report(String name, double seconds, double cpuSeconds, long memory) {
        System.out.println(Measure.f("%s: built in %.1f s (%.1f CPU s), kept %.1f MiB of heap (vectors excluded)", name,
                seconds, cpuSeconds, Measure.mb(memory)));
    }

    private static Measure.Point print(Measure.Point point) {
        System.out.println("  " + point);
        return point;
    }
}

package io.quiver.bench;

import io.quiver.index.DistanceKind;
import io.quiver.index.ExactScan;
import io.quiver.index.HnswIndex;
import io.quiver.index.IndexOptions;
import io.quiver.index.IndexStats;
import io.quiver.index.IvfFlatIndex;
import io.quiver.index.Neighbor;
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

/**
 * Quiver's vector indexes in process, L2, one query thread: the exact scan, HNSW over an ef_search sweep
 * and IVFFlat over a probes sweep, each with build time, index memory, recall@k against the exact
 * ground truth, QPS and p50/p99 latency. Prints a markdown table (and appends it to --md-out).
 */
public final class IndexBenchmark {
    static final String USAGE = String.join("\n",
            "IndexBenchmark: Quiver's exact scan, HNSW and IVFFlat in process (L2, k nearest, one query thread)",
            "  --size 100k|1m|N           base rows (default 100k)",
            "  --data auto|DIR|clustered|blobs",
            "                             DIR: base.fvecs + query.fvecs (shared/bench/gen_data.py or",
            "                             bench/scripts/gen_fvecs.py); clustered: gen_data.py's model in Java;",
            "                             blobs: SyntheticVectors. auto (default): /tmp/quiver-bench/clustered-SIZE",
            "                             if it exists, else clustered",
            "  --dimensions N             of clustered and blobs data (default 128)",
            "  --queries N                queries (default 1000)",
            "  --k N                      neighbours per query (default 10)",
            "  --warmup N                 untimed queries before each sweep point (default 200)",
            "  --m N --ef-construction N  HNSW build options (default 16, 64)",
            "  --ef-search LIST           HNSW sweep (default 10,20,40,80,160,320)",
            "  --lists N                  IVFFlat lists (default rows/1000, pgvector's advice: 100 at 100k)",
            "  --probes LIST              IVFFlat sweep (default 1,2,4,8,16,32)",
"  --repeats N                timed passes per sweep point, best kept (default 3)",
            "  --skip LIST                any of exact,hnsw,ivfflat",
            "  --quantization LIST        HNSW and IVFFlat built once per item, any of none,sq8,pq,bq",
            "                             (default none), with the index's default pq_subspaces and rerank",
            "  --rerank N                 re-rank factor of the quantized indexes (default: each one's)",
            "  --md-out FILE              append the table to FILE");

    private IndexBenchmark() {
    }

    public static void main(String[] argv) throws IOException {
        Map<String, String> args = Measure.args(argv, USAGE);
        int rows = Measure.rows(args.getOrDefault("size", "100k"));
        int queryCount = Integer.parseInt(args.getOrDefault("queries", "1000"));
        int k = Integer.parseInt(args.getOrDefault("k", "10"));
        int warmup = Integer.parseInt(args.getOrDefault("warmup", "200"));
        int m = Integer.parseInt(args.getOrDefault("m", "16"));
        int efConstruction = Integer.parseInt(args.getOrDefault("ef-construction", "64"));
        int[] efSearch = Measure.ints(args.getOrDefault("ef-search", "10,20,40,80,160,320"));
        int lists = Integer.parseInt(args.getOrDefault("lists", String.valueOf(Math.max(1, rows / 1000))));
        int[] probes = Measure.ints(args.getOrDefault("probes", "1,2,4,8,16,32"));
        int repeats = Integer.parseInt(args.getOrDefault("repeats", "3"));
        List<String> skip = List.of(args.getOrDefault("skip", "").split(","));
        List<IndexOptions.Quantization> quantizations = new ArrayList<>();
        for (String method : args.getOrDefault("quantization", "none").split(",")) {
            Map<String, String> with = new java.util.HashMap<>(Map.of("quantization", method));
            if (args.containsKey("rerank") && !method.equals("none")) {
                with.put("rerank", args.get("rerank"));
            }
            quantizations.add(IndexOptions.quantization(with));
        }

        int dimensions = Integer.parseInt(args.getOrDefault("dimensions", "128"));
        System.out.println("# IndexBenchmark " + Measure.label(rows) + " x " + dimensions + "-d, k=" + k + ", "
                + Instant.now());
        System.out.println(Measure.machine());
        long start = System.nanoTime();
        BenchData data = BenchData.load(args.getOrDefault("data", "auto"),
                Path.of("/tmp/quiver-bench/clustered-" + Measure.label(rows)), rows, queryCount, dimensions);
        VectorColumn column = data.column();
        float[][] queries = data.queries;
        System.out.println(Measure.f("data: %s, %d rows, %d queries, column %.1f MiB, loaded in %.1f s",
                data.source, rows, queries.length, Measure.mb(column.memoryBytes()), (System.nanoTime() - start) / 1e9));
        data = null;   // the column holds the vectors from here on

        List<String> table = new ArrayList<>();
        table.add("| index | setting | build s (CPU s) | index MiB | recall@" + k + " | QPS | p50 ms | p99 ms | CPU QPS |");
        table.add("|---|---|---:|---:|---:|---:|---:|---:|---:|");

        long[] exactNanos = new long[queries.length];
        long[] exactCpu = new long[1];
        int[][] truth = BenchData.groundTruth(column, queries, k, exactNanos, exactCpu);
        if (!skip.contains("exact")) {
            Measure.Point single = Measure.point("1 thread", 1.0, exactNanos, exactCpu[0]);
            row(table, "exact scan", single, 0, 0, 0);
            Measure.Point parallel = Measure.run("2 threads (table halves)", (q, n) -> slots(
                    ExactScan.search(column, DistanceKind.L2, q, n, null, true)), queries, truth, k, 20);
            parallel = new Measure.Point(parallel.setting(), parallel.recall(), parallel.qps(), parallel.p50Ms(),
                    parallel.p99Ms(), Double.NaN);   // the helper thread's CPU time is not counted
            row(table, "exact scan", parallel, 0, 0, 0);
            System.out.println(Measure.f("exact scan: %.2f ms/query on one thread (%.2f ms of CPU; %.1f GB/s of vectors), "
                    + "%.2f ms on two", 1000 / single.qps(), 1000 / single.cpuQps(),
                    (double) rows * data.dimensions * Float.BYTES * single.qps() / 1e9, 1000 / parallel.qps()));
        }

        for (IndexOptions.Quantization quantization : skip.contains("hnsw") ? List.<IndexOptions.Quantization>of()
                : quantizations) {
            String name = "hnsw" + label(quantization);
            long before = Measure.usedHeap();
            long cpu = Measure.processCpuNanos();
            HnswIndex hnsw = HnswIndex.build(column, DistanceKind.L2,
                    new IndexOptions.Hnsw(m, efConstruction, quantization));
            double buildCpu = (Measure.processCpuNanos() - cpu) / 1e9;
            long heap = Measure.usedHeap() - before;
            IndexStats stats = hnsw.stats();
            System.out.println(Measure.f(name + " m=%d ef_construction=%d: built in %.1f s (%.1f CPU s), %.1f MiB (stats; heap delta %.1f MiB), mean degree %.1f",
                    m, efConstruction, stats.buildTime().toNanos() / 1e9, buildCpu, Measure.mb(stats.memoryBytes()),
                    Measure.mb(heap), stats.averageDegree()));
            for (int ef : efSearch) {
                SearchOptions options = SearchOptions.defaults().withEfSearch(ef);
                Measure.Point point = Measure.best(repeats, "m=" + m + ", ef_c=" + efConstruction + ", ef_search=" + ef,
                        (q, n) -> slots(hnsw.search(q, n, options)), queries, truth, k, warmup);
                row(table, name, point, stats.buildTime().toNanos() / 1e9, buildCpu, stats.memoryBytes());
                System.out.println("  " + point);
            }
            hnsw.close();
        }

        for (IndexOptions.Quantization quantization : skip.contains("ivfflat")
                ? List.<IndexOptions.Quantization>of() : quantizations) {
            String name = "ivfflat" + label(quantization);
            long before = Measure.usedHeap();
            long cpu = Measure.processCpuNanos();
            IvfFlatIndex ivf = IvfFlatIndex.build(column, DistanceKind.L2, new IndexOptions.IvfFlat(lists, quantization));
            double buildCpu = (Measure.processCpuNanos() - cpu) / 1e9;
            long heap = Measure.usedHeap() - before;
            IndexStats stats = ivf.stats();
            System.out.println(Measure.f(name + " lists=%d: built in %.1f s (%.1f CPU s), %.1f MiB (stats; heap delta %.1f MiB), largest list %d",
                    lists, stats.buildTime().toNanos() / 1e9, buildCpu, Measure.mb(stats.memoryBytes()), Measure.mb(heap),
                    stats.largestList()));
            for (int p : probes) {
                SearchOptions options = SearchOptions.defaults().withProbes(p);
                Measure.Point point = Measure.best(repeats, "lists=" + lists + ", probes=" + p,
                        (q, n) -> slots(ivf.search(q, n, options)), queries, truth, k, warmup);
                row(table, name, point, stats.buildTime().toNanos() / 1e9, buildCpu, stats.memoryBytes());
                System.out.println("  " + point);
            }
        }

        StringBuilder out = new StringBuilder();
        out.append("\n").append(Measure.label(rows)).append(" x ").append(data.dimensions).append("-d (")
                .append(queries.length).append(" queries, k=").append(k).append("); ").append(Measure.machine()).append("; ")
                .append(Instant.now()).append("\n\n");
        for (String line : table) {
            out.append(line).append('\n');
        }
        System.out.print(out);
        if (args.containsKey("md-out")) {
            Files.writeString(Path.of(args.get("md-out")), out, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static void row(List<String> table, String index, Measure.Point point, double buildSeconds,
                            double buildCpu, long memory) {
        table.add(Measure.f("| %s | %s | %s | %s | %.3f | %.0f | %.3f | %.3f | %s |", index, point.setting(),
                buildSeconds > 0 ? Measure.f("%.1f (%.1f)", buildSeconds, buildCpu) : "-",
                memory > 0 ? Measure.f("%.1f", Measure.mb(memory)) : "-",
                point.recall(), point.qps(), point.p50Ms(), point.p99Ms(),
                Double.isNaN(point.cpuQps()) ? "-" : Measure.f("%.0f", point.cpuQps())));
    }

    /** The table's name suffix for a quantization: "" for none, " pq(32) rerank=4" and so on. */
    private static String label(IndexOptions.Quantization quantization) {
        return quantization.quantized() ? " " + quantization.describe(128) : "";
    }

    static int[] slots(Neighbor[] found) {
        int[] slots = new int[found.length];
        for (int i = 0; i < found.length; i++) {
            slots[i] = found[i].slot();
        }
        return slots;
    }

}

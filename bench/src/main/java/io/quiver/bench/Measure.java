package io.quiver.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Timing, recall, heap and table helpers shared by the benchmark mains. */
final class Measure {
    private Measure() {
    }

    /** One search of the top k: returns the slots (row ids) found, nearest first. */
    @FunctionalInterface
    interface Searcher {
        int[] search(float[] query, int k);
    }

    /** One point of a sweep, single-threaded: recall@k, queries per second, latency percentiles. */
    /**
     * One point of a sweep, single-threaded: recall@k, queries per second and latency percentiles by the
     * wall clock, and {@code cpuQps}, queries per second of this thread's CPU time: on a shared machine
     * the wall clock also counts the time other processes held the core, CPU time does not.
     */
    record Point(String setting, double recall, double qps, double p50Ms, double p99Ms, double cpuQps) {
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** CPU time of the whole process (every thread), for multi-threaded builds. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * Runs {@code warmup} queries untimed, then every query once on this thread, each timed on its own.
     */
    static Point run(String setting, Searcher searcher, float[][] queries, int[][] truth, int k, int warmup) {
        for (int i = 0; i < warmup; i++) {
            searcher.search(queries[i % queries.length], k);
        }
        long[] nanos = new long[queries.length];
        long hits = 0;
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        for (int q = 0; q < queries.length; q++) {
            long start = System.nanoTime();
            int[] found = searcher.search(queries[q], k);
            nanos[q] = System.nanoTime() - start;
            hits += overlap(found, truth[q], k);
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        return point(setting, (double) hits / ((long) queries.length * k), nanos, cpu);
    }

    /** Best of {@code repeats} runs (highest wall-clock QPS): the run least disturbed by other processes. */
    static Point best(int repeats, String setting, Searcher searcher, float[][] queries, int[][] truth, int k, int warmup) {
        Point best = null;
        for (int r = 0; r < Math.max(1, repeats); r++) {
            Point point = run(setting, searcher, queries, truth, k, r == 0 ? warmup : 0);
            if (best == null || point.qps() > best.qps()) {
                best = point;
            }
        }
        return best;
    }

    static Point point(String setting, double recall, long[] nanos, long cpuNanos) {
        long total = 0;
        for (long n : nanos) {
            total += n;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Point(setting, recall, nanos.length / (total / 1e9), percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.99) / 1e6, cpuNanos > 0 ? nanos.length / (cpuNanos / 1e9) : Double.NaN);
    }

    static int overlap(int[] found, int[] truth, int k) {
        int hits = 0;
        int limit = Math.min(k, truth.length);
        for (int i = 0; i < Math.min(k, found.length); i++) {
            for (int j = 0; j < limit; j++) {
                if (found[i] == truth[j]) {
                    hits++;
                    break;
                }
            }
        }
        return hits;
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Heap in use after a few full collections: a before/after difference measures what a build kept. */
    static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    /**
     * QPS at a target recall, interpolated between the two sweep points around it (linearly in recall,
     * geometrically in QPS); NaN when the sweep never reaches the target.
     */
    static double qpsAtRecall(List<Point> sweep, double target) {
        return qpsAtRecall(sweep, target, false);
    }

    static double qpsAtRecall(List<Point> sweep, double target, boolean cpu) {
        List<Point> points = new ArrayList<>(sweep);
        points.sort((a, b) -> Double.compare(a.recall(), b.recall()));
        for (int i = 0; i < points.size(); i++) {
            Point upper = points.get(i);
            if (upper.recall() >= target) {
                if (i == 0) {
                    return cpu ? upper.cpuQps() : upper.qps();
                }
                Point lower = points.get(i - 1);
                double lo = cpu ? lower.cpuQps() : lower.qps();
                double hi = cpu ? upper.cpuQps() : upper.qps();
                double t = (target - lower.recall()) / (upper.recall() - lower.recall());
                return Math.exp(Math.log(lo) + t * (Math.log(hi) - Math.log(lo)));
            }
        }
        return Double.NaN;
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    /** {@code --name value} and {@code --flag} arguments. */
    static Map<String, String> args(String[] argv, String usage) {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(usage);
                System.exit(0);
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg + "\n" + usage);
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                args.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
                args.put(arg.substring(2), argv[++i]);
            } else {
                args.put(arg.substring(2), "true");
            }
        }
        return args;
    }

    static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
    }

    /** "100k", "1m", "250000". */
    static int rows(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace("_", "");
        if (t.endsWith("k")) {
            return Integer.parseInt(t.substring(0, t.length() - 1)) * 1_000;
        }
        if (t.endsWith("m")) {
            return Integer.parseInt(t.substring(0, t.length() - 1)) * 1_000_000;
        }
        return Integer.parseInt(t);
    }

    static String label(int rows) {
        return rows % 1_000_000 == 0 ? rows / 1_000_000 + "m" : rows % 1_000 == 0 ? rows / 1_000 + "k" : "" + rows;
    }

    static String machine() {
        String cpu = "?";
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (java.io.IOException ignored) {
            // not Linux
        }
        return f("%d cores (%s), JDK %s (%s), max heap %.0f MiB, SIMD kernels %s",
                Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), mb(Runtime.getRuntime().maxMemory()),
                io.quiver.common.vector.Distances.simd() ? "on" : "off (add --add-modules=jdk.incubator.vector)");
    }
}

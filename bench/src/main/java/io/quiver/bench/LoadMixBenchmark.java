package io.quiver.bench;

import java.util.Map;

/**
 * Runs {@link LoadMix} against a running server (Quiver or PostgreSQL + pgvector) and prints throughput, p50/p99
 * latency per operation, retries, errors and the ledger check. Exits 1 if anything but 40001 failed or a write
 * was lost.
 */
public final class LoadMixBenchmark {
    private static final String USAGE = """
            LoadMixBenchmark [--url jdbc:postgresql://127.0.0.1:5433/quiver] [--user postgres] [--clients 64]
                             [--seconds 60] [--dimensions 64] [--preload 200]
              64 clients mix k-NN (HNSW) 50%, INSERT 20%, UPDATE 20%, DELETE 10% on table loadmix for --seconds,
              each starting with --preload rows of its own; then every acknowledged write is checked.""";

    private LoadMixBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = Measure.args(argv, USAGE);
        LoadMix.Settings settings = new LoadMix.Settings(
                args.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5433/quiver"),
                args.getOrDefault("user", "postgres"),
                Integer.parseInt(args.getOrDefault("clients", "64")),
                Integer.parseInt(args.getOrDefault("seconds", "60")),
                Integer.parseInt(args.getOrDefault("dimensions", "64")),
                Integer.parseInt(args.getOrDefault("preload", "200")));
        System.out.println(Measure.f("%s; %d clients, %d s, %d-d vectors, %d preloaded rows per client; %s",
                settings.url(), settings.clients(), settings.seconds(), settings.dimensions(), settings.preloadRows(),
                Measure.machine()));
        LoadMix.Report report = LoadMix.run(settings);
        System.out.print(report.describe());
        if (report.errorCount() > 0 || !report.ledgerMismatches().isEmpty()) {
            System.exit(1);
        }
    }
}

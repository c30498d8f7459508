package io.quiver.bench;

import static io.quiver.bench.Measure.f;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Commit rate of a running server: each client runs single-row autocommit INSERTs (id, 128-d vector) for
 * {@code --seconds}, with {@code synchronous_commit} on and then off (SET per session), for 1, 8 and 32 clients.
 */
public final class CommitBenchmark {
    private static final String USAGE = """
            CommitBenchmark [--url jdbc:postgresql://127.0.0.1:5433/quiver] [--user postgres]
                            [--clients 1,8,32] [--seconds 10]
              Prints commits/s for each client count with synchronous_commit on and off.""";

    private CommitBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = Measure.args(argv, USAGE);
        String url = args.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5433/quiver");
        String user = args.getOrDefault("user", "postgres");
        int seconds = Integer.parseInt(args.getOrDefault("seconds", "10"));
        String vector = LoadBenchmark.vectorTexts(1, 128)[0];
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS commit_bench");
            s.execute("CREATE TABLE commit_bench (id bigint PRIMARY KEY, embedding vector(128))");
        }
        System.out.println(f("%s; single-row autocommit INSERTs, %d s per point", url, seconds));
        System.out.println("| clients | synchronous_commit = on | synchronous_commit = off |");
        System.out.println("|---:|---:|---:|");
        AtomicLong ids = new AtomicLong();
        for (int clients : Measure.ints(args.getOrDefault("clients", "1,8,32"))) {
            double on = run(url, user, clients, seconds, "on", vector, ids);
            double off = run(url, user, clients, seconds, "off", vector, ids);
            System.out.println(f("| %d | %,.0f commits/s | %,.0f commits/s |", clients, on, off));
        }
    }

    private static double run(String url, String user, int clients, int seconds, String synchronousCommit,
                              String vector, AtomicLong ids) throws Exception {
        AtomicLong commits = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try (Connection c = DriverManager.getConnection(url, user, "")) {
                    try (Statement s = c.createStatement()) {
                        s.execute("SET synchronous_commit = " + synchronousCommit);
                    }
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO commit_bench VALUES (?, ?)")) {
                        while (System.nanoTime() < end) {
                            insert.setLong(1, ids.incrementAndGet());
                            insert.setObject(2, LoadBenchmark.vector(vector));
                            insert.executeUpdate();
                            commits.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return commits.get() / (double) seconds;
    }
}

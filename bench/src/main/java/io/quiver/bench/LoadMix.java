package io.quiver.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * A mixed read/write workload over pgjdbc: concurrent clients run k-NN queries (through an HNSW index), inserts,
 * updates and deletes on one table for a fixed time. Each client writes only rows it owns and keeps a ledger of
 * every write the server acknowledged; at the end the table must hold exactly what the ledgers say (no lost or
 * phantom writes). 40001 serialization failures are retried and counted; any other error is a failure.
 * Used by {@link LoadMixBenchmark} (long runs) and the server's LoadMixTest (a short run in CI).
 */
public final class LoadMix {
    /** The operations of the mix, with their share of all operations in percent. */
    public enum Operation {
        KNN(50), INSERT(20), UPDATE(20), DELETE(10);

        final int percent;

        Operation(int percent) {
            this.percent = percent;
        }
    }

    /**
     * How to run the mix.
     *
     * @param url a pgjdbc URL of the server to load
     * @param clients concurrent connections
     * @param seconds how long the mix runs
     * @param preloadRows rows each client owns before the mix starts (loaded with COPY, then indexed)
     */
    public record Settings(String url, String user, int clients, int seconds, int dimensions, int preloadRows) {
    }

    /** Latency percentiles of one operation, in milliseconds. */
    public record Latency(long count, double p50, double p99, double max) {
    }

    /**
     * What a run did.
     *
     * @param unexpectedErrors errors other than 40001, with their SQLSTATE (the first few)
     * @param ledgerMismatches rows whose stored state differs from what clients were told (the first few)
     */
    public record Report(Map<Operation, Latency> latencies, long retries, long errorCount, List<String> unexpectedErrors,
                         long rowsVerified, List<String> ledgerMismatches, double seconds) {
        public long operations() {
            return latencies.values().stream().mapToLong(Latency::count).sum();
        }

        public String describe() {
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                    "%d operations in %.1f s (%.0f ops/s), %d retried 40001, %d other errors, %d rows verified, "
                            + "%d ledger mismatches%n", operations(), seconds, operations() / seconds, retries,
                    errorCount, rowsVerified, ledgerMismatches.size()));
            latencies.forEach((operation, latency) -> text.append(String.format(Locale.ROOT,
                    "  %-6s %8d ops  p50 %7.2f ms  p99 %7.2f ms  max %7.1f ms%n", operation, latency.count(),
                    latency.p50(), latency.p99(), latency.max())));
            unexpectedErrors.forEach(error -> text.append("  error: ").append(error).append('\n'));
            ledgerMismatches.forEach(mismatch -> text.append("  mismatch: ").append(mismatch).append('\n'));
            return text.toString();
        }
    }

    private static final String SERIALIZATION_FAILURE = "40001";
    private static final int MAX_RECORDED_ERRORS = 10;

    private final Settings settings;
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final List<String> unexpected = new ArrayList<>();

    public LoadMix(Settings settings) {
        this.settings = settings;
    }

    public static Report run(Settings settings) throws Exception {
        return new LoadMix(settings).run();
    }

    private Report run() throws Exception {
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < settings.clients(); i++) {
            clients.add(new Client(i));
        }
        prepare(clients);
        long deadline = System.nanoTime() + settings.seconds() * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(settings.clients());
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Client client : clients) {
                running.add(pool.submit(() -> {
                    client.runUntil(deadline);
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<Long, Integer> expected = new HashMap<>();
        clients.forEach(client -> expected.putAll(client.ledger));
        List<String> mismatches = verify(expected);
        Map<Operation, Latency> latencies = new EnumMap<>(Operation.class);
        for (Operation operation : Operation.values()) {
            latencies.put(operation, latency(clients, operation));
        }
        synchronized (unexpected) {
            return new Report(latencies, retries.get(), errors.get(), List.copyOf(unexpected), expected.size(),
                    mismatches, seconds);
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        return DriverManager.getConnection(settings.url(), properties);
    }

    /** A fresh table with every client's preloaded rows and an HNSW index over them. */
    private void prepare(List<Client> clients) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS loadmix");
            s.execute("CREATE TABLE loadmix (id bigint PRIMARY KEY, v vector(" + settings.dimensions()
                    + "), revision int NOT NULL)");
            StringBuilder rows = new StringBuilder();
            for (Client client : clients) {
                for (int i = 0; i < settings.preloadRows(); i++) {
                    long id = client.nextId();
                    rows.append(id).append('\t').append(client.vector()).append("\t0\n");
                    client.ledger.put(id, 0);
                }
            }
            new CopyManager(c.unwrap(BaseConnection.class)).copyIn("COPY loadmix FROM STDIN",
                    new StringReader(rows.toString()));
            s.execute("CREATE INDEX loadmix_hnsw ON loadmix USING hnsw (v vector_l2_ops)");
        }
    }

    private List<String> verify(Map<Long, Integer> expected) throws SQLException {
        Map<Long, Integer> stored = new HashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, revision FROM loadmix")) {
            while (rs.next()) {
                stored.put(rs.getLong(1), rs.getInt(2));
            }
        }
        List<String> mismatches = new ArrayList<>();
        expected.forEach((id, version) -> {
            Integer found = stored.remove(id);
            if (!version.equals(found) && mismatches.size() < MAX_RECORDED_ERRORS) {
                mismatches.add("id " + id + ": acknowledged version " + version + ", stored " + found);
            }
        });
        stored.keySet().stream().limit(MAX_RECORDED_ERRORS).forEach(id ->
                mismatches.add("id " + id + ": stored, but its insert was never acknowledged (or it was deleted)"));
        return mismatches;
    }

    private static Latency latency(List<Client> clients, Operation operation) {
        long[] all = clients.stream().flatMapToLong(client -> Arrays.stream(client.latencies(operation))).sorted()
                .toArray();
        if (all.length == 0) {
            return new Latency(0, 0, 0, 0);
        }
        return new Latency(all.length, all[(int) (all.length * 0.50)] / 1e6,
                all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1e6, all[all.length - 1] / 1e6);
    }

    private void recordError(Operation operation, SQLException e) {
        errors.incrementAndGet();
        synchronized (unexpected) {
            if (unexpected.size() < MAX_RECORDED_ERRORS) {
                unexpected.add(operation + ": " + e.getSQLState() + " " + e.getMessage());
            }
        }
    }

    /** One connection's share of the work: the rows it owns, its ledger and its latencies. */
    private final class Client {
        private final int number;
        private final SplittableRandom random;
        /** Acknowledged state of the client's rows: id to version; a deleted row is absent. */
        final Map<Long, Integer> ledger = new ConcurrentHashMap<>();
        private final List<Long> owned = new ArrayList<>();
        private final Map<Operation, long[]> latencies = new EnumMap<>(Operation.class);
        private final Map<Operation, Integer> counts = new EnumMap<>(Operation.class);
        private long sequence;

        Client(int number) {
            this.number = number;
            this.random = new SplittableRandom(number * 7919L + 1);
        }

        long nextId() {
            long id = sequence++ * settings.clients() + number;
            owned.add(id);
            return id;
        }

        String vector() {
            StringBuilder text = new StringBuilder("[");
            for (int d = 0; d < settings.dimensions(); d++) {
                text.append(d == 0 ? "" : ",").append((float) random.nextDouble());
            }
            return text.append(']').toString();
        }

        long[] latencies(Operation operation) {
            return Arrays.copyOf(latencies.getOrDefault(operation, new long[0]), counts.getOrDefault(operation, 0));
        }

        void runUntil(long deadline) throws SQLException {
            try (Connection c = connect();
                 PreparedStatement knn = c.prepareStatement("SELECT id FROM loadmix ORDER BY v <-> ?::vector LIMIT 10");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO loadmix VALUES (?, ?::vector, 0)");
                 PreparedStatement update = c.prepareStatement(
                         "UPDATE loadmix SET revision = ?, v = ?::vector WHERE id = ?");
                 PreparedStatement delete = c.prepareStatement("DELETE FROM loadmix WHERE id = ?")) {
                while (System.nanoTime() < deadline) {
                    Operation operation = pick();
                    long start = System.nanoTime();
                    boolean done = switch (operation) {
                        case KNN -> attempt(operation, () -> knn(knn));
                        case INSERT -> attempt(operation, () -> insert(insert));
                        case UPDATE -> attempt(operation, () -> update(update));
                        case DELETE -> attempt(operation, () -> delete(delete));
                    };
                    if (done) {
                        record(operation, System.nanoTime() - start);
                    }
                }
            }
        }

        private Operation pick() {
            int roll = random.nextInt(100);
            for (Operation operation : Operation.values()) {
                roll -= operation.percent;
                if (roll < 0) {
                    return operation;
                }
            }
            return Operation.KNN;
        }

        /** Runs the operation, retrying on 40001; false if it failed otherwise (recorded). */
        private boolean attempt(Operation operation, SqlAction action) {
            while (true) {
                try {
                    action.run();
                    return true;
                } catch (SQLException e) {
                    if (!SERIALIZATION_FAILURE.equals(e.getSQLState())) {
                        recordError(operation, e);
                        return false;
                    }
                    retries.incrementAndGet();
                }
            }
        }

        private void knn(PreparedStatement knn) throws SQLException {
            knn.setString(1, vector());
            int rows = 0;
            try (ResultSet rs = knn.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            if (rows == 0) {
                throw new SQLException("k-NN query returned no rows", "XXKNN");
            }
        }

        private void insert(PreparedStatement insert) throws SQLException {
            long id = nextId();
            insert.setLong(1, id);
            insert.setString(2, vector());
            insert.executeUpdate();
            ledger.put(id, 0);
        }

        private void update(PreparedStatement update) throws SQLException {
            Long id = liveRow();
            if (id == null) {
                return;
            }
            int version = ledger.get(id) + 1;
            update.setInt(1, version);
            update.setString(2, vector());
            update.setLong(3, id);
            if (update.executeUpdate() != 1) {
                throw new SQLException("UPDATE of live row " + id + " changed no row", "XXLED");
            }
            ledger.put(id, version);
        }

        private void delete(PreparedStatement delete) throws SQLException {
            Long id = liveRow();
            if (id == null) {
                return;
            }
            delete.setLong(1, id);
            if (delete.executeUpdate() != 1) {
                throw new SQLException("DELETE of live row " + id + " deleted no row", "XXLED");
            }
            ledger.remove(id);
        }

        /** A random row this client owns and has not deleted, or null. */
        private Long liveRow() {
            for (int tries = 0; tries < 8 && !owned.isEmpty(); tries++) {
                Long id = owned.get(random.nextInt(owned.size()));
                if (ledger.containsKey(id)) {
                    return id;
                }
            }
            return null;
        }

        private void record(Operation operation, long nanos) {
            long[] values = latencies.computeIfAbsent(operation, o -> new long[1024]);
            int count = counts.getOrDefault(operation, 0);
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
                latencies.put(operation, values);
            }
            values[count] = nanos;
            counts.put(operation, count + 1);
        }
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }
}

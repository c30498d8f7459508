package io.quiver.bench;

import static io.quiver.bench.Measure.f;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;
import org.postgresql.util.PGobject;

/**
 * Bulk-load speed of a running server (Quiver or PostgreSQL + pgvector) over pgjdbc: {@code COPY FROM STDIN}
 * in text and CSV format through {@code CopyManager}, and batched {@code INSERT}s with
 * {@code reWriteBatchedInserts=true} (pgjdbc turns each batch into multi-row {@code INSERT ... VALUES}), into
 * {@code (id bigint PRIMARY KEY, embedding vector(d))}, optionally with an HNSW index in place first.
 * The payload is generated before the clock starts, so the client's own cost is as small as it gets.
 */
public final class LoadBenchmark {
    private static final String USAGE = """
            LoadBenchmark [--url jdbc:postgresql://127.0.0.1:5433/quiver] [--user postgres] [--rows 100k]
                          [--dimensions 128] [--modes copy-text,copy-csv,insert-batch] [--batch 1000]
                          [--repeats 3] [--hnsw] [--hnsw-rows 20k]
              Loads --rows rows per mode into a fresh table and prints rows/s (best of --repeats).
              --hnsw also loads --hnsw-rows rows per mode into a table that has an HNSW index
              (m=16, ef_construction=64), which then dominates the cost.""";

    private LoadBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = Measure.args(argv, USAGE);
        String url = args.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5433/quiver");
        String user = args.getOrDefault("user", "postgres");
        int rows = Measure.rows(args.getOrDefault("rows", "100k"));
        int dimensions = Integer.parseInt(args.getOrDefault("dimensions", "128"));
        int batch = Integer.parseInt(args.getOrDefault("batch", "1000"));
        int repeats = Integer.parseInt(args.getOrDefault("repeats", "3"));
        List<String> modes = List.of(args.getOrDefault("modes", "copy-text,copy-csv,insert-batch").split(","));
        String[] vectors = vectorTexts(Math.max(rows, Measure.rows(args.getOrDefault("hnsw-rows", "20k"))), dimensions);

        System.out.println(f("%s; %s rows of %d-d vectors, best of %d", url, Measure.label(rows), dimensions, repeats));
        try (Connection connection = DriverManager.getConnection(withBatchRewrite(url), user, "")) {
            for (String mode : modes) {
                report(mode, rows, best(repeats, () -> load(connection, mode, vectors, rows, dimensions, batch, false)));
            }
            if (args.containsKey("hnsw")) {
                int indexed = Measure.rows(args.getOrDefault("hnsw-rows", "20k"));
                for (String mode : modes) {
                    report(mode + " +hnsw", indexed, best(1, () -> load(connection, mode, vectors, indexed, dimensions, batch, true)));
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS load_bench");
            }
        }
    }

    @FunctionalInterface
    private interface Run {
        long nanos() throws SQLException, java.io.IOException;
    }

    private static long best(int repeats, Run run) throws Exception {
        long best = Long.MAX_VALUE;
        for (int r = 0; r < repeats; r++) {
            best = Math.min(best, run.nanos());
        }
        return best;
    }

    private static void report(String mode, int rows, long nanos) {
        System.out.println(f("%-22s %8s rows  %7.2f s  %,9.0f rows/s", mode, Measure.label(rows), nanos / 1e9,
                rows / (nanos / 1e9)));
    }

    /** Loads {@code rows} rows into a freshly created table and returns the time the load took. */
    private static long load(Connection connection, String mode, String[] vectors, int rows, int dimensions,
                             int batch, boolean hnsw) throws SQLException, java.io.IOException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS load_bench");
            statement.execute("CREATE TABLE load_bench (id bigint PRIMARY KEY, embedding vector(" + dimensions + "))");
            if (hnsw) {
                statement.execute("CREATE INDEX ON load_bench USING hnsw (embedding vector_l2_ops) "
                        + "WITH (m = 16, ef_construction = 64)");
            }
        }
        return switch (mode) {
            case "copy-text" -> copy(connection, payload(vectors, rows, '\t', ""), "");
            case "copy-csv" -> copy(connection, payload(vectors, rows, ',', "\""), " WITH (FORMAT csv)");
            case "insert-batch" -> insertBatches(connection, vectors, rows, batch);
            default -> throw new IllegalArgumentException("unknown mode " + mode + "\n" + USAGE);
        };
    }

    private static long copy(Connection connection, byte[] payload, String options) throws SQLException, java.io.IOException {
        long start = System.nanoTime();
        long copied = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY load_bench (id, embedding) FROM STDIN" + options, new ByteArrayInputStream(payload), 1 << 16);
        long nanos = System.nanoTime() - start;
        if (copied <= 0) {
            throw new IllegalStateException("COPY reported " + copied + " rows");
        }
        return nanos;
    }

    /** pgjdbc's usual bulk insert: one prepared INSERT, addBatch per row, executeBatch every {@code batch} rows. */
    private static long insertBatches(Connection connection, String[] vectors, int rows, int batch) throws SQLException {
        connection.setAutoCommit(false);
        long start = System.nanoTime();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO load_bench (id, embedding) VALUES (?, ?)")) {
            for (int i = 0; i < rows; i++) {
                insert.setLong(1, i + 1);
                insert.setObject(2, vector(vectors[i]));
                insert.addBatch();
                if ((i + 1) % batch == 0 || i + 1 == rows) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
        } finally {
            connection.setAutoCommit(true);
        }
        return System.nanoTime() - start;
    }

    /** What pgvector-java's {@code PGvector} sends: the vector's text with the type name {@code vector}. */
    static PGobject vector(String text) throws SQLException {
        PGobject value = new PGobject();
        value.setType("vector");
        value.setValue(text);
        return value;
    }

    private static byte[] payload(String[] vectors, int rows, char delimiter, String quote) {
        StringBuilder text = new StringBuilder(rows * (vectors[0].length() + 12));
        for (int i = 0; i < rows; i++) {
            text.append(i + 1).append(delimiter).append(quote).append(vectors[i]).append(quote).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Random vectors as pgvector prints them (shortest float text), fixed seed. */
    static String[] vectorTexts(int count, int dimensions) {
        SplittableRandom random = new SplittableRandom(BenchData.SEED);
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder("[");
            for (int d = 0; d < dimensions; d++) {
                text.append(d > 0 ? "," : "").append((float) random.nextDouble(-1, 1));
            }
            texts.add(text.append(']').toString());
        }
        return texts.toArray(String[]::new);
    }

    private static String withBatchRewrite(String url) {
        return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }
}

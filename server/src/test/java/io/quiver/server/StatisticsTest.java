package io.quiver.server;

import static io.quiver.server.SqlAssertions.assertFails;
import static io.quiver.server.SqlAssertions.assertUsable;
import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The statistics kept with every commit, through the views that show them: known contents, a random mix of
 * writes against ANALYZE's recomputation and pgvector's avg(), a clean restart and a crash.
 */
class StatisticsTest {
    private static final int DIMS = 8;

    @Test
    void viewsShowKnownContents() throws SQLException {
        try (RunningServer server = RunningServer.start(); Connection c = server.connect()) {
            execute(c, "CREATE TABLE t (id int PRIMARY KEY, embedding vector(2), category int, name text)");
            execute(c, "INSERT INTO t VALUES (1, '[3,4]', 1, 'a'), (2, '[6,8]', 1, 'b'), (3, NULL, 2, NULL), "
                    + "(4, '[0,1]', 3, 'c')");
            execute(c, "UPDATE t SET category = 1 WHERE id = 4");
            execute(c, "DELETE FROM t WHERE id = 2");

            assertThat(row(c, "SELECT relname, n_live_tup, n_dead_tup, n_tup_ins, n_tup_upd, n_tup_del, "
                    + "n_mod_since_analyze, last_analyze, analyze_count, vector_columns FROM quiver_stat.collections"))
                    .containsExactly("t", "3", "2", "4", "1", "1", "6", null, "0", "1");
            assertThat(row(c, "SELECT relname, n_live_tup, n_dead_tup, n_tup_ins, n_tup_upd, n_tup_del "
                    + "FROM pg_stat_user_tables")).containsExactly("t", "3", "2", "4", "1", "1");
            assertThat(queryStrings(c, "SELECT relname FROM pg_stat_all_tables")).containsExactly("t");
            assertThat(queryStrings(c, "SELECT reltuples FROM pg_class WHERE relname = 't'")).containsExactly("3");

            // The vectors left: [3,4] (norm 5) and [0,1] (norm 1); id 3 has none.
            assertThat(row(c, "SELECT attname, dimensions, n_vectors, null_frac, mean::text, "
                    + "norm_histogram_counts FROM quiver_stat.vector_columns"))
                    .containsExactly("embedding", "2", "2", "0.33333334", "[1.5,2.5]", "{2}");
            assertThat(Double.parseDouble(single(c, "SELECT min_norm FROM quiver_stat.vector_columns")))
                    .isCloseTo(1, within(1 / 4096.0)).isLessThanOrEqualTo(1);
            assertThat(Double.parseDouble(single(c, "SELECT max_norm FROM quiver_stat.vector_columns")))
                    .isCloseTo(5, within(5 / 4096.0)).isGreaterThanOrEqualTo(5);

            // category holds 1, 2, 1; name 'a', NULL, 'c'.
            assertThat(row(c, "SELECT null_frac, n_distinct, exact, most_common_vals, most_common_freqs, "
                    + "histogram_bounds FROM quiver_stat.columns WHERE attname = 'category'"))
                    .containsExactly("0", "2", "t", "{1}", "{0.6666667}", "{1,2}");
            assertThat(row(c, "SELECT null_frac, n_distinct, histogram_bounds FROM quiver_stat.columns "
                    + "WHERE attname = 'name'")).containsExactly("0.33333334", "2", "{a,c}");
            assertThat(row(c, "SELECT attname, null_frac, n_distinct, most_common_vals FROM pg_stats "
                    + "WHERE tablename = 't' AND attname = 'category'"))
                    .containsExactly("category", "0", "-0.6666667", "{1}");
            assertThat(queryStrings(c, "SELECT attname FROM pg_stats WHERE tablename = 't' ORDER BY attname"))
                    .containsExactly("category", "id", "name");

            execute(c, "ANALYZE t");
            assertThat(row(c, "SELECT n_live_tup, n_dead_tup, n_mod_since_analyze, last_analyze IS NOT NULL, "
                    + "analyze_count FROM pg_stat_user_tables")).containsExactly("3", "0", "0", "t", "1");

            execute(c, "CREATE INDEX t_hnsw ON t USING hnsw (embedding vector_l2_ops)");
            assertThat(row(c, "SELECT indexname, attname, access_method, loaded, entries, disk_bytes > 0, "
                    + "avg_degree IS NOT NULL, lists FROM quiver_stat.indexes"))
                    .containsExactly("t_hnsw", "embedding", "hnsw", "t", "2", "t", "t", null);

            execute(c, "TRUNCATE t");
            assertThat(row(c, "SELECT n_live_tup, n_dead_tup, n_tup_ins FROM quiver_stat.collections"))
                    .containsExactly("0", "0", "4");
            assertThat(queryStrings(c, "SELECT n_vectors FROM quiver_stat.vector_columns")).containsExactly("0");
        }
    }

    @Test
    void queriesAreCountedByShape() throws SQLException {
        try (RunningServer server = RunningServer.start(); Connection c = server.connect()) {
            execute(c, "CREATE TABLE q (id int PRIMARY KEY, embedding vector(2), category int)");
            execute(c, "INSERT INTO q VALUES (1, '[1,1]', 1), (2, '[2,2]', 1), (3, '[3,3]', 2)");
            queryStrings(c, "SELECT id FROM q WHERE category = 1");
            queryStrings(c, "SELECT id  FROM q WHERE category = 2 -- another constant");
            try (PreparedStatement knn = c.prepareStatement(
                    "SELECT id FROM q ORDER BY embedding <-> ?::vector LIMIT 2")) {
                for (int i = 0; i < 3; i++) {
                    knn.setString(1, "[" + i + ",0]");
                    try (ResultSet rs = knn.executeQuery()) {
                        while (rs.next()) {
                            rs.getInt(1);
                        }
                    }
                }
            }
            assertThat(row(c, "SELECT calls, total_rows, plan, total_ms > 0, mean_ms * calls - total_ms < 0.001, "
                    + "p50_ms <= p95_ms AND p95_ms <= p99_ms FROM quiver_stat.queries "
                    + "WHERE query = 'SELECT id FROM q WHERE category = $1'"))
                    .containsExactly("2", "3", "TableScan q", "t", "t", "t");
            assertThat(row(c, "SELECT calls, total_rows, plan FROM quiver_stat.queries "
                    + "WHERE query = 'SELECT id FROM q ORDER BY embedding <-> $1::vector LIMIT $2'"))
                    .containsExactly("3", "6", "ExactScan");
            assertThat(queryStrings(c, "SELECT query FROM quiver_stat.queries WHERE query LIKE 'INSERT%'"))
                    .containsExactly("INSERT INTO q VALUES ($1, $2, $3), ($4, $5, $6), ($7, $8, $9)");
        }
    }

    @Test
    void badAnalyzeFailsAndLeavesTheConnectionUsable() throws SQLException {
        try (RunningServer server = RunningServer.start(); Connection c = server.connect()) {
            assertFails(c, "ANALYZE nosuch", "42P01");
            assertUsable(c);
            execute(c, "CREATE TABLE a (x int)");
            assertFails(c, "ANALYZE a, nosuch", "42P01");
            assertUsable(c);
            c.setAutoCommit(false);
            execute(c, "INSERT INTO a VALUES (1)");
            execute(c, "ANALYZE a");
            c.commit();
            c.setAutoCommit(true);
            // The insert committed after ANALYZE's snapshot: it is counted once, on top of the recomputation.
            assertThat(row(c, "SELECT n_live_tup, n_tup_ins FROM pg_stat_user_tables")).containsExactly("1", "1");
        }
    }

    /**
     * A random mix of inserts, updates (vectors, categories, NULLs) and deletes in many transactions, some rolled
     * back: the statistics kept equal ANALYZE's recomputation, the true row count and pgvector's avg().
     */
    @Test
    void keptStatisticsEqualARecomputation() throws SQLException {
        Random random = new Random(11);
        try (RunningServer server = RunningServer.start(); Connection c = server.connect()) {
            execute(c, "CREATE TABLE r (id int PRIMARY KEY, embedding vector(" + DIMS + "), category int, "
                    + "score float8)");
            List<Integer> ids = new ArrayList<>();
            int nextId = 0;
            long changedRows = 0;
            c.setAutoCommit(false);
            // Prepared once: each distinct statement text would be planned anew.
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO r VALUES (?, ?::vector, ?, ?)");
                 PreparedStatement setVector = c.prepareStatement("UPDATE r SET embedding = ?::vector WHERE id = ?");
                 PreparedStatement clearVector = c.prepareStatement(
                         "UPDATE r SET embedding = NULL, category = ? WHERE id = ?");
                 PreparedStatement setCategory = c.prepareStatement("UPDATE r SET category = ? WHERE id = ?");
                 PreparedStatement delete = c.prepareStatement("DELETE FROM r WHERE id = ?")) {
                for (int round = 0; round < 40; round++) {
                    long changedThisRound = 0;
                    for (int i = 0; i < 50; i++) {
                        insert.setInt(1, nextId);
                        insert.setString(2, random.nextInt(10) == 0 ? null : vector(random));
                        insert.setInt(3, random.nextInt(20));
                        insert.setDouble(4, random.nextGaussian());
                        insert.addBatch();
                        ids.add(nextId++);
                    }
                    insert.executeBatch();
                    for (int i = 0; i < 15; i++) {
                        int id = ids.get(random.nextInt(ids.size()));
                        PreparedStatement update = switch (random.nextInt(3)) {
                            case 0 -> {
                                setVector.setString(1, vector(random));
                                yield setVector;
                            }
                            case 1 -> {
                                clearVector.setInt(1, random.nextInt(20));
                                yield clearVector;
                            }
                            default -> {
                                setCategory.setInt(1, random.nextInt(20));
                                yield setCategory;
                            }
                        };
                        update.setInt(2, id);
                        changedThisRound += update.executeUpdate();
                    }
                    for (int i = 0; i < 10; i++) {
                        delete.setInt(1, ids.remove(random.nextInt(ids.size())));
                        changedThisRound += delete.executeUpdate();
                    }
                    if (round % 7 == 3) {
                        c.rollback();
                        ids.clear();
                        ids.addAll(queryStrings(c, "SELECT id FROM r").stream().map(Integer::valueOf).toList());
                        nextId = ids.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
                    } else {
                        c.commit();
                        changedRows += changedThisRound;
                    }
                }
            }
            c.setAutoCommit(true);

            Map<String, String> kept = snapshot(c);
            assertThat(kept.get("n_live_tup")).isEqualTo(single(c, "SELECT count(*) FROM r"));
            assertThat(kept.get("n_dead_tup")).isEqualTo(Long.toString(changedRows));
            assertThat(kept.get("n_vectors")).isEqualTo(single(c, "SELECT count(embedding) FROM r"));
            assertMeanClose(kept.get("mean"), single(c, "SELECT avg(embedding)::text FROM r"));

            execute(c, "ANALYZE r");
            Map<String, String> recomputed = snapshot(c);
            assertThat(recomputed.get("n_dead_tup")).isEqualTo("0");
            assertMeanClose(kept.get("mean"), recomputed.get("mean"));
            for (String exact : List.of("n_live_tup", "n_vectors", "vector_null_frac", "min_norm", "max_norm",
                    "norm_histogram_bounds", "norm_histogram_counts", "category_null_frac", "category_n_distinct",
                    "category_mcv", "category_mcf", "category_histogram", "n_tup_ins", "n_tup_upd", "n_tup_del")) {
                assertThat(kept.get(exact)).as(exact).isEqualTo(recomputed.get(exact));
            }
        }
    }

    @Test
    void statisticsSurviveARestart() throws SQLException {
        try (RunningServer server = RunningServer.start()) {
            try (Connection c = server.connect()) {
                loadS(c, new Random(5));
            }
            Map<String, String> before;
            try (Connection c = server.connect()) {
                before = snapshot(c);
            }
            server.restart();
            try (Connection c = server.connect()) {
                assertThat(snapshot(c)).isEqualTo(before);
            }
        }
    }

    /** A crash loses the statistics kept since the start: they are recomputed from the rows on first use. */
    @Test
    void statisticsAreRecomputedAfterACrash() throws SQLException, IOException, InterruptedException {
        Path dataDirectory = Files.createTempDirectory("quiver-stats-crash");
        ServerProcess process = ServerProcess.start(dataDirectory);
        try {
            Map<String, String> before;
            try (Connection c = process.connect()) {
                loadS(c, new Random(5));
                before = snapshot(c);
            }
            process.kill();
            process = ServerProcess.start(dataDirectory);
            try (Connection c = process.connect()) {
                Map<String, String> after = snapshot(c);
                assertThat(after.get("n_live_tup")).isEqualTo("290");
                assertThat(after.get("n_tup_ins")).isEqualTo("0");
                assertMeanClose(after.get("mean"), before.get("mean"));
                for (String exact : List.of("n_vectors", "min_norm", "max_norm", "norm_histogram_counts",
                        "category_n_distinct", "category_mcv", "category_histogram")) {
                    assertThat(after.get(exact)).as(exact).isEqualTo(before.get(exact));
                }
            }
        } finally {
            process.close();
            try (var files = Files.walk(dataDirectory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Table s: 300 rows inserted in one transaction, 30 updated, 10 deleted. */
    private static void loadS(Connection c, Random random) throws SQLException {
        execute(c, "CREATE TABLE s (id int PRIMARY KEY, embedding vector(" + DIMS + "), category int, score float8)");
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO s VALUES (?, ?::vector, ?, ?)")) {
            for (int i = 0; i < 300; i++) {
                insert.setInt(1, i);
                insert.setString(2, vector(random));
                insert.setInt(3, i % 7);
                insert.setDouble(4, i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
        execute(c, "UPDATE s SET category = 9 WHERE id < 30");
        execute(c, "DELETE FROM s WHERE id >= 290");
    }

    /** Every statistic of table r or s (whichever exists) the views show, by name. */
    private static Map<String, String> snapshot(Connection c) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        values.putAll(columns(c, "SELECT n_live_tup, n_dead_tup, n_tup_ins, n_tup_upd, n_tup_del "
                + "FROM quiver_stat.collections"));
        values.putAll(columns(c, "SELECT n_vectors, null_frac AS vector_null_frac, mean::text AS mean, min_norm, "
                + "max_norm, norm_histogram_bounds, norm_histogram_counts FROM quiver_stat.vector_columns"));
        values.putAll(columns(c, "SELECT null_frac AS category_null_frac, n_distinct AS category_n_distinct, "
                + "most_common_vals AS category_mcv, most_common_freqs AS category_mcf, "
                + "histogram_bounds AS category_histogram FROM quiver_stat.columns WHERE attname = 'category'"));
        return values;
    }

    private static Map<String, String> columns(Connection c, String sql) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                values.put(meta.getColumnLabel(i), rs.getString(i));
            }
            assertThat(rs.next()).as(sql).isFalse();
        }
        return values;
    }

    /** The one row {@code sql} returns, its values as strings. */
    private static List<String> row(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(rs.getString(i));
            }
            assertThat(rs.next()).as(sql).isFalse();
        }
        return values;
    }

    private static String single(Connection c, String sql) throws SQLException {
        return queryStrings(c, sql).get(0);
    }

    private static void assertMeanClose(String actual, String expected) {
        float[] a = parse(actual);
        float[] e = parse(expected);
        assertThat(a).hasSameSizeAs(e);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("mean[%d]", i).isCloseTo(e[i], within(1e-4f));
        }
    }

    private static float[] parse(String vector) {
        String[] parts = vector.substring(1, vector.length() - 1).split(",");
        float[] values = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Float.parseFloat(parts[i]);
        }
        return values;
    }

    private static String vector(Random random) {
        StringBuilder text = new StringBuilder("[");
        for (int d = 0; d < DIMS; d++) {
            text.append(d == 0 ? "" : ",").append((float) (random.nextGaussian() * (1 + d)));
        }
        return text.append(']').toString();
    }
}

package io.quiver.server;

import static io.quiver.server.SqlAssertions.assertFails;
import static io.quiver.server.SqlAssertions.assertUsable;
import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.common.vector.VectorText;
import io.quiver.executor.vector.VectorIndexes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An index build seen from other connections: its row in pg_stat_progress_create_index, and a table that
 * stays readable and writable while it runs, with the rows written meanwhile in the finished index.
 */
class IndexBuildTest {
    private static final int ROWS = 8_000;
    private static final int DIMS = 128;
    /** Rows each of insert and delete touches while the build runs. */
    private static final int CHANGED = 50;
    /** A row no test changes. */
    private static final int UNTOUCHED = 1_000;
    private static final Random RANDOM = new Random(11);
    private static RunningServer server;
    private static final List<float[]> VECTORS = new ArrayList<>();

    @BeforeAll
    static void load() throws SQLException {
        server = RunningServer.start();
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE docs (id int PRIMARY KEY, embedding vector(" + DIMS + "))");
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO docs VALUES (?, ?::vector)")) {
                for (int i = 0; i < ROWS + CHANGED; i++) {
                    VECTORS.add(randomVector());
                    if (i < ROWS) {
                        insert.setInt(1, i);
                        insert.setString(2, VectorText.format(VECTORS.get(i)));
                        insert.addBatch();
                    }
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aBuildIsVisibleInProgressAndTheTableStaysWritable() throws Exception {
        try (Connection builder = server.connect(); Connection other = server.connect()) {
            int builderPid = Integer.parseInt(queryStrings(builder, "SELECT pg_backend_pid()").get(0));
            // A high ef_construction makes the build last seconds, long enough to be watched.
            CompletableFuture<Void> build = CompletableFuture.runAsync(() -> {
                try {
                    execute(builder, "CREATE INDEX CONCURRENTLY docs_hnsw ON docs USING hnsw (embedding vector_l2_ops)"
                            + " WITH (m = 16, ef_construction = 400)");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            List<String> progress = awaitProgressRow(other, build);
            assertThat(progress).isNotEmpty();
            String[] row = progress.get(0).split("\\|", -1);
            assertThat(row[0]).isEqualTo(Integer.toString(builderPid));
            assertThat(row[1]).isEqualTo("docs");
            String indexOid = row[2];
            assertThat(row[3]).isEqualTo("CREATE INDEX CONCURRENTLY");
            assertThat(row[4]).startsWith("building index");
            assertThat(Long.parseLong(row[5])).isEqualTo(ROWS);
            assertThat(Long.parseLong(row[6])).isBetween(0L, (long) ROWS);

            // Writes and reads during the build.
            for (int i = ROWS; i < ROWS + CHANGED; i++) {
                execute(other, "INSERT INTO docs VALUES (" + i + ", '" + VectorText.format(VECTORS.get(i)) + "')");
            }
            execute(other, "DELETE FROM docs WHERE id < " + CHANGED);
            assertThat(nearest(other, VECTORS.get(0))).isNotEqualTo(0);
            assertThat(nearest(other, VECTORS.get(ROWS))).isEqualTo(ROWS);
            assertThat(build.isDone()).as("the build was still running while the table was written").isFalse();

            build.get(5, TimeUnit.MINUTES);
            assertThat(queryStrings(other, "SELECT count(*) FROM pg_stat_progress_create_index")).containsExactly("0");
            assertThat(queryStrings(other, "SELECT count(*) FROM docs")).containsExactly(Integer.toString(ROWS));
            assertThat(queryStrings(other, "SELECT oid FROM pg_class WHERE relname = 'docs_hnsw'"))
                    .containsExactly(indexOid);
            assertThat(String.join("\n", queryStrings(other, "EXPLAIN SELECT id FROM docs ORDER BY embedding <-> '"
                    + VectorText.format(VECTORS.get(0)) + "' LIMIT 10"))).contains("index=[docs_hnsw]");
            // Random 128-d Gaussians are HNSW's hardest data: at the default ef_search one of the 50 inserted rows
            // is not its own nearest neighbour in the graph (HEAD fails so too); a wide search finds all of them.
            execute(other, "SET hnsw.ef_search = 400");
            for (int i = 0; i < CHANGED; i++) {
                assertThat(nearest(other, VECTORS.get(ROWS + i))).as("row inserted during the build").isEqualTo(ROWS + i);
                assertThat(nearest(other, VECTORS.get(i))).as("row deleted during the build").isNotEqualTo(i);
            }
        }
    }

    @Test
    void concurrentlyIsRefusedInATransactionBlock() throws SQLException {
        try (Connection c = server.connect()) {
            c.setAutoCommit(false);
            SQLException error = assertFails(c,
                    "CREATE INDEX CONCURRENTLY ON docs USING hnsw (embedding vector_cosine_ops)", "25001");
            assertThat(error.getMessage()).contains("CREATE INDEX CONCURRENTLY cannot run inside a transaction block");
            c.rollback();
            c.setAutoCommit(true);
            assertUsable(c);
        }
    }

    /**
     * Once CREATE INDEX has built an index, nothing builds it again: not a later statement of its own
     * transaction (which sees the index in its catalog before it is published), not a query after the commit.
     */
    @Test
    void anIndexIsBuiltOncePerCreateIndex() throws SQLException {
        VectorIndexes indexes = server.server().engine().vectorIndexes();
        long builds = indexes.builds();
        try (Connection c = server.connect()) {
            c.setAutoCommit(false);
            execute(c, "CREATE INDEX docs_l1 ON docs USING hnsw (embedding vector_l1_ops) WITH (m = 8, ef_construction = 32)");
            assertThat(indexes.unpublished()).isEqualTo(1);
            assertThat(explainL1(c)).contains("index=[docs_l1]");
            assertThat(nearestL1(c)).hasSize(10);
            assertThat(indexes.builds()).isEqualTo(builds + 1);
            c.commit();
            assertThat(indexes.unpublished()).isZero();
            assertThat(nearestL1(c)).hasSize(10);
            assertThat(indexes.builds()).isEqualTo(builds + 1);
            execute(c, "DROP INDEX docs_l1");
            c.commit();
        }
    }

    /** An index built in a transaction that rolls back, even after serving a query in it, is forgotten. */
    @Test
    void anIndexBuiltInARolledBackTransactionIsForgotten() throws SQLException {
        VectorIndexes indexes = server.server().engine().vectorIndexes();
        try (Connection c = server.connect()) {
            c.setAutoCommit(false);
            execute(c, "CREATE INDEX docs_l1_rolled_back ON docs USING hnsw (embedding vector_l1_ops)"
                    + " WITH (m = 8, ef_construction = 32)");
            assertThat(explainL1(c)).contains("index=[docs_l1_rolled_back]");
            assertThat(nearestL1(c)).hasSize(10);
            c.rollback();
            assertThat(indexes.unpublished()).isZero();
            assertThat(explainL1(c)).contains("ExactScan").doesNotContain("docs_l1_rolled_back");
            assertThat(nearestL1(c).get(0)).isEqualTo(Integer.toString(UNTOUCHED));
            c.setAutoCommit(true);
            assertUsable(c);
        }
    }

    private static String explainL1(Connection c) throws SQLException {
        return String.join("\n", queryStrings(c, "EXPLAIN " + nearestL1Query()));
    }

    /** The rows nearest to row {@link #UNTOUCHED} by L1 (an index on random 128-d data may miss the row itself). */
    private static List<String> nearestL1(Connection c) throws SQLException {
        return queryStrings(c, nearestL1Query());
    }

    private static String nearestL1Query() {
        return "SELECT id FROM docs ORDER BY embedding <+> '" + VectorText.format(VECTORS.get(UNTOUCHED)) + "' LIMIT 10";
    }

    /** Polls the progress view until it shows the build (or the build ends, which fails the caller's checks). */
    private static List<String> awaitProgressRow(Connection c, CompletableFuture<Void> build) throws Exception {
        while (!build.isDone()) {
            // The index's pg_class row commits with the build, so only the table is joined.
            List<String> rows = queryStrings(c, "SELECT p.pid || '|' || t.relname || '|' || p.index_relid || '|'"
                    + " || p.command || '|' || p.phase || '|' || p.tuples_total || '|' || p.tuples_done"
                    + " FROM pg_stat_progress_create_index p JOIN pg_class t ON t.oid = p.relid"
                    + " WHERE p.datname = current_database()");
            if (!rows.isEmpty()) {
                return rows;
            }
            Thread.sleep(10);
        }
        build.get();
        return List.of();
    }

    private static int nearest(Connection c, float[] vector) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM docs ORDER BY embedding <-> ?::vector LIMIT 1")) {
            select.setString(1, VectorText.format(vector));
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getInt(1);
            }
        }
    }

    private static float[] randomVector() {
        float[] vector = new float[DIMS];
        for (int d = 0; d < DIMS; d++) {
            vector[d] = (float) RANDOM.nextGaussian();
        }
        return vector;
    }

}

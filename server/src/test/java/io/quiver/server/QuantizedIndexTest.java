package io.quiver.server;

import static io.quiver.server.SqlAssertions.assertFails;
import static io.quiver.server.SqlAssertions.assertUsable;
import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.insertInBatches;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.common.vector.VectorText;
import io.quiver.index.LowRankClusters;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Quantized vector indexes ({@code WITH (quantization = 'sq8' | 'pq' | 'bq')}) through SQL on 20,000 clustered
 * 128-d vectors: recall against the exact plan, memory against the float32 indexes, EXPLAIN, writes after the
 * build, a restart without rebuild, and option errors. One index on the column at a time, so the planner's
 * choice is the index under test; the methods run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuantizedIndexTest {
    private static final int ROWS = 20_000;
    private static final int DIMS = 128;
    private static final int K = 10;
    private static final int QUERIES = 50;
    private static final LowRankClusters DATA = new LowRankClusters(DIMS, 50, 8, new Random(11));
    private static RunningServer server;
    private static Connection connection;
    private static long float32HnswBytes;
    private static long float32IvfflatBytes;

    @BeforeAll
    static void load() throws SQLException {
        server = RunningServer.start();
        connection = server.connect();
        execute(connection, "CREATE TABLE items (id int PRIMARY KEY, embedding vector(" + DIMS + "))");
        insertInBatches(connection, "INSERT INTO items VALUES (?, ?::vector)", ROWS, (insert, i) -> {
            insert.setInt(1, i);
            insert.setString(2, VectorText.format(DATA.next()));
        });
        execute(connection, "ANALYZE items");
    }

    @AfterAll
    static void stop() throws SQLException {
        connection.close();
        server.close();
    }

    @Test
    @Order(1)
    void float32Baselines() throws SQLException {
        execute(connection, "CREATE INDEX items_hnsw ON items USING hnsw (embedding vector_l2_ops)");
        float32HnswBytes = memoryBytes("items_hnsw");
        execute(connection, "DROP INDEX items_hnsw");
        execute(connection, "CREATE INDEX items_ivf ON items USING ivfflat (embedding vector_l2_ops) WITH (lists = 20)");
        float32IvfflatBytes = memoryBytes("items_ivf");
        execute(connection, "DROP INDEX items_ivf");
        // The float32 IVFFlat keeps a copy of every vector: 512 bytes a row.
        assertThat(float32IvfflatBytes).isGreaterThan(ROWS * DIMS * 4L);
    }

    /**
     * The graph is the float32 index's; the codes on top of it (and their codebook) cost at most a quarter of the
     * float32 IVFFlat, which is a copy of the vectors.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sq8", "pq", "bq"})
    @Order(2)
    void hnswRecallMemoryAndExplain(String method) throws SQLException {
        execute(connection, "CREATE INDEX items_q ON items USING hnsw (embedding vector_l2_ops) WITH (quantization = '"
                + method + "')");
        try {
            assertThat(recall()).as("recall@10 of hnsw %s", method).isGreaterThanOrEqualTo(0.95);
            long codes = memoryBytes("items_q") - float32HnswBytes;
            assertThat(codes).isPositive().isLessThanOrEqualTo(float32IvfflatBytes / 4);
            assertThat(explain()).contains("method=[hnsw], ef_search=[40], quantization=[" + expectedName(method)
                    + "], reranked=[" + Math.max(40, K * expectedRerank(method)) + "]");
            assertThat(queryStrings(connection,
                    "SELECT quantization FROM quiver_stat.indexes WHERE indexname = 'items_q'"))
                    .containsExactly(expectedName(method));
        } finally {
            execute(connection, "DROP INDEX items_q");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sq8", "pq", "bq"})
    @Order(3)
    void ivfflatRecallMemoryAndExplain(String method) throws SQLException {
        execute(connection, "CREATE INDEX items_q ON items USING ivfflat (embedding vector_l2_ops) WITH (lists = 20, "
                + "quantization = '" + method + "')");
        execute(connection, "SET ivfflat.probes = 10");
        try {
            assertThat(recall()).as("recall@10 of ivfflat %s", method).isGreaterThanOrEqualTo(0.95);
            // sq8 codes are a quarter of the floats; each entry's slot number (4 bytes, as in float32) comes on top.
            double share = method.equals("sq8") ? 0.26 : 0.25;
            assertThat((double) memoryBytes("items_q")).isLessThanOrEqualTo(float32IvfflatBytes * share);
            assertThat(explain()).contains("method=[ivfflat], probes=[10], quantization=[" + expectedName(method)
                    + "], reranked=[" + K * expectedRerank(method) + "]");
        } finally {
            execute(connection, "RESET ivfflat.probes");
            execute(connection, "DROP INDEX items_q");
        }
    }

    @Test
    @Order(4)
    void writesAfterTheBuildAndARestartWithoutRebuild() throws SQLException {
        execute(connection, "CREATE INDEX items_pq ON items USING hnsw (embedding vector_l2_ops) "
                + "WITH (quantization = pq, pq_subspaces = 64, rerank = 5)");
        assertThat(explain()).contains("quantization=[pq(64) rerank=5], reranked=[50]");
        assertThat(queryStrings(connection, "SELECT pg_relation_size('items_pq') > 0")).containsExactly("t");
        float[] added = DATA.next();
        execute(connection, "INSERT INTO items VALUES (" + ROWS + ", '" + VectorText.format(added) + "')");
        assertThat(ids(added).get(0)).isEqualTo(ROWS);
        float[] query = DATA.next();
        List<Integer> before = ids(query);
        connection.close();
        server.restart();
        connection = server.connect();
        assertThat(ids(query)).isEqualTo(before);
        assertThat(ids(added).get(0)).isEqualTo(ROWS);
        assertThat(server.server().engine().vectorIndexes().builds()).isZero();
        execute(connection, "DELETE FROM items WHERE id = " + ROWS);
        assertThat(ids(added)).hasSize(K).doesNotContain(ROWS);
        assertThat(recall()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    @Order(5)
    void badOptionsFailWithPgvectorStyleErrors() throws SQLException {
        String create = "CREATE INDEX items_bad ON items USING hnsw (embedding vector_l2_ops) WITH ";
        assertThat(assertFails(connection, create + "(quantization = 'int4')", "22023").getMessage())
                .contains("invalid value for enum option \"quantization\": int4");
        assertUsable(connection);
        assertThat(assertFails(connection, create + "(pq_subspaces = 8)", "22023").getMessage())
                .contains("pq_subspaces requires quantization = 'pq'");
        assertThat(assertFails(connection, create + "(quantization = 'pq', pq_subspaces = 0)", "22023").getMessage())
                .contains("value 0 out of bounds for option \"pq_subspaces\"");
        assertThat(assertFails(connection, create + "(quantization = 'pq', pq_subspaces = 129)", "22023").getMessage())
                .contains("pq_subspaces must be less than or equal to the number of dimensions (128)");
        assertThat(assertFails(connection, create + "(quantization = 'bq', rerank = 0)", "22023").getMessage())
                .contains("value 0 out of bounds for option \"rerank\"");
        assertThat(assertFails(connection, "CREATE INDEX items_bad ON items USING ivfflat (embedding vector_l2_ops) "
                + "WITH (quantization = 'x')", "22023").getMessage()).contains("Valid values are");
        assertUsable(connection);
        // ALTER INDEX ... SET checks as CREATE INDEX does and takes effect at the next REINDEX.
        assertFails(connection, "ALTER INDEX items_pq SET (quantization = 'int4')", "22023");
        execute(connection, "ALTER INDEX items_pq RESET (pq_subspaces, rerank)");
        execute(connection, "ALTER INDEX items_pq SET (quantization = 'sq8')");
        execute(connection, "REINDEX INDEX items_pq");
        assertThat(explain()).contains("quantization=[sq8 rerank=1], reranked=[40]");
        assertUsable(connection);
    }

    private static String expectedName(String method) {
        return (method.equals("pq") ? "pq(32)" : method) + " rerank=" + expectedRerank(method);
    }

    private static int expectedRerank(String method) {
        return switch (method) {
            case "pq" -> 8;
            case "bq" -> 20;
            default -> 1;
        };
    }

    private static long memoryBytes(String index) throws SQLException {
        // The first search loads the index if it is not in memory yet.
        ids(DATA.next());
        return Long.parseLong(queryStrings(connection,
                "SELECT memory_bytes FROM quiver_stat.indexes WHERE indexname = '" + index + "'").get(0));
    }

    private static String explain() throws SQLException {
        return String.join("\n", queryStrings(connection, "EXPLAIN SELECT id FROM items ORDER BY embedding <-> '"
                + VectorText.format(DATA.next()) + "' LIMIT " + K));
    }

    /** The share of the exact top-k the index plan finds, over {@link #QUERIES} queries. */
    private static double recall() throws SQLException {
        int found = 0;
        for (int q = 0; q < QUERIES; q++) {
            float[] query = DATA.next();
            List<Integer> approximate = ids(query);
            execute(connection, "SET enable_indexscan = off");
            Set<Integer> exact = new HashSet<>(ids(query));
            execute(connection, "RESET enable_indexscan");
            found += (int) approximate.stream().filter(exact::contains).count();
        }
        return found / (double) (QUERIES * K);
    }

    private static List<Integer> ids(float[] query) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM items ORDER BY embedding <-> ?::vector LIMIT " + K)) {
            select.setString(1, VectorText.format(query));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            }
        }
        return ids;
    }
}

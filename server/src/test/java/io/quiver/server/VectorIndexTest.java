package io.quiver.server;

import static io.quiver.server.SqlAssertions.assertFails;
import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.insertInBatches;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.common.vector.VectorText;
import io.quiver.index.LowRankClusters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Vector indexes through SQL on 20,000 clustered 128-d vectors: recall of HNSW and IVFFlat against the exact
 * plan, filtered k-NN, EXPLAIN, writes after CREATE INDEX, errors, and an index surviving a restart unbuilt.
 * The methods share one table and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VectorIndexTest {
    private static final int ROWS = 20_000;
    private static final int DIMS = 128;
    private static final int CLUSTERS = 50;
    private static final int K = 10;
    /** Queries per recall measure: enough that one query in an unluckily connected region does not decide it. */
    private static final int QUERIES = 100;
    private static RunningServer server;
    private static Connection connection;
    /** Each cluster spreads along a few directions, as real embeddings have a low intrinsic dimension. */
    private static final int CLUSTER_DIRECTIONS = 8;
    private static LowRankClusters data;

    @BeforeAll
    static void load() throws SQLException {
        server = RunningServer.start();
        data = new LowRankClusters(DIMS, CLUSTERS, CLUSTER_DIRECTIONS, new Random(7));
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE items (id int PRIMARY KEY, category int, embedding vector(" + DIMS + "))");
            insertInBatches(c, "INSERT INTO items (id, category, embedding) VALUES (?, ?, ?::vector)", ROWS,
                    (insert, i) -> {
                        insert.setInt(1, i);
                        insert.setInt(2, i % 1000);
                        insert.setString(3, VectorText.format(nearCenter()));
                    });
        }
        connection = server.connect();
    }

    @AfterAll
    static void stop() throws SQLException {
        connection.close();
        server.close();
    }

    @Test
    @Order(1)
    void hnswL2RecallAgainstTheExactPlan() throws SQLException {
        execute(connection, "CREATE INDEX ON items USING hnsw (embedding vector_l2_ops)");
        assertThat(recall("<->")).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    @Order(2)
    void explainShowsTheIndexOrTheExactScan() throws SQLException {
        String query = "EXPLAIN SELECT id FROM items ORDER BY embedding <-> '" + VectorText.format(nearCenter()) + "' LIMIT 10";
        assertThat(String.join("\n", queryStrings(connection, query)))
                .contains("VectorSearch(table=[items], index=[items_embedding_idx], method=[hnsw], ef_search=[40]")
                .contains("k=[10]");
        execute(connection, "SET enable_indexscan = off");
        assertThat(String.join("\n", queryStrings(connection, query))).contains("ExactScan(table=[items]")
                .doesNotContain("VectorSearch");
        execute(connection, "RESET enable_indexscan");
    }

    @Test
    @Order(3)
    void filtersAlwaysGetKRows() throws SQLException {
        float[] query = nearCenter();
        // category = 7 keeps 20 rows (0.1%); category % 2 = 0 half of them.
        List<Integer> selective = ids(connection, "<->", "WHERE category = 7", query);
        assertThat(selective).hasSize(K);
        assertThat(selective).allMatch(id -> id % 1000 == 7);
        List<Integer> broad = ids(connection, "<->", "WHERE category % 2 = 0", query);
        assertThat(broad).hasSize(K);
        assertThat(broad).allMatch(id -> id % 2 == 0);
    }

    /**
     * The planner reads the filter's selectivity from the column statistics: category = 7 holds 20 of the
     * 20,000 rows (0.1%), so an index walk would have to produce ~10,000 candidates and the exact scan is
     * cheaper; category < 500 holds half of them, and the index is.
     */
    @Test
    @Order(3)
    void filterSelectivityChoosesBetweenExactScanAndIndex() throws SQLException {
        String vector = VectorText.format(nearCenter());
        String selectivePlan = String.join("\n", queryStrings(connection, "EXPLAIN SELECT id FROM items "
                + "WHERE category = 7 ORDER BY embedding <-> '" + vector + "' LIMIT 10"));
        assertThat(selectivePlan).contains("ExactScan(table=[items]").contains("selectivity=[0.001000]")
                .containsPattern(
                        "Alternatives: ExactScan cost=\\d+, VectorSearch\\(hnsw items_embedding_idx\\) cost=\\d+")
                .doesNotContain("VectorSearch(table=");
        String broadPlan = String.join("\n", queryStrings(connection, "EXPLAIN SELECT id FROM items "
                + "WHERE category < 500 ORDER BY embedding <-> '" + vector + "' LIMIT 10"));
        assertThat(broadPlan).contains("VectorSearch(table=[items], index=[items_embedding_idx]")
                .containsPattern(
                        "Alternatives: VectorSearch\\(hnsw items_embedding_idx\\) cost=\\d+, ExactScan cost=\\d+");

        assertThat(filteredRecall("WHERE category = 7", id -> id % 1000 == 7)).isEqualTo(1.0);
        assertThat(filteredRecall("WHERE category < 500", id -> id % 1000 < 500)).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    @Order(4)
    void writesAfterCreateIndexAreSeen() throws SQLException {
        float[] vector = nearCenter();
        execute(connection, "INSERT INTO items VALUES (" + ROWS + ", 0, '" + VectorText.format(vector) + "')");
        assertThat(ids(connection, "<->", "", vector).get(0)).isEqualTo(ROWS);
        execute(connection, "DELETE FROM items WHERE id = " + ROWS);
        assertThat(ids(connection, "<->", "", vector)).hasSize(K).doesNotContain(ROWS);
        float[] moved = nearCenter();
        execute(connection, "UPDATE items SET embedding = '" + VectorText.format(moved) + "' WHERE id = 1");
        assertThat(ids(connection, "<->", "", moved).get(0)).isEqualTo(1);
    }

    @Test
    @Order(5)
    void aTransactionFindsItsOwnUncommittedRows() throws SQLException {
        float[] vector = nearCenter();
        connection.setAutoCommit(false);
        try {
            execute(connection, "INSERT INTO items VALUES (" + (ROWS + 1) + ", 0, '" + VectorText.format(vector) + "')");
            assertThat(ids(connection, "<->", "", vector).get(0)).isEqualTo(ROWS + 1);
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        assertThat(ids(connection, "<->", "", vector)).doesNotContain(ROWS + 1);
    }

    @Test
    @Order(6)
    void hnswCosineRecall() throws SQLException {
        execute(connection, "CREATE INDEX items_cosine ON items USING hnsw (embedding vector_cosine_ops)");
        assertThat(recall("<=>")).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    @Order(7)
    void ivfflatRecall() throws SQLException {
        execute(connection, "DROP INDEX items_embedding_idx");
        execute(connection, "CREATE INDEX items_ivf ON items USING ivfflat (embedding vector_l2_ops) WITH (lists = 100)");
        execute(connection, "SET ivfflat.probes = 10");
        assertThat(String.join("\n", queryStrings(connection, "EXPLAIN SELECT id FROM items ORDER BY embedding <-> '"
                + VectorText.format(nearCenter()) + "' LIMIT 10"))).contains("index=[items_ivf], method=[ivfflat], probes=[10]");
        assertThat(recall("<->")).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    @Order(8)
    void hnswInnerProductRecall() throws SQLException {
        execute(connection, "CREATE INDEX items_ip ON items USING hnsw (embedding vector_ip_ops)");
        assertThat(recall("<#>")).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    @Order(8)
    void hnswL1Recall() throws SQLException {
        execute(connection, "CREATE INDEX items_l1 ON items USING hnsw (embedding vector_l1_ops)");
        assertThat(recall("<+>")).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    @Order(8)
    void explainAnalyzeCountsTheSearchesWork() throws SQLException {
        String query = "SELECT id FROM items ORDER BY embedding <=> '" + VectorText.format(nearCenter()) + "' LIMIT 10";
        String hnsw = String.join("\n", queryStrings(connection, "EXPLAIN ANALYZE " + query));
        assertThat(hnsw).containsPattern("VectorSearch on items using items_cosine: actual rows=1[01], time=[0-9.]+ ms,"
                + " distance computations=[1-9][0-9]+, nodes visited=[1-9][0-9]+").contains("Actual Rows: 10");
        execute(connection, "SET enable_indexscan = off");
        String exact = String.join("\n", queryStrings(connection, "EXPLAIN ANALYZE " + query));
        execute(connection, "RESET enable_indexscan");
        // One pass over the table: every row's distance once.
        assertThat(exact).containsPattern("ExactScan on items: actual rows=1[01], time=[0-9.]+ ms,"
                + " distance computations=" + ROWS + "\n");
    }

    @Test
    @Order(8)
    void badIndexDefinitionsFailAsInPgvector() {
        assertFails(connection, "CREATE INDEX ON items USING hnsw (embedding vector_l2_ops) WITH (m = 1)", "22023");
        assertFails(connection, "CREATE INDEX ON items USING hnsw (embedding vector_foo_ops)", "42704");
        assertFails(connection, "CREATE INDEX ON items USING ivfflat (embedding vector_l1_ops)", "42704");
        assertFails(connection, "CREATE INDEX ON items USING hnsw (nope vector_l2_ops)", "42703");
        assertFails(connection, "CREATE INDEX items_ivf ON items USING hnsw (embedding vector_l2_ops)", "42P07");
        assertFails(connection, "DROP INDEX nope", "42704");
    }

    @Test
    @Order(9)
    void indexesSurviveARestartWithoutRebuild() throws SQLException, IOException {
        float[] query = nearCenter();
        List<Integer> before = ids(connection, "<=>", "", query);
        connection.close();
        server.restart();
        connection = server.connect();
        assertThat(ids(connection, "<=>", "", query)).isEqualTo(before);
        assertThat(server.server().engine().vectorIndexes().builds()).isZero();
        execute(connection, "DROP TABLE items");
        try (Stream<Path> left = Files.list(server.dataDirectory().resolve("indexes"))) {
            assertThat(left).isEmpty();
        }
    }

    /**
     * The share of the exact filtered top-k the planner's choice finds over 20 queries, checking that each
     * answer has k rows that all pass the filter.
     */
    private static double filteredRecall(String where, java.util.function.IntPredicate passes) throws SQLException {
        int found = 0;
        int queries = 20;
        for (int q = 0; q < queries; q++) {
            float[] query = nearCenter();
            List<Integer> chosen = ids(connection, "<->", where, query);
            assertThat(chosen).hasSize(K).allMatch(passes::test);
            execute(connection, "SET enable_indexscan = off");
            Set<Integer> exact = new HashSet<>(ids(connection, "<->", where, query));
            execute(connection, "RESET enable_indexscan");
            found += (int) chosen.stream().filter(exact::contains).count();
        }
        return found / (double) (queries * K);
    }

    /** The share of the exact top-k the index plan finds, over {@link #QUERIES} queries. */
    private static double recall(String operator) throws SQLException {
        int found = 0;
        for (int q = 0; q < QUERIES; q++) {
            float[] query = nearCenter();
            List<Integer> approximate = ids(connection, operator, "", query);
            execute(connection, "SET enable_indexscan = off");
            Set<Integer> exact = new HashSet<>(ids(connection, operator, "", query));
            execute(connection, "RESET enable_indexscan");
            found += (int) approximate.stream().filter(exact::contains).count();
        }
        return found / (double) (QUERIES * K);
    }

    private static List<Integer> ids(Connection c, String operator, String where, float[] query) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM items " + where + " ORDER BY embedding "
                + operator + " ?::vector LIMIT " + K)) {
            select.setString(1, VectorText.format(query));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            }
        }
        return ids;
    }

    private static float[] nearCenter() {
        return data.next();
    }
}

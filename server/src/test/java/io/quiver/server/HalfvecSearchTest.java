package io.quiver.server;

import static io.quiver.server.SqlAssertions.assertFailsWith;
import static io.quiver.server.SqlAssertions.assertUsable;
import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.explain;
import static io.quiver.server.SqlAssertions.insertInBatches;
import static io.quiver.server.SqlAssertions.queryStrings;
import static io.quiver.server.SqlAssertions.restartKeepsIndex;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.common.vector.VectorText;
import io.quiver.index.LowRankClusters;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
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
 * k-NN over halfvec on 20,000 clustered 128-d vectors: the exact SIMD scan ranks as the full sort does,
 * halfvec's operator classes build HNSW and IVFFlat indexes the planner chooses, with pgvector's recall,
 * errors and catalog rows, and an index survives a restart. The methods share one table and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HalfvecSearchTest {
    private static final int ROWS = 20_000;
    private static final int DIMS = 128;
    private static final int K = 10;
    private static final int QUERIES = 100;
    private static final LowRankClusters VECTORS = new LowRankClusters(DIMS, 50, 8, new Random(11));
    private static RunningServer server;
    private static Connection connection;

    @BeforeAll
    static void load() throws SQLException {
        server = RunningServer.start();
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE items (id int PRIMARY KEY, category int, embedding halfvec(" + DIMS + "))");
            insertInBatches(c, "INSERT INTO items (id, category, embedding) VALUES (?, ?, ?::halfvec)", ROWS,
                    (insert, i) -> {
                        insert.setInt(1, i);
                        insert.setInt(2, i % 1000);
                        insert.setString(3, VectorText.format(VECTORS.next()));
                    });
        }
        connection = server.connect();
    }

    @AfterAll
    static void stop() throws SQLException {
        connection.close();
        server.close();
    }

    /**
     * Without an index the exact scan serves every distance and returns the rows and distances of the full sort,
     * which a second sort key forces: halfvec's halves are exact in float32, so both rank the same values.
     */
    @ParameterizedTest
    @ValueSource(strings = {"<->", "<#>", "<=>", "<+>"})
    @Order(1)
    void exactScanRanksAsTheFullSort(String operator) throws SQLException {
        String vector = VectorText.format(VECTORS.next());
        String knn = "SELECT id, embedding " + operator + " '" + vector + "' FROM items WHERE category < 900"
                + " ORDER BY embedding " + operator + " '" + vector + "' LIMIT " + K;
        String sorted = knn.replace(" LIMIT ", ", id LIMIT ");
        assertThat(explain(connection, knn)).contains("ExactScan(table=[items], operator=[" + operator + "]");
        assertThat(explain(connection, sorted)).doesNotContain("ExactScan").contains("EnumerableSort");
        List<String> exact = rows(knn);
        assertThat(exact).hasSize(K).isEqualTo(rows(sorted));
    }

    @Test
    @Order(2)
    void hnswL2RecallAgainstTheExactPlan() throws SQLException {
        execute(connection, "CREATE INDEX items_hnsw ON items USING hnsw (embedding halfvec_l2_ops)");
        assertThat(explain(connection, "SELECT id FROM items ORDER BY embedding <-> '"
                + VectorText.format(VECTORS.next())
                + "' LIMIT 10")).contains("VectorSearch(table=[items], index=[items_hnsw], method=[hnsw]");
        assertThat(recall("<->", QUERIES)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    @Order(3)
    void writesAfterCreateIndexAreSeen() throws SQLException {
        float[] vector = VECTORS.next();
        execute(connection, "INSERT INTO items VALUES (" + ROWS + ", 0, '" + VectorText.format(vector) + "')");
        assertThat(ids("<->", vector).get(0)).isEqualTo(ROWS);
        execute(connection, "DELETE FROM items WHERE id = " + ROWS);
        assertThat(ids("<->", vector)).hasSize(K).doesNotContain(ROWS);
    }

    @Test
    @Order(4)
    void ivfflatCosineRecall() throws SQLException {
        execute(connection, "CREATE INDEX items_ivf ON items USING ivfflat (embedding halfvec_cosine_ops) "
                + "WITH (lists = 100)");
        execute(connection, "SET ivfflat.probes = 10");
        assertThat(explain(connection, "SELECT id FROM items ORDER BY embedding <=> '"
                + VectorText.format(VECTORS.next())
                + "' LIMIT 10")).contains("index=[items_ivf], method=[ivfflat], probes=[10]");
        assertThat(recall("<=>", 20)).isGreaterThanOrEqualTo(0.90);
        execute(connection, "RESET ivfflat.probes");
    }

    /** Every halfvec operator class is accepted, listed by pg_opclass and printed by pg_get_indexdef. */
    @Test
    @Order(5)
    void everyOperatorClassIsCatalogued() throws SQLException {
        execute(connection, "CREATE TABLE few (id int, h halfvec(3))");
        execute(connection, "INSERT INTO few VALUES (1, '[1,2,3]'), (2, '[3,2,1]')");
        List<String> expected = new ArrayList<>();
        for (String opclass : List.of("hnsw halfvec_l2_ops", "hnsw halfvec_ip_ops", "hnsw halfvec_cosine_ops",
                "hnsw halfvec_l1_ops", "ivfflat halfvec_l2_ops", "ivfflat halfvec_ip_ops",
                "ivfflat halfvec_cosine_ops")) {
            String[] parts = opclass.split(" ");
            String name = "few_" + parts[0] + "_" + parts[1];
            String with = parts[0].equals("ivfflat") ? " WITH (lists='1')" : "";
            execute(connection, "CREATE INDEX " + name + " ON few USING " + parts[0] + " (h " + parts[1] + ")" + with);
            expected.add("CREATE INDEX " + name + " ON public.few USING " + parts[0] + " (h " + parts[1] + ")" + with);
        }
        assertThat(queryStrings(connection, "SELECT pg_get_indexdef(indexrelid) FROM pg_index "
                + "WHERE indrelid = 'few'::regclass")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(queryStrings(connection, "SELECT a.amname || ' ' || c.opcname || ' ' "
                + "|| c.opcnamespace::regnamespace "
                + "FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod "
                + "JOIN pg_type t ON t.oid = c.opcintype WHERE t.typname = 'halfvec' AND NOT c.opcdefault ORDER BY 1"))
                .containsExactly("hnsw halfvec_cosine_ops public", "hnsw halfvec_ip_ops public",
                        "hnsw halfvec_l1_ops public", "hnsw halfvec_l2_ops public",
                        "ivfflat halfvec_cosine_ops public", "ivfflat halfvec_ip_ops public",
                        "ivfflat halfvec_l2_ops public");
        assertThat(queryStrings(connection, "SELECT id FROM few ORDER BY h <+> '[3,2,1.5]' LIMIT 1"))
                .containsExactly("2");
        execute(connection, "DROP TABLE few");
    }

    /** pgvector's errors (messages checked on PostgreSQL 15 + pgvector 0.8.6), each leaving the session usable. */
    @Test
    @Order(6)
    void badIndexDefinitionsAndQueriesFailAsInPgvector() throws SQLException {
        execute(connection, "CREATE TABLE odd (v vector(3), h halfvec, wide halfvec(4001), big halfvec(3000), "
                + "bigv vector(3000))");
        assertFailsWith(connection, "CREATE INDEX ON items USING hnsw (embedding vector_l2_ops)", "42804",
                "operator class \"vector_l2_ops\" does not accept data type halfvec");
        assertFailsWith(connection, "CREATE INDEX ON odd USING hnsw (v halfvec_l2_ops)", "42804",
                "operator class \"halfvec_l2_ops\" does not accept data type vector");
        assertFailsWith(connection, "CREATE INDEX ON items USING ivfflat (embedding halfvec_l1_ops)", "42704",
                "operator class \"halfvec_l1_ops\" does not exist for access method \"ivfflat\"");
        assertFailsWith(connection, "CREATE INDEX ON items USING ivfflat (embedding)", "42704",
                "data type halfvec has no default operator class for access method \"ivfflat\"");
        assertFailsWith(connection, "CREATE INDEX ON odd USING hnsw (h halfvec_l2_ops)", "22023",
                "column does not have dimensions");
        assertFailsWith(connection, "CREATE INDEX ON odd USING hnsw (wide halfvec_l2_ops)", "54000",
                "column cannot have more than 4000 dimensions for hnsw index");
        assertFailsWith(connection, "CREATE INDEX ON odd USING ivfflat (wide halfvec_l2_ops)", "54000",
                "column cannot have more than 4000 dimensions for ivfflat index");
        assertFailsWith(connection, "CREATE INDEX ON odd USING hnsw (bigv vector_l2_ops)", "54000",
                "column cannot have more than 2000 dimensions for hnsw index");
        // halfvec's point: columns too wide for a vector index fit a halfvec one.
        float[] wide = new float[3000];
        Arrays.fill(wide, 0.5f);
        execute(connection, "INSERT INTO odd (big) VALUES ('" + VectorText.format(wide) + "')");
        execute(connection, "CREATE INDEX odd_big ON odd USING hnsw (big halfvec_l2_ops)");
        assertFailsWith(connection, "SELECT id FROM items ORDER BY embedding <-> '[1,2,3]' LIMIT 5", "22000",
                "different halfvec dimensions " + DIMS + " and 3");
        execute(connection, "DROP TABLE odd");
        assertUsable(connection);
    }

    @Test
    @Order(7)
    void indexesSurviveARestartWithoutRebuild() throws SQLException {
        connection = restartKeepsIndex(server, connection, "SELECT id FROM items ORDER BY embedding <-> '"
                + VectorText.format(VECTORS.next()) + "' LIMIT " + K, "items_hnsw");
    }

    /** Each row as "id|distance". */
    private static List<String> rows(String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(query); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + "|" + rs.getString(2));
            }
        }
        return rows;
    }

    /** The share of the exact top-k the index plan finds. */
    private static double recall(String operator, int queries) throws SQLException {
        int found = 0;
        for (int q = 0; q < queries; q++) {
            float[] query = VECTORS.next();
            List<Integer> approximate = ids(operator, query);
            execute(connection, "SET enable_indexscan = off");
            Set<Integer> exact = new HashSet<>(ids(operator, query));
            execute(connection, "RESET enable_indexscan");
            found += (int) approximate.stream().filter(exact::contains).count();
        }
        return found / (double) (queries * K);
    }

    private static List<Integer> ids(String operator, float[] query) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM items ORDER BY embedding " + operator + " ?::halfvec LIMIT " + K)) {
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

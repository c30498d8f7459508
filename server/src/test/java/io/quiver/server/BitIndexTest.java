package io.quiver.server;

import static io.quiver.server.SqlAssertions.assertFailsWith;
import static io.quiver.server.SqlAssertions.assertUsable;
import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.explain;
import static io.quiver.server.SqlAssertions.insertInBatches;
import static io.quiver.server.SqlAssertions.queryDoubles;
import static io.quiver.server.SqlAssertions.queryStrings;
import static io.quiver.server.SqlAssertions.recallWithinExactKth;
import static io.quiver.server.SqlAssertions.restartKeepsIndex;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.common.vector.VectorText;
import io.quiver.index.LowRankClusters;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * k-NN over bit(n) with {@code <~>} (Hamming) and {@code <%>} (Jaccard), on the binary quantization of 20,000
 * clustered 128-d vectors: the exact scan, HNSW over bit_hamming_ops and bit_jaccard_ops and IVFFlat over
 * bit_hamming_ops, with pgvector's errors and catalog rows. Hamming distances are small integers and tie
 * often, so recall counts a returned row as found when it is no farther than the exact k-th row. The methods
 * share one table and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BitIndexTest {
    private static final int ROWS = 20_000;
    private static final int DIMS = 128;
    private static final int K = 10;
    private static final int QUERIES = 50;
    private static final LowRankClusters VECTORS = new LowRankClusters(DIMS, 50, 8, new Random(17));
    private static RunningServer server;
    private static Connection connection;

    @BeforeAll
    static void load() throws SQLException {
        server = RunningServer.start();
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE bits (id int PRIMARY KEY, category int, b bit(" + DIMS + "))");
            insertInBatches(c, "INSERT INTO bits VALUES (?, ?, binary_quantize(?::vector)::bit(" + DIMS + "))",
                    ROWS, (insert, i) -> {
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

    /** Without an index the exact scan serves both distances with the full sort's distances. */
    @ParameterizedTest
    @ValueSource(strings = {"<~>", "<%>"})
    @Order(1)
    void exactScanRanksAsTheFullSort(String operator) throws SQLException {
        String query = "binary_quantize('" + VectorText.format(VECTORS.next()) + "'::vector)";
        String knn = "SELECT id, b " + operator + " " + query + " FROM bits WHERE category < 900 ORDER BY b "
                + operator + " " + query + " LIMIT " + K;
        String sorted = knn.replace(" LIMIT ", ", id LIMIT ");
        assertThat(explain(connection, knn)).contains("ExactScan(table=[bits], operator=[" + operator + "]");
        assertThat(explain(connection, sorted)).doesNotContain("ExactScan");
        assertThat(queryDoubles(connection, knn, 2)).hasSize(K).isEqualTo(queryDoubles(connection, sorted, 2));
    }

    @Test
    @Order(2)
    void hnswHammingRecallAgainstTheExactPlan() throws SQLException {
        execute(connection, "CREATE INDEX bits_hamming ON bits USING hnsw (b bit_hamming_ops)");
        assertThat(explain(connection, knn("<~>", VECTORS.next())))
                .contains("VectorSearch(table=[bits], index=[bits_hamming], method=[hnsw]");
        assertThat(recall("<~>")).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    @Order(3)
    void hnswJaccardRecallAgainstTheExactPlan() throws SQLException {
        execute(connection, "CREATE INDEX bits_jaccard ON bits USING hnsw (b bit_jaccard_ops)");
        assertThat(explain(connection, knn("<%>", VECTORS.next()))).contains("index=[bits_jaccard], method=[hnsw]");
        assertThat(recall("<%>")).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    @Order(4)
    void ivfflatHammingRecall() throws SQLException {
        execute(connection, "DROP INDEX bits_hamming");
        execute(connection, "CREATE INDEX bits_ivf ON bits USING ivfflat (b bit_hamming_ops) WITH (lists = 100)");
        execute(connection, "SET ivfflat.probes = 10");
        assertThat(explain(connection, knn("<~>", VECTORS.next())))
                .contains("index=[bits_ivf], method=[ivfflat], probes=[10]");
        assertThat(recall("<~>")).isGreaterThanOrEqualTo(0.90);
        execute(connection, "RESET ivfflat.probes");
    }

    @Test
    @Order(5)
    void writesAfterCreateIndexAreSeen() throws SQLException {
        // Hamming distances tie, so the row is looked for among the k nearest.
        float[] vector = VECTORS.next();
        String bits = "binary_quantize('" + VectorText.format(vector) + "'::vector)";
        execute(connection, "INSERT INTO bits VALUES (" + ROWS + ", 0, " + bits + "::bit(" + DIMS + "))");
        assertThat(queryStrings(connection, knn("<%>", vector))).contains(String.valueOf(ROWS));
        execute(connection, "DELETE FROM bits WHERE id = " + ROWS);
        assertThat(queryStrings(connection, knn("<%>", vector))).hasSize(K).doesNotContain(String.valueOf(ROWS));
    }

    /** pgvector's bit operator classes are listed by pg_opclass and printed by pg_get_indexdef. */
    @Test
    @Order(6)
    void operatorClassesAreCatalogued() throws SQLException {
        assertThat(queryStrings(connection, "SELECT a.amname || ' ' || c.opcname || ' ' "
                + "|| c.opcnamespace::regnamespace "
                + "FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod "
                + "JOIN pg_type t ON t.oid = c.opcintype WHERE t.typname = 'bit' AND a.amname <> 'btree' ORDER BY 1"))
                .containsExactly("hnsw bit_hamming_ops public", "hnsw bit_jaccard_ops public",
                        "ivfflat bit_hamming_ops public");
        assertThat(queryStrings(connection, "SELECT pg_get_indexdef('bits_ivf'::regclass)"))
                .containsExactly("CREATE INDEX bits_ivf ON public.bits USING ivfflat (b bit_hamming_ops) "
                        + "WITH (lists='100')");
    }

    /** pgvector's errors (messages checked on PostgreSQL 15 + pgvector 0.8.6), each leaving the session usable. */
    @Test
    @Order(7)
    void badIndexDefinitionsAndQueriesFailAsInPgvector() throws SQLException {
        execute(connection, "CREATE TABLE odd (v vector(3), varying bit varying(8), wide bit(64001), one bit)");
        assertFailsWith(connection, "CREATE INDEX ON bits USING ivfflat (b bit_jaccard_ops)", "42704",
                "operator class \"bit_jaccard_ops\" does not exist for access method \"ivfflat\"");
        assertFailsWith(connection, "CREATE INDEX ON bits USING hnsw (b)", "42704",
                "data type bit has no default operator class for access method \"hnsw\"");
        assertFailsWith(connection, "CREATE INDEX ON odd USING hnsw (v bit_hamming_ops)", "42804",
                "operator class \"bit_hamming_ops\" does not accept data type vector");
        assertFailsWith(connection, "CREATE INDEX ON bits USING hnsw (b vector_l2_ops)", "42804",
                "operator class \"vector_l2_ops\" does not accept data type bit");
        assertFailsWith(connection, "CREATE INDEX ON odd USING hnsw (varying bit_hamming_ops)", "0A000",
                "type not supported for hnsw index");
        assertFailsWith(connection, "CREATE INDEX ON odd USING hnsw (wide bit_hamming_ops)", "54000",
                "column cannot have more than 64000 dimensions for hnsw index");
        assertFailsWith(connection, "CREATE INDEX ON bits USING hnsw (b bit_hamming_ops) WITH (quantization = 'bq')",
                "0A000",
                "quantization = 'bq' is not supported for operator class \"bit_hamming_ops\"");
        assertFailsWith(connection, "SELECT id FROM bits ORDER BY b <~> B'101' LIMIT 5", "22000",
                "different bit lengths " + DIMS + " and 3");
        // bit alone is bit(1), which pgvector indexes
        execute(connection, "INSERT INTO odd (one) VALUES (B'1'), (B'0')");
        execute(connection, "CREATE INDEX odd_one ON odd USING hnsw (one bit_hamming_ops)");
        execute(connection, "DROP TABLE odd");
        assertUsable(connection);
    }

    @Test
    @Order(8)
    void indexesSurviveARestartWithoutRebuild() throws SQLException {
        connection = restartKeepsIndex(server, connection, knn("<%>", VECTORS.next()), "bits_jaccard");
    }

    private static String knn(String operator, float[] query) {
        String bits = "binary_quantize('" + VectorText.format(query) + "'::vector)";
        return "SELECT id, b " + operator + " " + bits + " FROM bits ORDER BY b " + operator + " " + bits
                + " LIMIT " + K;
    }

    private static double recall(String operator) throws SQLException {
        return recallWithinExactKth(connection,
                Stream.generate(() -> knn(operator, VECTORS.next())).limit(QUERIES).toList(), K);
    }
}

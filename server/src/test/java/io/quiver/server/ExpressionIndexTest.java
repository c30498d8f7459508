package io.quiver.server;

import static io.quiver.server.SqlAssertions.assertFailsWith;
import static io.quiver.server.SqlAssertions.assertUsable;
import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.explain;
import static io.quiver.server.SqlAssertions.insertInBatches;
import static io.quiver.server.SqlAssertions.queryStrings;
import static io.quiver.server.SqlAssertions.recallWithinExactKth;
import static io.quiver.server.SqlAssertions.restartKeepsIndex;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.common.vector.VectorText;
import io.quiver.index.LowRankClusters;
import java.sql.Connection;
import java.sql.SQLException;
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
 * Expression indexes as pgvector's documentation writes them: binary quantization with re-ranking
 * ({@code (binary_quantize(e)::bit(n)) bit_hamming_ops}) and half precision ({@code (e::halfvec(n))
 * halfvec_l2_ops}), used by queries ordering by the same expression, kept current by writes, printed as
 * PostgreSQL prints them, and surviving a restart. The methods share one table and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExpressionIndexTest {
    private static final int ROWS = 8_000;
    private static final int DIMS = 64;
    private static final int K = 10;
    private static final int QUERIES = 30;
    private static final String BITS = "binary_quantize(e)::bit(" + DIMS + ")";
    private static final String HALF = "e::halfvec(" + DIMS + ")";
    private static final LowRankClusters VECTORS = new LowRankClusters(DIMS, 40, 8, new Random(23));
    private static RunningServer server;
    private static Connection connection;

    @BeforeAll
    static void load() throws SQLException {
        server = RunningServer.start();
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE items (id int PRIMARY KEY, e vector(" + DIMS + "))");
            insertInBatches(c, "INSERT INTO items VALUES (?, ?::vector)", ROWS, (insert, i) -> {
                insert.setInt(1, i);
                insert.setString(2, VectorText.format(VECTORS.next()));
            });
        }
        connection = server.connect();
    }

    @AfterAll
    static void stop() throws SQLException {
        connection.close();
        server.close();
    }

    /** Without an index, ordering by an expression is a full sort, as before. */
    @Test
    @Order(1)
    void withoutAnIndexTheExpressionIsSorted() throws SQLException {
        assertThat(explain(connection, bitsKnn(VECTORS.next(), K))).doesNotContain("VectorSearch")
                .doesNotContain("ExactScan");
    }

    @Test
    @Order(2)
    void binaryQuantizationIndexServesTheSameExpressionAndReranks() throws SQLException {
        execute(connection, "CREATE INDEX ON items USING hnsw ((" + BITS + ") bit_hamming_ops)");
        assertThat(explain(connection, bitsKnn(VECTORS.next(), K))).contains("VectorSearch(table=[items], key=[" + BITS
                + "], index=[items_binary_quantize_idx], method=[hnsw]");
        // The index finds rows as close in Hamming distance as the exact plan's k-th.
        assertThat(recallWithinExactKth(connection,
                Stream.generate(() -> bitsKnn(VECTORS.next(), K)).limit(QUERIES).toList(), K))
                .isGreaterThanOrEqualTo(0.95);
        // pgvector's re-ranking: binary candidates, then the full-precision order.
        float[] query = VECTORS.next();
        String vector = "'" + VectorText.format(query) + "'::vector";
        List<String> reranked = queryStrings(connection, "SELECT id FROM (" + bitsKnn(query, 4 * K)
                .replace("SELECT id, ", "SELECT id, e, ") + ") candidates ORDER BY e <-> " + vector + " LIMIT " + K);
        List<String> exact = queryStrings(connection, "SELECT id FROM items ORDER BY e <-> " + vector + " LIMIT " + K);
        assertThat(reranked).hasSize(K);
        assertThat(reranked.stream().filter(exact::contains).count()).isGreaterThanOrEqualTo(K / 2);
    }

    @Test
    @Order(3)
    void halfPrecisionIndexServesTheCast() throws SQLException {
        execute(connection, "CREATE INDEX items_half ON items USING hnsw ((" + HALF + ") halfvec_l2_ops)");
        assertThat(explain(connection, halfKnn(VECTORS.next()))).contains("key=[" + HALF + "], index=[items_half]");
        int found = 0;
        for (int q = 0; q < QUERIES; q++) {
            String knn = halfKnn(VECTORS.next());
            List<String> approximate = queryStrings(connection, knn);
            execute(connection, "SET enable_indexscan = off");
            Set<String> exact = new HashSet<>(queryStrings(connection, knn));
            execute(connection, "RESET enable_indexscan");
            found += (int) approximate.stream().filter(exact::contains).count();
        }
        assertThat(found / (double) (QUERIES * K)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    @Order(4)
    void writesAreIndexedByTheirKey() throws SQLException {
        float[] vector = VECTORS.next();
        execute(connection, "INSERT INTO items VALUES (" + ROWS + ", '" + VectorText.format(vector) + "'), ("
                + (ROWS + 1) + ", NULL)");
        assertThat(queryStrings(connection, halfKnn(vector)).get(0)).isEqualTo(String.valueOf(ROWS));
        assertThat(queryStrings(connection, bitsKnn(vector, K))).contains(String.valueOf(ROWS));
        execute(connection, "DELETE FROM items WHERE id >= " + ROWS);
        assertThat(queryStrings(connection, halfKnn(vector))).hasSize(K).doesNotContain(String.valueOf(ROWS));
        assertThat(queryStrings(connection, bitsKnn(vector, K))).hasSize(K).doesNotContain(String.valueOf(ROWS));
    }

    /** pg_get_indexdef, pg_indexes, pg_index and psql's \d print what PostgreSQL 15 + pgvector 0.8.6 print. */
    @Test
    @Order(5)
    void catalogShowsTheExpression() throws Exception {
        assertThat(queryStrings(connection, "SELECT indexdef FROM pg_indexes WHERE indexname = "
                + "'items_binary_quantize_idx'")).containsExactly("CREATE INDEX items_binary_quantize_idx ON "
                + "public.items USING hnsw (((binary_quantize(e))::bit(64)) bit_hamming_ops)");
        assertThat(queryStrings(connection, "SELECT pg_get_indexdef('items_half'::regclass, 1, true)"))
                .containsExactly("(e::halfvec(64))");
        assertThat(queryStrings(connection, "SELECT 0 = ALL(indkey) FROM pg_index "
                + "WHERE indexrelid = 'items_half'::regclass")).containsExactly("t");
        assertThat(queryStrings(connection, "SELECT indexrelid::regclass FROM pg_index WHERE indexprs IS NOT NULL "
                + "ORDER BY 1")).containsExactly("items_binary_quantize_idx", "items_half");
        Psql.Result describe = Psql.run(server.port(), "\\d items\n");
        assertThat(describe.stdout())
                .contains("\"items_binary_quantize_idx\" hnsw ((binary_quantize(e)::bit(64)) bit_hamming_ops)")
                .contains("\"items_half\" hnsw ((e::halfvec(64)) halfvec_l2_ops)");
    }

    /** pgvector's errors, each leaving the session usable. */
    @Test
    @Order(6)
    void badExpressionsFailAsInPgvector() throws SQLException {
        assertFailsWith(connection, "CREATE INDEX ON items USING hnsw ((binary_quantize(e)) bit_hamming_ops)", "22023",
                "column does not have dimensions");
        assertFailsWith(connection, "CREATE INDEX ON items USING hnsw ((" + HALF + ") vector_l2_ops)", "42804",
                "operator class \"vector_l2_ops\" does not accept data type halfvec");
        assertFailsWith(connection, "CREATE INDEX ON items USING hnsw ((id) vector_l2_ops)", "42804",
                "operator class \"vector_l2_ops\" does not accept data type integer");
        assertFailsWith(connection, "CREATE INDEX ON items USING hnsw ((nope::halfvec(3)) halfvec_l2_ops)", "42703",
                "nope");
        assertFailsWith(connection, "CREATE INDEX ON items USING hnsw (((id || '')::vector(1)) vector_l2_ops)", "0A000",
                "only pgvector's casts and functions are supported in vector index expressions");
        assertUsable(connection);
    }

    /** A cast gives an undimensioned column an index; a row the cast rejects fails its own INSERT. */
    @Test
    @Order(7)
    void aCastIndexesAnUndimensionedColumn() throws SQLException {
        execute(connection, "CREATE TABLE mixed (id int, e vector)");
        execute(connection, "INSERT INTO mixed VALUES (1, '[1,2,3]'), (2, '[3,2,1]'), (3, '[1,1,1]')");
        execute(connection, "CREATE INDEX mixed_e ON mixed USING hnsw ((e::vector(3)) vector_l2_ops)");
        assertThat(explain(connection, "SELECT id FROM mixed ORDER BY e::vector(3) <-> '[3,2,1]' LIMIT 1"))
                .contains("key=[e::vector(3)]");
        assertThat(queryStrings(connection, "SELECT id FROM mixed ORDER BY e::vector(3) <-> '[3,2,1]' LIMIT 1"))
                .containsExactly("2");
        assertFailsWith(connection, "INSERT INTO mixed VALUES (4, '[1,2,3,4]')", "22000",
                "expected 3 dimensions, not 4");
        assertThat(queryStrings(connection, "SELECT count(*) FROM mixed")).containsExactly("3");
        execute(connection, "ALTER TABLE mixed RENAME COLUMN e TO embedding");
        assertThat(queryStrings(connection, "SELECT pg_get_indexdef('mixed_e'::regclass)")).containsExactly(
                "CREATE INDEX mixed_e ON public.mixed USING hnsw (((embedding)::vector(3)) vector_l2_ops)");
        execute(connection, "ALTER TABLE mixed DROP COLUMN embedding");
        assertThat(queryStrings(connection, "SELECT indexname FROM pg_indexes WHERE tablename = 'mixed'")).isEmpty();
        execute(connection, "DROP TABLE mixed");
    }

    @Test
    @Order(8)
    void indexesSurviveARestartWithoutRebuild() throws SQLException {
        float[] query = VECTORS.next();
        connection = restartKeepsIndex(server, connection, bitsKnn(query, K), "items_binary_quantize_idx");
        assertThat(explain(connection, halfKnn(query))).contains("index=[items_half]");
        assertThat(server.server().engine().vectorIndexes().builds()).isZero();
    }

    private static String bitsKnn(float[] query, int k) {
        String bits = "binary_quantize('" + VectorText.format(query) + "'::vector)";
        return "SELECT id, " + BITS + " <~> " + bits + " FROM items ORDER BY " + BITS + " <~> " + bits + " LIMIT " + k;
    }

    private static String halfKnn(float[] query) {
        return "SELECT id FROM items ORDER BY " + HALF + " <-> '" + VectorText.format(query) + "'::halfvec LIMIT " + K;
    }

}

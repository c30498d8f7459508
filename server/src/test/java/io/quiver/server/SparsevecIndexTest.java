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

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * k-NN over sparsevec(n): the exact scan for every distance, HNSW over each of pgvector's four sparsevec
 * operator classes on 8,000 topic-clustered sparse vectors (recall counted against the exact k-th distance,
 * as rows of a topic nearly tie), with pgvector's limits, errors and catalog rows, and a restart. The methods
 * share one table and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparsevecIndexTest {
    private static final int ROWS = 8_000;
    private static final int DIMENSIONS = 30_000;
    private static final int K = 10;
    private static final int QUERIES = 20;
    private static final Random RANDOM = new Random(31);
    private static final TreeMap<Integer, Float>[] TOPICS = topics(40);
    private static RunningServer server;
    private static Connection connection;

    @BeforeAll
    static void load() throws SQLException {
        server = RunningServer.start();
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE docs (id int PRIMARY KEY, v sparsevec(" + DIMENSIONS + "))");
            insertInBatches(c, "INSERT INTO docs VALUES (?, ?::sparsevec)", ROWS, (insert, i) -> {
                insert.setInt(1, i);
                insert.setString(2, nearTopic());
            });
        }
        connection = server.connect();
    }

    @AfterAll
    static void stop() throws SQLException {
        connection.close();
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<->", "<#>", "<=>", "<+>"})
    @Order(1)
    void exactScanRanksAsTheFullSort(String operator) throws SQLException {
        String knn = knn(operator, nearTopic());
        String sorted = knn.replace(" LIMIT ", ", id LIMIT ");
        assertThat(explain(connection, knn)).contains("ExactScan(table=[docs], operator=[" + operator + "]");
        assertThat(explain(connection, sorted)).doesNotContain("ExactScan");
        assertThat(queryDoubles(connection, knn, 2)).hasSize(K).isEqualTo(queryDoubles(connection, sorted, 2));
    }

    @ParameterizedTest
    @CsvSource({"<->, sparsevec_l2_ops", "<#>, sparsevec_ip_ops", "<=>, sparsevec_cosine_ops",
            "<+>, sparsevec_l1_ops"})
    @Order(2)
    void hnswRecallForEveryOperatorClass(String operator, String opclass) throws SQLException {
        String name = "docs_" + opclass;
        execute(connection, "CREATE INDEX " + name + " ON docs USING hnsw (v " + opclass + ")");
        assertThat(explain(connection, knn(operator, nearTopic())))
                .contains("VectorSearch(table=[docs], index=[" + name + "], method=[hnsw]");
        // Measured 0.945-1.0 by operator class; pgvector 0.8.6 on harder data of this kind (sparse_recall.py)
        // 0.75-0.93, Quiver 0.93-1.0 there.
        assertThat(recallWithinExactKth(connection,
                Stream.generate(() -> knn(operator, nearTopic())).limit(QUERIES).toList(), K))
                .isGreaterThanOrEqualTo(0.90);
    }

    /** Writes reach the index; a vector over pgvector's 1,000 non-zero elements fails its own INSERT (54000). */
    @Test
    @Order(3)
    void writesAreIndexedWithinPgvectorsLimits() throws SQLException {
        // Rows of a topic are so alike that at ef_search 40 HNSW misses about one row in ten even as its own
        // nearest neighbour (a dense index on the same vectors as much): the check of the write searches wide.
        String own = nearTopic();
        execute(connection, "INSERT INTO docs VALUES (" + ROWS + ", '" + own + "')");
        execute(connection, "SET hnsw.ef_search = 1000");
        assertThat(queryStrings(connection, knn("<->", own)).get(0)).isEqualTo(String.valueOf(ROWS));
        execute(connection, "DELETE FROM docs WHERE id = " + ROWS);
        assertThat(queryStrings(connection, knn("<->", own))).hasSize(K).doesNotContain(String.valueOf(ROWS));
        execute(connection, "RESET hnsw.ef_search");
        String dense = "{" + IntStream.rangeClosed(1, 1001).mapToObj(i -> i + ":1")
                .collect(Collectors.joining(",")) + "}/" + DIMENSIONS;
        assertFailsWith(connection, "INSERT INTO docs VALUES (-1, '" + dense + "')", "54000",
                "sparsevec cannot have more than 1000 non-zero elements for hnsw index");
        assertThat(queryStrings(connection, "SELECT count(*) FROM docs")).containsExactly(String.valueOf(ROWS));
    }

    @Test
    @Order(4)
    void operatorClassesAreCatalogued() throws SQLException {
        assertThat(queryStrings(connection, "SELECT a.amname || ' ' || c.opcname FROM pg_opclass c "
                + "JOIN pg_am a ON a.oid = c.opcmethod JOIN pg_type t ON t.oid = c.opcintype "
                + "WHERE t.typname = 'sparsevec' ORDER BY 1")).containsExactly("hnsw sparsevec_cosine_ops",
                "hnsw sparsevec_ip_ops", "hnsw sparsevec_l1_ops", "hnsw sparsevec_l2_ops");
        assertThat(queryStrings(connection, "SELECT pg_get_indexdef('docs_sparsevec_l2_ops'::regclass)"))
                .containsExactly("CREATE INDEX docs_sparsevec_l2_ops ON public.docs USING hnsw (v sparsevec_l2_ops)");
    }

    /** pgvector's errors (messages checked on PostgreSQL 15 + pgvector 0.8.6), each leaving the session usable. */
    @Test
    @Order(5)
    void badIndexDefinitionsAndQueriesFailAsInPgvector() throws SQLException {
        execute(connection, "CREATE TABLE odd (u sparsevec)");
        assertFailsWith(connection, "CREATE INDEX ON docs USING ivfflat (v sparsevec_l2_ops)", "42704",
                "operator class \"sparsevec_l2_ops\" does not exist for access method \"ivfflat\"");
        assertFailsWith(connection, "CREATE INDEX ON docs USING hnsw (v)", "42704",
                "data type sparsevec has no default operator class for access method \"hnsw\"");
        assertFailsWith(connection, "CREATE INDEX ON odd USING hnsw (u sparsevec_l2_ops)", "22023",
                "column does not have dimensions");
        assertFailsWith(connection, "CREATE INDEX ON docs USING hnsw (v sparsevec_l2_ops) WITH (quantization = 'pq')",
                "0A000", "quantization = 'pq' is not supported for operator class \"sparsevec_l2_ops\"");
        assertFailsWith(connection, "SELECT id FROM docs ORDER BY v <-> '{1:1}/4' LIMIT 5", "22000",
                "different sparsevec dimensions " + DIMENSIONS + " and 4");
        execute(connection, "DROP TABLE odd");
        assertUsable(connection);
    }

    @Test
    @Order(6)
    void indexesSurviveARestartWithoutRebuild() throws SQLException {
        connection = restartKeepsIndex(server, connection, knn("<=>", nearTopic()), "docs_sparsevec_cosine_ops");
    }

    private static String knn(String operator, String query) {
        String literal = "'" + query + "'::sparsevec";
        return "SELECT id, v " + operator + " " + literal + " FROM docs ORDER BY v " + operator + " " + literal
                + " LIMIT " + K;
    }

    /**
     * A topic's elements, a third of them moved a little, and two random ones, as sparsevec text. (With five
     * random elements and larger moves, pgvector 0.8.6 finds 0.886 of the l2 neighbours, Quiver 0.96: README.)
     */
    private static String nearTopic() {
        TreeMap<Integer, Float> elements = new TreeMap<>(TOPICS[RANDOM.nextInt(TOPICS.length)]);
        elements.replaceAll((index, value) -> RANDOM.nextInt(3) == 0
                ? value + 0.3f * (float) RANDOM.nextGaussian() : value);
        for (int i = 0; i < 2; i++) {
            elements.put(RANDOM.nextInt(DIMENSIONS), (float) RANDOM.nextGaussian() + 0.1f);
        }
        return elements.entrySet().stream().map(e -> (e.getKey() + 1) + ":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}/" + DIMENSIONS));
    }

    @SuppressWarnings("unchecked")
    private static TreeMap<Integer, Float>[] topics(int count) {
        TreeMap<Integer, Float>[] topics = new TreeMap[count];
        for (int t = 0; t < count; t++) {
            topics[t] = new TreeMap<>();
            while (topics[t].size() < 40) {
                topics[t].put(RANDOM.nextInt(DIMENSIONS), (float) RANDOM.nextGaussian() + 0.1f);
            }
        }
        return topics;
    }
}

package io.quiver.server;

import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.common.vector.VectorText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exact k-NN through SQL equals a brute-force computation in the test, for each of pgvector's four distance
 * operators, with and without a filter, over 10,000 random 128-d vectors.
 */
class KnnTest {
    private static final int ROWS = 10_000;
    private static final int DIMS = 128;
    private static final int K = 10;
    private static RunningServer server;
    private static float[][] vectors;

    @BeforeAll
    static void load() throws SQLException {
        server = RunningServer.start();
        Random random = new Random(42);
        vectors = new float[ROWS][DIMS];
        Properties batching = new Properties();
        batching.setProperty("reWriteBatchedInserts", "true");
        try (Connection c = server.connect(batching)) {
            execute(c, "CREATE TABLE items (id int PRIMARY KEY, category int, embedding vector(" + DIMS + "))");
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO items (id, category, embedding) VALUES (?, ?, ?::vector)")) {
                for (int i = 0; i < ROWS; i++) {
                    for (int d = 0; d < DIMS; d++) {
                        vectors[i][d] = (float) random.nextGaussian();
                    }
                    insert.setInt(1, i);
                    insert.setInt(2, i % 7);
                    insert.setString(3, VectorText.format(vectors[i]));
                    insert.addBatch();
                    if (i % 500 == 499) {
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

    @ParameterizedTest
    @CsvSource({"<->, L2", "<#>, NEGATIVE_INNER_PRODUCT", "<=>, COSINE", "<+>, L1"})
    void nearestNeighboursMatchBruteForce(String operator, Distance distance) throws SQLException {
        Random random = new Random(operator.hashCode());
        try (Connection c = server.connect()) {
            for (int q = 0; q < 3; q++) {
                float[] query = new float[DIMS];
                for (int d = 0; d < DIMS; d++) {
                    query[d] = (float) random.nextGaussian();
                }
                assertThat(knn(c, "SELECT id FROM items ORDER BY embedding " + operator + " ?::vector LIMIT " + K,
                        query)).containsExactlyElementsOf(bruteForce(query, distance, -1));
                assertThat(knn(c, "SELECT id FROM items WHERE category = 3 ORDER BY embedding " + operator
                        + " ?::vector LIMIT " + K, query)).containsExactlyElementsOf(bruteForce(query, distance, 3));
            }
        }
    }

    enum Distance {
        L2((a, b) -> {
            double sum = 0;
            for (int i = 0; i < a.length; i++) {
                double diff = a[i] - b[i];
                sum += diff * diff;
            }
            return Math.sqrt(sum);
        }),
        NEGATIVE_INNER_PRODUCT((a, b) -> -dot(a, b)),
        COSINE((a, b) -> 1 - dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b))),
        L1((a, b) -> {
            double sum = 0;
            for (int i = 0; i < a.length; i++) {
                sum += Math.abs(a[i] - b[i]);
            }
            return sum;
        });

        final BiFunction<float[], float[], Double> function;

        Distance(BiFunction<float[], float[], Double> function) {
            this.function = function;
        }

        private static double dot(float[] a, float[] b) {
            double sum = 0;
            for (int i = 0; i < a.length; i++) {
                sum += (double) a[i] * b[i];
            }
            return sum;
        }
    }

    private static List<Integer> bruteForce(float[] query, Distance distance, int category) {
        return IntStream.range(0, ROWS)
                .filter(i -> category < 0 || i % 7 == category)
                .boxed()
                .sorted(Comparator.comparingDouble(i -> distance.function.apply(vectors[i], query)))
                .limit(K)
                .toList();
    }

    private static List<Integer> knn(Connection c, String sql, float[] query) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, VectorText.format(query));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            }
        }
        return ids;
    }


    /** A NULL vector has NULL distances, compares as NULL and sorts last, as in PostgreSQL. */
    @Test
    void nullVectorsHaveNullDistances() throws SQLException {
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE sparse_rows (id int PRIMARY KEY, v vector(3), h halfvec(3))");
            execute(c, "INSERT INTO sparse_rows VALUES (1, '[1,2,3]', '[1,2,3]'), (2, NULL, NULL), "
                    + "(3, '[0,0,0]', '[0,0,0]')");
            assertThat(queryStrings(c, "SELECT coalesce((v <-> '[1,1,1]')::text, 'null') || ' ' "
                    + "|| coalesce(l2_distance(h, '[1,1,1]')::text, 'null') || ' ' || coalesce(vector_dims(v), -1) "
                    + "|| ' ' || coalesce((v = '[1,2,3]')::text, 'null') FROM sparse_rows ORDER BY id"))
                    .containsExactly("2.23606797749979 2.23606797749979 3 true", "null null -1 null",
                            "1.7320508075688772 1.7320508075688772 3 false");
            assertThat(queryStrings(c, "SELECT id FROM sparse_rows ORDER BY v <-> '[1,1,1]' LIMIT 3"))
                    .containsExactly("3", "1", "2");
            assertThat(queryStrings(c, "SELECT id FROM sparse_rows ORDER BY v"))
                    .containsExactly("3", "1", "2");
        }
    }
}

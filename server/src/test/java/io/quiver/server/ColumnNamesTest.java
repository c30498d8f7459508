package io.quiver.server;

import static io.quiver.server.SqlAssertions.assertFails;
import static io.quiver.server.SqlAssertions.assertUsable;
import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Column names PostgreSQL accepts unquoted although standard SQL (and Calcite) reserve them: rank, count,
 * position, year, date, language, version ... are everyday names in user schemas.
 */
class ColumnNamesTest {
    private static RunningServer server;

    @BeforeAll
    static void start() throws SQLException {
        server = RunningServer.start();
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE docs (id int PRIMARY KEY, rank int, version int, method text, rows int, "
                    + "year int, month int, position int, language text, date date, created timestamp, "
                    + "uuid text, count int, max int, min int, sum int, avg int, filter text, start int, "
                    + "new int, old int, initial int, ordinal int)");
            execute(c, "INSERT INTO docs (id, rank, version, method, rows, year, month, position, language, date, "
                    + "created, uuid, count, max, min, sum, avg, filter, start, new, old, initial, ordinal) VALUES "
                    + "(1, 2, 3, 'hnsw', 7, 2024, 5, 1, 'en', '2024-05-06', '2024-05-06 07:08:09', 'u1', "
                    + "10, 9, 1, 15, 3, 'f', 0, 1, 0, 1, 2), "
                    + "(2, 1, 4, 'ivfflat', 8, 2025, 6, 2, 'de', '2025-06-07', '2025-06-07 08:09:10', 'u2', "
                    + "20, 8, 2, 16, 4, 'g', 1, 0, 1, 0, 3)");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void reservedWordsOfStandardSqlAreColumnNames() throws SQLException {
        try (Connection c = server.connect()) {
            assertThat(queryStrings(c, "SELECT rank || ' ' || version || ' ' || method || ' ' || rows || ' ' "
                    + "|| year || ' ' || month || ' ' || position || ' ' || language || ' ' || date || ' ' "
                    + "|| created || ' ' || uuid FROM docs ORDER BY id"))
                    .containsExactly("2 3 hnsw 7 2024 5 1 en 2024-05-06 2024-05-06 07:08:09 u1",
                            "1 4 ivfflat 8 2025 6 2 de 2025-06-07 2025-06-07 08:09:10 u2");
            assertThat(queryStrings(c, "SELECT count + max + min + sum + avg + start + new + old + initial "
                    + "+ ordinal FROM docs ORDER BY id")).containsExactly("42", "55");
            assertThat(queryStrings(c, "SELECT d.filter FROM docs d WHERE d.rank = 1 AND position = 2 "
                    + "AND date = DATE '2025-06-07' AND created > TIMESTAMP '2025-01-01 00:00:00'"))
                    .containsExactly("g");
        }
    }

    @Test
    void theNamesStillWorkAsFunctionsAndKeywords() throws SQLException {
        try (Connection c = server.connect()) {
            assertThat(queryStrings(c, "SELECT count(count) || ' ' || max(max) || ' ' || min(min) || ' ' "
                    + "|| sum(sum) || ' ' || avg(avg) || ' ' || count(*) FILTER (WHERE rank > 1) FROM docs"))
                    .containsExactly("2 9 1 31 3.5000000000000000 1");
            assertThat(queryStrings(c, "SELECT rank() OVER (ORDER BY rank) FROM docs ORDER BY id"))
                    .containsExactly("2", "1");
            assertThat(queryStrings(c, "SELECT position('b' IN 'abc') || extract(year FROM date '2024-01-02')"))
                    .containsExactly("22024");
            assertThat(queryStrings(c, "SELECT method FROM docs ORDER BY created DESC, date, count LIMIT 1"))
                    .containsExactly("ivfflat");
        }
    }

    @Test
    void updatesAndGroupsByThem() throws SQLException {
        try (Connection c = server.connect()) {
            c.setAutoCommit(false);
            assertThat(queryStrings(c, "UPDATE docs SET count = count + 1, rank = rank * 10 WHERE year = 2024 "
                    + "RETURNING count || '/' || rank")).containsExactly("11/20");
            assertThat(queryStrings(c, "SELECT method || ':' || count(*) FROM docs GROUP BY method ORDER BY method"))
                    .containsExactly("hnsw:1", "ivfflat:1");
            c.rollback();
        }
    }

    /** A bare name is a column, as in PostgreSQL: only its SQL keyword functions are called without parentheses. */
    @Test
    void aColumnNamedLikeAFunctionIsTheColumn() throws SQLException {
        try (Connection c = server.connect()) {
            assertThat(queryStrings(c, "SELECT version FROM docs ORDER BY id")).containsExactly("3", "4");
            assertThat(queryStrings(c, "SELECT version()").get(0)).startsWith("PostgreSQL 15");
            assertThat(queryStrings(c, "SELECT current_user = session_user, current_schema")).containsExactly("t");
            assertThat(assertFails(c, "SELECT version", "42703").getMessage()).contains("column \"version\" does not exist");
            assertUsable(c);
        }
    }
}

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.util.PSQLException;

/**
 * Each kind of bad input gets PostgreSQL's SQLSTATE (and pgvector's wording), the connection stays usable
 * and committed data are untouched.
 */
class BadInputTest {
    private static RunningServer server;

    @BeforeAll
    static void start() throws SQLException {
        server = RunningServer.start();
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE bad_t (id int PRIMARY KEY, v vector(3), n int)");
            execute(c, "INSERT INTO bad_t VALUES (1, '[1,2,3]', 1)");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "INSERT INTO bad_t VALUES (2, '[1,2', 1)|22P02|invalid input syntax for type vector: \"[1,2\"",
        "INSERT INTO bad_t VALUES (2, '[a]', 1)|22P02|invalid input syntax for type vector: \"[a]\"",
        "INSERT INTO bad_t VALUES (2, '[NaN,1,2]', 1)|22000|NaN not allowed in vector",
        "INSERT INTO bad_t VALUES (2, '[1,2]', 1)|22000|expected 3 dimensions, not 2",
        "SELECT '[1,2]'::vector <-> '[1,2,3]'::vector|22000|different vector dimensions 2 and 3",
        "SELECT v <-> '[1,2]' FROM bad_t|22000|different vector dimensions 3 and 2",
        "CREATE TABLE bad2 (v vector(0))|22023|dimensions for type vector must be at least 1",
        "CREATE TABLE bad3 (v vector(16001))|22023|dimensions for type vector cannot exceed 16000",
        "CREATE TABLE bad4 (v nosuchtype)|42704|type \"nosuchtype\" does not exist",
        "SELECT * FROM nope|42P01|relation \"nope\" does not exist",
        "SELECT nope FROM bad_t|42703|column \"nope\" does not exist",
        "INSERT INTO bad_t (id, nope) VALUES (5, 1)|42703|column \"nope\" of relation \"bad_t\" does not exist",
        "INSERT INTO bad_t VALUES (1, '[1,2,3]', 1)|23505|duplicate key value violates unique constraint \"bad_t_pkey\"",
        "INSERT INTO bad_t VALUES (2, '[1,2,3]', 'abc')|22P02|invalid input syntax for type integer: \"abc\"",
        "INSERT INTO bad_t VALUES (2147483648, '[1,2,3]', 1)|22003|integer out of range",
        "INSERT INTO bad_t (v) VALUES ('[1,2,3]')|23502|null value in column \"id\" of relation \"bad_t\" violates not-null constraint",
        "selec 1|42601|syntax error at or near \"selec\"",
        "SELECT * FROM|42601|syntax error at end of input",
        "CREATE TABLE bad_t (id int)|42P07|relation \"bad_t\" already exists",
        "DROP TABLE nope|42P01|table \"nope\" does not exist",
    })
    void rejectedWithSqlState(String sql, String sqlState, String message) throws SQLException {
        try (Connection c = server.connect()) {
            assertThat((Throwable) assertFails(c, sql, sqlState)).hasMessageContaining(message);
            assertUsable(c);
            assertThat(queryStrings(c, "SELECT v FROM bad_t WHERE id = 1")).containsExactly("[1,2,3]");
        }
    }

    @Test
    void syntaxErrorCarriesPosition() throws SQLException {
        try (Connection c = server.connect()) {
            PSQLException error = (PSQLException) assertFails(c, "SELECT 1 FROM bad_t WHERE", "42601");
            assertThat(error.getServerErrorMessage().getPosition()).isEqualTo(26);
            assertUsable(c);
        }
    }

    @Test
    void failedTransactionBlockRefusesUntilRollback() throws SQLException {
        try (Connection c = server.connect()) {
            c.setAutoCommit(false);
            execute(c, "INSERT INTO bad_t VALUES (10, '[1,1,1]', 1)");
            assertFails(c, "INSERT INTO bad_t VALUES (1, '[1,2,3]', 1)", "23505");
            assertFails(c, "SELECT 1", "25P02");
            c.rollback();
            c.setAutoCommit(true);
            assertThat(queryStrings(c, "SELECT count(*) FROM bad_t WHERE id = 10")).containsExactly("0");
        }
    }
}

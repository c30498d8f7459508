package io.quiver.server;

import static io.quiver.server.AlterTableTest.rows;
import static io.quiver.server.SqlAssertions.assertFails;
import static io.quiver.server.SqlAssertions.assertUsable;
import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.junit.jupiter.api.Test;

/**
 * INSERT and UPDATE store values with PostgreSQL's assignment rules: numbers widen and are range-checked
 * (22003), never silently narrowed; a value of another kind (text, boolean into a number, a number into a
 * vector) is 42804 with PostgreSQL's message; a quoted literal is read as the column's type.
 */
class AssignmentTypesTest {
    @Test
    void assignmentsFollowPostgresRules() throws Exception {
        try (RunningServer server = RunningServer.start(); Connection c = server.connect()) {
            execute(c, "CREATE EXTENSION vector");
            execute(c, "CREATE TABLE t (id int PRIMARY KEY, x int, b boolean, s text, v vector(3), n numeric(5,2), "
                    + "f float8, big bigint)");

            mismatch(c, "INSERT INTO t (id, x) VALUES (1, 'abc'::text)",
                    "column \"x\" is of type integer but expression is of type text");
            mismatch(c, "INSERT INTO t (id, x) VALUES (1, true)",
                    "column \"x\" is of type integer but expression is of type boolean");
            mismatch(c, "INSERT INTO t (id, b) VALUES (1, 1)",
                    "column \"b\" is of type boolean but expression is of type integer");
            mismatch(c, "INSERT INTO t (id, v) VALUES (1, 5)",
                    "column \"v\" is of type vector but expression is of type integer");
            mismatch(c, "INSERT INTO t (id, v) VALUES (1, '[1,2,3]'::text)",
                    "column \"v\" is of type vector but expression is of type text");
            execute(c, "INSERT INTO t (id, s) VALUES (6, 42)");
            mismatch(c, "INSERT INTO t (id, x) SELECT 7, s FROM t WHERE id = 6",
                    "column \"x\" is of type integer but expression is of type text");
            mismatch(c, "UPDATE t SET x = 'abc'::text WHERE id = 6",
                    "column \"x\" is of type integer but expression is of type text");

            assertThat(assertFails(c, "INSERT INTO t (id, x) VALUES (1, 3000000000)", "22003").getMessage())
                    .contains("integer out of range");
            assertFails(c, "INSERT INTO t (id, x) VALUES (1, 9223372036854775807)", "22003");
            assertFails(c, "INSERT INTO t (id, x) VALUES (1, '3000000000')", "22003");
            assertFails(c, "UPDATE t SET x = 3000000000 WHERE id = 6", "22003");
            assertFails(c, "INSERT INTO t (id, n) VALUES (1, 1000.5)", "22003");
            assertFails(c, "INSERT INTO t (id, x) VALUES (1, 'abc')", "22P02");

            execute(c, "INSERT INTO t (id, x) VALUES (3, 2.5::float8)"); // rounded half to even, as rint()
            execute(c, "INSERT INTO t (id, v) VALUES (9, ARRAY[1,2,3])");
            execute(c, "INSERT INTO t (id, x) VALUES (10, '12')");
            execute(c, "INSERT INTO t (id, f) VALUES (11, 5)");
            execute(c, "INSERT INTO t (id, big) VALUES (12, 2147483648 * 2)");
            assertThat(rows(c, "SELECT id, x, s, v, f, big FROM t ORDER BY id")).containsExactly(
                    "3|2|null|null|null|null", "6|null|42|null|null|null", "9|null|null|[1,2,3]|null|null",
                    "10|12|null|null|null|null", "11|null|null|null|5|null", "12|null|null|null|null|4294967296");
            assertUsable(c);
        }
    }

    @Test
    void quotedLiteralsOfInsertSelectAreReadAsTheColumnsType() throws Exception {
        try (RunningServer server = RunningServer.start(); Connection c = server.connect()) {
            execute(c, "CREATE EXTENSION vector");
            execute(c, "CREATE TABLE t2 (id int, note text, v vector(2))");

            assertThat(update(c, "INSERT INTO t2 SELECT g, 'x', '[1,2]' FROM generate_series(1,5) g")).isEqualTo(5);
            assertThat(update(c, "INSERT INTO t2 (v, note, id) SELECT ' [3, 4] ' AS v, 'y' AS note, '6'"))
                    .isEqualTo(1);
            assertThat(rows(c, "SELECT id, note, v FROM t2 ORDER BY id")).containsExactly("1|x|[1,2]", "2|x|[1,2]",
                    "3|x|[1,2]", "4|x|[1,2]", "5|x|[1,2]", "6|y|[3,4]");

            // A set operation or DISTINCT resolves the literal to text before the insert sees it, as in PostgreSQL.
            SQLException union = mismatch(c, "INSERT INTO t2 SELECT 7, 'x', '[1,2]' UNION SELECT 8, 'y', '[3,4]'",
                    "column \"v\" is of type vector but expression is of type text");
            assertThat(details(union).getHint()).isEqualTo("You will need to rewrite or cast the expression.");
            mismatch(c, "INSERT INTO t2 SELECT DISTINCT 7, 'x', '[1,2]'",
                    "column \"v\" is of type vector but expression is of type text");

            // A literal that is no value of the column's type fails as it does in VALUES.
            String malformed = details(assertFails(c, "INSERT INTO t2 SELECT 7, 'x', '[1,2'", "22P02")).getMessage();
            assertThat(malformed).contains("vector").isEqualTo(
                    details(assertFails(c, "INSERT INTO t2 VALUES (7, 'x', '[1,2')", "22P02")).getMessage());
            assertThat(assertFails(c, "INSERT INTO t2 SELECT 'seven', 'x', '[1,2]'", "22P02").getMessage())
                    .contains("invalid input syntax for type integer: \"seven\"");
            assertThat(assertFails(c, "INSERT INTO t2 SELECT 7, 'x', '[1,2,3]'", "22000").getMessage())
                    .contains("expected 2 dimensions, not 3");
            assertThat(rows(c, "SELECT count(*) FROM t2")).containsExactly("6");
            assertUsable(c);
        }
    }

    private static SQLException mismatch(Connection c, String sql, String message) throws SQLException {
        SQLException error = assertFails(c, sql, "42804");
        assertThat(error.getMessage()).contains(message);
        return error;
    }

    private static ServerErrorMessage details(SQLException error) {
        return ((PSQLException) error).getServerErrorMessage();
    }
}

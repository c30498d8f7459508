package io.quiver.server;

import static io.quiver.server.SqlAssertions.assertFails;
import static io.quiver.server.SqlAssertions.assertUsable;
import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static io.quiver.server.SqlAssertions.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * GRANT, REVOKE and ALTER TABLE ... OWNER TO, and their enforcement when statements run, with PostgreSQL 15's
 * messages (checked against a real PostgreSQL): 42501 {@code permission denied for table t} for a missing
 * privilege, {@code must be owner of table t} for DDL.
 */
class PrivilegeTest {
    private static final String DENIED = "permission denied for table ";

    @Test
    void eachStatementNeedsItsPrivilegeAndGrantsGiveIt() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            try (Connection admin = server.connect()) {
                execute(admin, "CREATE ROLE alice LOGIN");
                execute(admin, "CREATE TABLE t (id int PRIMARY KEY, v text)");
                execute(admin, "CREATE TABLE u (id int)");
                execute(admin, "INSERT INTO t VALUES (1, 'a')");
                execute(admin, "INSERT INTO u VALUES (1)");
            }
            try (Connection alice = connectAs(server, "alice"); Connection admin = server.connect()) {
                for (String sql : List.of("SELECT * FROM t", "SELECT * FROM t WHERE false", "EXPLAIN SELECT * FROM t",
                        "SELECT (SELECT count(*) FROM t)", "INSERT INTO t VALUES (2, 'b')",
                        "INSERT INTO t (id) VALUES ('3'::int + 1)", "UPDATE t SET v = 'x'", "DELETE FROM t",
                        "TRUNCATE t", "COPY t TO STDOUT")) {
                    assertDenied(alice, sql, "t");
                }
                assertUsable(alice);

                execute(admin, "GRANT SELECT ON t TO alice");
                assertThat(queryStrings(alice, "SELECT v FROM t")).containsExactly("a");
                assertDenied(alice, "SELECT * FROM t, u", "u");
                assertDenied(alice, "INSERT INTO t VALUES (2, 'b')", "t");

                execute(admin, "GRANT INSERT, UPDATE ON TABLE t TO alice");
                assertThat(update(alice, "INSERT INTO t VALUES (2, 'b')")).isEqualTo(1);
                assertThat(update(alice, "UPDATE t SET v = 'c' WHERE id = 2")).isEqualTo(1);
                // INSERT ... SELECT reads u, which alice may not
                assertDenied(alice, "INSERT INTO t SELECT id + 10, 'z' FROM u", "u");

                execute(admin, "GRANT DELETE, TRUNCATE ON t TO alice");
                assertThat(update(alice, "DELETE FROM t WHERE id = 2")).isEqualTo(1);
                execute(alice, "TRUNCATE t");
                assertThat(queryStrings(admin, "SELECT count(*) FROM t")).containsExactly("0");
                assertUsable(alice);
            }
        }
    }

    @Test
    void dmlNeedsSelectOnlyWhenItReadsTheTable() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            try (Connection admin = server.connect()) {
                execute(admin, "CREATE ROLE writer LOGIN");
                execute(admin, "CREATE TABLE t (id int PRIMARY KEY, v text)");
                execute(admin, "INSERT INTO t VALUES (1, 'a'), (2, 'b')");
                execute(admin, "GRANT INSERT, UPDATE, DELETE ON t TO writer");
                execute(admin, "CREATE TABLE secret (id int)");
            }
            try (Connection writer = connectAs(server, "writer")) {
                // PostgreSQL asks for SELECT only where the statement reads the table's columns
                assertThat(update(writer, "UPDATE t SET v = 'x'")).isEqualTo(2);
                assertThat(update(writer, "INSERT INTO t VALUES (3, 'c')")).isEqualTo(1);
                assertDenied(writer, "UPDATE t SET v = 'y' WHERE id = 1", "t");
                assertDenied(writer, "UPDATE t SET v = v || 'y'", "t");
                assertDenied(writer, "DELETE FROM t WHERE id = 1", "t");
                assertDenied(writer, "INSERT INTO t VALUES (4, 'd') RETURNING id", "t");
                assertDenied(writer, "DELETE FROM t RETURNING *", "t");
                assertDenied(writer, "UPDATE t SET v = 'z' RETURNING (SELECT count(*) FROM secret)", "secret");
                assertThat(update(writer, "DELETE FROM t")).isEqualTo(3);
                assertUsable(writer);
            }
        }
    }

    @Test
    void publicGrantsRevokesAndPreparedStatementsSeeTheChange() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            try (Connection admin = server.connect()) {
                execute(admin, "CREATE ROLE alice LOGIN");
                execute(admin, "CREATE ROLE bob LOGIN");
                execute(admin, "CREATE TABLE t (id int PRIMARY KEY)");
                execute(admin, "INSERT INTO t VALUES (1)");
                // the statement's plan is cached by postgres; the check is made for whoever runs it, when it runs
                assertThat(queryStrings(admin, "SELECT id FROM t")).containsExactly("1");
            }
            try (Connection admin = server.connect(); Connection alice = connectAs(server, "alice");
                 Connection bob = connectAs(server, "bob");
                 PreparedStatement select = alice.prepareStatement("SELECT id FROM t WHERE id = ?")) {
                alice.unwrap(PGConnection.class).setPrepareThreshold(1);
                select.setInt(1, 1);
                assertDeniedRunning(select, "t");
                assertDenied(alice, "SELECT id FROM t", "t");

                execute(admin, "GRANT SELECT ON t TO PUBLIC");
                assertThat(rows(select)).containsExactly("1");
                assertThat(rows(select)).containsExactly("1");
                assertThat(queryStrings(bob, "SELECT id FROM t")).containsExactly("1");
                assertThat(queryStrings(bob, "SELECT has_table_privilege('t', 'select'), "
                        + "has_table_privilege('t', 'insert'), has_table_privilege('alice', 't', 'SELECT, INSERT'), "
                        + "has_table_privilege('t'::regclass::oid, 'select')")).containsExactly("t");
                assertThat(queryStrings(bob, "SELECT has_table_privilege('t', 'insert')")).containsExactly("f");

                execute(admin, "REVOKE ALL ON t FROM PUBLIC");
                assertDeniedRunning(select, "t");
                assertDenied(bob, "SELECT id FROM t", "t");
                assertThat(queryStrings(admin, "SELECT relacl FROM pg_class WHERE relname = 't'"))
                        .containsExactly("{postgres=arwdDxt/postgres}");

                // the owner may revoke its own rights too; a superuser passes all the same
                execute(admin, "REVOKE SELECT ON t FROM postgres");
                assertThat(queryStrings(admin, "SELECT id FROM t")).containsExactly("1");
                assertThat(queryStrings(admin, "SELECT relacl FROM pg_class WHERE relname = 't'"))
                        .containsExactly("{postgres=awdDxt/postgres}");
                assertUsable(alice);
            }
        }
    }

    @Test
    void ddlIsTheOwnersAndOwnershipMoves() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            try (Connection admin = server.connect()) {
                execute(admin, "CREATE EXTENSION IF NOT EXISTS vector");
                execute(admin, "CREATE ROLE alice LOGIN");
                execute(admin, "CREATE ROLE bob LOGIN");
                execute(admin, "CREATE TABLE items (id int PRIMARY KEY, e vector(3))");
                execute(admin, "CREATE INDEX items_e_idx ON items USING hnsw (e vector_l2_ops)");
                execute(admin, "GRANT SELECT ON items TO alice");
            }
            try (Connection alice = connectAs(server, "alice"); Connection bob = connectAs(server, "bob");
                 Connection admin = server.connect()) {
                assertOwnerOnly(alice, "ALTER TABLE items ADD COLUMN x int", "table items");
                assertOwnerOnly(alice, "ALTER TABLE items RENAME TO things", "table items");
                assertOwnerOnly(alice, "DROP TABLE items", "table items");
                assertOwnerOnly(alice, "CREATE INDEX ON items USING hnsw (e vector_cosine_ops)", "table items");
                assertOwnerOnly(alice, "DROP INDEX items_e_idx", "index items_e_idx");
                assertOwnerOnly(alice, "ALTER INDEX items_e_idx RENAME TO x", "index items_e_idx");
                assertOwnerOnly(alice, "COMMENT ON TABLE items IS 'x'", "table items");
                assertOwnerOnly(alice, "COMMENT ON COLUMN items.id IS 'x'", "relation items");
                assertOwnerOnly(alice, "ALTER TABLE items OWNER TO alice", "table items");
                // a grantee without grant options changes nothing, with a warning; one with no privilege is refused
                assertThat(warnings(alice, "GRANT SELECT ON items TO bob"))
                        .containsExactly("no privileges were granted for \"items\"");
                assertDenied(bob, "REVOKE SELECT ON items FROM alice", "items");
                assertThat(warnings(alice, "VACUUM items"))
                        .containsExactly("skipping \"items\" --- only table or database owner can vacuum it");
                assertThat(warnings(alice, "ANALYZE items"))
                        .containsExactly("skipping \"items\" --- only table or database owner can analyze it");
                assertUsable(alice);

                execute(admin, "ALTER TABLE items OWNER TO alice");
                assertThat(queryStrings(admin, "SELECT pg_get_userbyid(relowner) || ' ' "
                        + "|| array_to_string(relacl, ',') FROM pg_class WHERE relname = 'items'"))
                        .containsExactly("alice alice=arwdDxt/alice");
                execute(alice, "ALTER TABLE items ADD COLUMN x int");
                execute(alice, "COMMENT ON TABLE items IS 'mine'");
                execute(alice, "GRANT SELECT ON items TO bob");
                assertThat(warnings(alice, "VACUUM items")).isEmpty();
                SQLException member = assertFails(alice, "ALTER TABLE items OWNER TO bob", "42501");
                assertThat(member.getMessage()).contains("must be member of role \"bob\"");
                assertFails(admin, "DROP ROLE alice", "2BP01");
                execute(alice, "DROP TABLE items");
                assertUsable(alice);
            }
        }
    }

    @Test
    void grantsAreTransactionalAndPersistent() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            try (Connection admin = server.connect()) {
                execute(admin, "CREATE ROLE alice LOGIN");
                execute(admin, "CREATE SCHEMA s");
                execute(admin, "CREATE TABLE s.a (id int)");
                execute(admin, "CREATE TABLE s.b (id int)");
                execute(admin, "CREATE TABLE t (id int)");
                admin.setAutoCommit(false);
                execute(admin, "GRANT SELECT ON t TO alice");
                assertThat(queryStrings(admin, "SELECT has_table_privilege('alice', 't', 'select')"))
                        .containsExactly("t");
                admin.rollback();
                admin.setAutoCommit(true);
                assertThat(queryStrings(admin, "SELECT relacl IS NULL FROM pg_class WHERE relname = 't'"))
                        .containsExactly("t");
                execute(admin, "GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA s TO alice");
                execute(admin, "GRANT DELETE ON t TO alice");

                assertFails(admin, "GRANT SELECT ON nosuch TO alice", "42P01");
                assertFails(admin, "GRANT SELECT ON t TO nobody", "42704");
                assertFails(admin, "GRANT SELECT ON ALL TABLES IN SCHEMA nos TO alice", "3F000");
                assertFails(admin, "GRANT USAGE ON t TO alice", "0LP01");
                assertFails(admin, "SELECT has_table_privilege('t', 'foo')", "22023");
                assertFails(admin, "SELECT has_table_privilege('nobody', 't', 'select')", "42704");
                assertUsable(admin);
            }
            server.restart();
            try (Connection alice = connectAs(server, "alice")) {
                assertThat(update(alice, "INSERT INTO s.a VALUES (1)")).isEqualTo(1);
                assertThat(queryStrings(alice, "SELECT count(*) FROM s.b")).containsExactly("0");
                assertThat(update(alice, "DELETE FROM t")).isEqualTo(0);
                assertDenied(alice, "SELECT * FROM t", "t");
                assertThat(queryStrings(alice, "SELECT relname || ' ' || array_to_string(relacl, ',') "
                        + "FROM pg_class WHERE relname IN ('a', 't') ORDER BY 1")).containsExactly(
                        "a postgres=arwdDxt/postgres,alice=ar/postgres", "t postgres=arwdDxt/postgres,alice=d/postgres");
            }
        }
    }

    @Test
    void copyNeedsInsertOrSelect() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            try (Connection admin = server.connect()) {
                execute(admin, "CREATE ROLE alice LOGIN");
                execute(admin, "CREATE TABLE t (id int, v text)");
            }
            try (Connection alice = connectAs(server, "alice"); Connection admin = server.connect()) {
                var copy = alice.unwrap(PGConnection.class).getCopyAPI();
                SQLException in = org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class,
                        () -> copy.copyIn("COPY t FROM STDIN", new StringReader("1\ta\n")));
                assertThat(in.getSQLState()).isEqualTo("42501");
                assertThat(in.getMessage()).contains(DENIED + "t");
                assertUsable(alice);
                execute(admin, "GRANT INSERT ON t TO alice");
                assertThat(copy.copyIn("COPY t FROM STDIN", new StringReader("1\ta\n2\tb\n"))).isEqualTo(2);
                assertThat(copy.copyIn("COPY t (id) FROM STDIN", new StringReader("3\n"))).isEqualTo(1);
                assertDenied(alice, "COPY t TO STDOUT", "t");
                assertThat(queryStrings(admin, "SELECT count(*) FROM t")).containsExactly("3");
            }
        }
    }

    /** psql's \dp and \z print what they print against PostgreSQL 15 after the same statements. */
    @Test
    void psqlAccessPrivilegesMatchPostgres() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            Psql.Result result = Psql.run(server.port(), """
                    CREATE ROLE alice LOGIN;
                    CREATE ROLE bob LOGIN;
                    CREATE TABLE t (id int PRIMARY KEY, v text);
                    CREATE TABLE u (id int);
                    \\dp
                    GRANT SELECT ON t TO alice;
                    GRANT INSERT, UPDATE ON t TO PUBLIC;
                    GRANT ALL ON t TO bob;
                    \\z t
                    """);
            assertThat(result.stderr()).isEmpty();
            assertThat(result.stdout()).isEqualTo("""
                    CREATE ROLE
                    CREATE ROLE
                    CREATE TABLE
                    CREATE TABLE
                                                Access privileges
                     Schema | Name | Type  | Access privileges | Column privileges | Policies\s
                    --------+------+-------+-------------------+-------------------+----------
                     public | t    | table |                   |                   |\s
                     public | u    | table |                   |                   |\s
                    (2 rows)

                    GRANT
                    GRANT
                    GRANT
                                                    Access privileges
                     Schema | Name | Type  |     Access privileges     | Column privileges | Policies\s
                    --------+------+-------+---------------------------+-------------------+----------
                     public | t    | table | postgres=arwdDxt/postgres+|                   |\s
                            |      |       | alice=r/postgres         +|                   |\s
                            |      |       | =aw/postgres             +|                   |\s
                            |      |       | bob=arwdDxt/postgres      |                   |\s
                    (1 row)

                    """);
        }
    }

    private static Connection connectAs(RunningServer server, String role) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), role, "");
    }

    private static void assertDenied(Connection connection, String sql, String table) {
        SQLException error = assertFails(connection, sql, "42501");
        assertThat(error.getMessage()).as(sql).contains(DENIED + table);
    }

    private static void assertOwnerOnly(Connection connection, String sql, String object) {
        SQLException error = assertFails(connection, sql, "42501");
        assertThat(error.getMessage()).as(sql).contains("must be owner of " + object);
    }

    private static void assertDeniedRunning(PreparedStatement statement, String table) {
        SQLException error = org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class,
                () -> rows(statement));
        assertThat(error.getSQLState()).isEqualTo("42501");
        assertThat(error.getMessage()).contains(DENIED + table);
    }

    private static List<String> rows(PreparedStatement statement) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static List<String> warnings(Connection connection, String sql) throws SQLException {
        List<String> messages = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
                messages.add(w.getMessage());
            }
        }
        return messages;
    }
}

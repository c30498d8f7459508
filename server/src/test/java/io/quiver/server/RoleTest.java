package io.quiver.server;

import static io.quiver.server.SqlAssertions.assertFails;
import static io.quiver.server.SqlAssertions.assertUsable;
import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** CREATE/ALTER/DROP ROLE through pgjdbc: PostgreSQL's errors, SCRAM-only storage, and persistence. */
class RoleTest {
    @Test
    void rolesAreCreatedAlteredDroppedAndSurviveRestart() throws SQLException {
        try (RunningServer server = RunningServer.start()) {
            try (Connection c = server.connect()) {
                execute(c, "CREATE ROLE alice LOGIN PASSWORD 'secret' CREATEDB");
                execute(c, "CREATE USER bob WITH PASSWORD 'md5abcdefabcdefabcdefabcdefabcdefab' CONNECTION LIMIT 3");
                execute(c, "CREATE ROLE carol");
                assertThat(queryStrings(c, "SELECT rolname || ' ' || rolconnlimit FROM pg_roles "
                        + "WHERE rolname IN ('alice', 'bob', 'carol') ORDER BY 1"))
                        .containsExactly("alice -1", "bob 3", "carol -1");
                assertThat(queryStrings(c, "SELECT rolname FROM pg_roles WHERE rolcanlogin AND oid >= 16384 "
                        + "ORDER BY 1")).containsExactly("alice", "bob");
                assertThat(queryStrings(c, "SELECT rolname FROM pg_roles WHERE rolcreatedb ORDER BY 1"))
                        .containsExactly("alice", "postgres");
                assertThat(queryStrings(c, "SELECT rolpassword FROM pg_authid WHERE rolname = 'alice'").getFirst())
                        .matches("SCRAM-SHA-256\\$4096:[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+");
                assertThat(queryStrings(c, "SELECT rolpassword FROM pg_authid WHERE rolname = 'bob'"))
                        .containsExactly("md5abcdefabcdefabcdefabcdefabcdefab");
                assertThat(queryStrings(c, "SELECT rolpassword FROM pg_roles WHERE rolname = 'alice'"))
                        .containsExactly("********");

                assertFails(c, "CREATE ROLE alice", "42710");
                assertFails(c, "CREATE ROLE e WITH LOGIN NOLOGIN", "42601");
                assertFails(c, "CREATE ROLE pg_x", "42939");
                assertFails(c, "CREATE ROLE public", "42939");
                assertFails(c, "ALTER ROLE nobody LOGIN", "42704");
                assertFails(c, "DROP ROLE nobody", "42704");
                assertFails(c, "DROP ROLE postgres", "55006");
                assertFails(c, "ALTER ROLE alice RENAME TO bob", "42710");
                assertUsable(c);

                execute(c, "ALTER ROLE carol WITH LOGIN PASSWORD 'c'");
                execute(c, "ALTER ROLE bob RENAME TO robert");
                execute(c, "DROP ROLE IF EXISTS nobody, alice");
                assertThat(queryStrings(c, "SELECT usename FROM pg_user ORDER BY 1"))
                        .containsExactly("carol", "postgres", "robert");
                // robert's MD5 hash was salted with the old name: the rename cleared it, as PostgreSQL does
                assertThat(queryStrings(c, "SELECT coalesce(rolpassword, 'none') FROM pg_authid "
                        + "WHERE rolname = 'robert'")).containsExactly("none");
            }
            server.restart();
            try (Connection c = server.connect()) {
                assertThat(queryStrings(c, "SELECT rolname FROM pg_roles WHERE oid >= 16384 ORDER BY 1"))
                        .containsExactly("carol", "robert");
            }
            try (Connection carol = DriverManager.getConnection(server.jdbcUrl(), "carol", "")) {
                assertThat(queryStrings(carol, "SELECT current_user")).containsExactly("carol");
                assertFails(carol, "CREATE ROLE dave", "42501");
                assertFails(carol, "SELECT rolpassword FROM pg_authid", "42501");
                assertUsable(carol);
            }
        }
    }

    @Test
    void unknownRoleIsRefusedEvenUnderTrust() throws SQLException {
        try (RunningServer server = RunningServer.start()) {
            try {
                DriverManager.getConnection(server.jdbcUrl(), "ghost", "").close();
                throw new AssertionError("connected as an unknown role");
            } catch (SQLException e) {
                assertThat(e.getSQLState()).isEqualTo("28000");
                assertThat(e.getMessage()).contains("role \"ghost\" does not exist");
            }
            try (Connection c = server.connect()) {
                assertUsable(c);
            }
        }
    }
}

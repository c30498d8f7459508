package io.quiver.server;

import static io.quiver.server.SqlAssertions.assertFails;
import static io.quiver.server.SqlAssertions.assertUsable;
import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * pg_stat_activity, pg_backend_pid(), pg_cancel_backend() and pg_terminate_backend() across real sessions, from
 * pgjdbc and from psql.
 */
class SessionActivityTest {
    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void pgStatActivityShowsEverySessionWithPostgresqlsColumns() throws Exception {
        Properties named = new Properties();
        named.setProperty("ApplicationName", "watched-app");
        try (Connection watched = server.connect(named); Connection watcher = server.connect()) {
            int pid = watched.unwrap(PGConnection.class).getBackendPID();
            assertThat(queryStrings(watched, "SELECT pg_backend_pid()")).containsExactly(String.valueOf(pid));
            watched.setAutoCommit(false);
            execute(watched, "SELECT 42");
            try (Statement s = watcher.createStatement();
                 ResultSet rs = s.executeQuery("SELECT datname, usename, application_name, client_addr, client_port, "
                         + "backend_start IS NOT NULL, xact_start IS NOT NULL, state, query, backend_type, wait_event "
                         + "FROM pg_stat_activity WHERE pid = " + pid)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("quiver");
                assertThat(rs.getString(2)).isEqualTo("postgres");
                assertThat(rs.getString(3)).isEqualTo("watched-app");
                assertThat(rs.getString(4)).isEqualTo("127.0.0.1");
                assertThat(rs.getInt(5)).isPositive();
                assertThat(rs.getBoolean(6)).isTrue();
                assertThat(rs.getBoolean(7)).isTrue();
                assertThat(rs.getString(8)).isEqualTo("idle in transaction");
                assertThat(rs.getString(9)).isEqualTo("SELECT 42");
                assertThat(rs.getString(10)).isEqualTo("client backend");
                assertThat(rs.getString(11)).isEqualTo("ClientRead");
                assertThat(rs.next()).isFalse();
            }
            watched.rollback();
            assertThat(stateOf(watcher, pid)).isEqualTo("idle");
            assertThat(queryStrings(watcher, "SELECT state FROM pg_stat_activity WHERE pid = pg_backend_pid()"))
                    .containsExactly("active");
            List<String> columns = new ArrayList<>();
            try (Statement s = watcher.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM pg_stat_activity")) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    columns.add(rs.getMetaData().getColumnName(i));
                }
            }
            assertThat(columns).containsExactly("datid", "datname", "pid", "leader_pid", "usesysid", "usename",
                    "application_name", "client_addr", "client_hostname", "client_port", "backend_start", "xact_start",
                    "query_start", "state_change", "wait_event_type", "wait_event", "state", "backend_xid",
                    "backend_xmin", "query_id", "query", "backend_type");
        }
    }

    @Test
    void pgCancelBackendStopsAnotherSessionsStatement() throws Exception {
        try (Connection victim = server.connect(); Connection admin = server.connect()) {
            int pid = victim.unwrap(PGConnection.class).getBackendPID();
            CompletableFuture<SQLException> sleeping = sleepInBackground(victim);
            awaitState(admin, pid, "active");
            assertThat(queryStrings(admin, "SELECT pg_cancel_backend(" + pid + ")")).containsExactly("t");
            assertCanceledByUser(sleeping);
            assertUsable(victim);
        }
    }

    @Test
    void psqlListsAnotherSessionsRunningQueryAndCancelsIt() throws Exception {
        try (Connection victim = server.connect(); Connection watcher = server.connect()) {
            int pid = victim.unwrap(PGConnection.class).getBackendPID();
            int watcherPid = watcher.unwrap(PGConnection.class).getBackendPID();
            CompletableFuture<SQLException> sleeping = sleepInBackground(victim);
            awaitState(watcher, pid, "active");
            Psql.Result listed = Psql.run(server.port(),
                    "SELECT pid, usename, state, query FROM pg_stat_activity ORDER BY pid;", "-A", "-F", "|");
            assertThat(listed.stderr()).isEmpty();
            // The sleeper is active in its statement; the watcher, between statements, is idle with its last one.
            assertThat(listed.stdout().lines()).contains("pid|usename|state|query",
                    pid + "|postgres|active|SELECT pg_sleep(30)",
                    watcherPid + "|postgres|idle|SELECT state FROM pg_stat_activity WHERE pid = " + pid);

            Psql.Result cancel = Psql.run(server.port(), "SELECT pg_cancel_backend(" + pid + ");", "-A", "-t");
            assertThat(cancel.stderr()).isEmpty();
            assertThat(cancel.stdout()).isEqualTo("t\n");
            assertCanceledByUser(sleeping);
            assertUsable(victim);
        }
    }

    @Test
    void pgTerminateBackendEndsAnotherSession() throws Exception {
        try (Connection victim = server.connect(); Connection idle = server.connect();
             Connection admin = server.connect()) {
            int pid = victim.unwrap(PGConnection.class).getBackendPID();
            CompletableFuture<SQLException> sleeping = sleepInBackground(victim);
            awaitState(admin, pid, "active");
            assertThat(queryStrings(admin, "SELECT pg_terminate_backend(" + pid + ")")).containsExactly("t");
            SQLException e = sleeping.get(10, TimeUnit.SECONDS);
            assertThat(e.getSQLState()).isEqualTo("57P01");
            assertThat(e.getMessage()).contains("terminating connection due to administrator command");
            assertThat(victim.isValid(2)).isFalse();

            int idlePid = idle.unwrap(PGConnection.class).getBackendPID();
            assertThat(queryStrings(admin, "SELECT pg_terminate_backend(" + idlePid + ")")).containsExactly("t");
            awaitGone(admin, idlePid);
            assertThat(idle.isValid(2)).isFalse();
            assertUsable(admin);
        }
    }

    @Test
    void signallingAMissingPidWarnsAndReturnsFalse() throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            for (String function : List.of("pg_terminate_backend", "pg_cancel_backend")) {
                try (ResultSet rs = s.executeQuery("SELECT " + function + "(999999)")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getBoolean(1)).isFalse();
                }
                SQLWarning warning = s.getWarnings();
                assertThat((Throwable) warning).isNotNull();
                assertThat(warning.getSQLState()).isEqualTo("01000");
                assertThat(warning.getMessage()).contains("PID 999999 is not a PostgreSQL backend process");
                s.clearWarnings();
            }
            assertFails(c, "SELECT pg_cancel_backend('x')", "22P02");
            assertUsable(c);
        }
    }

    /** Runs a 30 s pg_sleep on {@code victim} in the background; the future holds the error that stops it. */
    private static CompletableFuture<SQLException> sleepInBackground(Connection victim) {
        return CompletableFuture.supplyAsync(() -> failureOf(victim, "SELECT pg_sleep(30)"));
    }

    private static void assertCanceledByUser(CompletableFuture<SQLException> sleeping) throws Exception {
        SQLException e = sleeping.get(10, TimeUnit.SECONDS);
        assertThat(e.getSQLState()).isEqualTo("57014");
        assertThat(e.getMessage()).contains("canceling statement due to user request");
    }

    private static SQLException failureOf(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    private static String stateOf(Connection watcher, int pid) throws SQLException {
        List<String> states = queryStrings(watcher, "SELECT state FROM pg_stat_activity WHERE pid = " + pid);
        return states.isEmpty() ? null : states.get(0);
    }

    private static void awaitState(Connection watcher, int pid, String state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!state.equals(stateOf(watcher, pid))) {
            assertThat(System.nanoTime()).as("session %d never became %s", pid, state).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void awaitGone(Connection watcher, int pid) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (stateOf(watcher, pid) != null) {
            assertThat(System.nanoTime()).as("session %d still listed", pid).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}

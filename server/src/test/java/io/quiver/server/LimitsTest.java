package io.quiver.server;

import static io.quiver.server.SqlAssertions.assertFails;
import static io.quiver.server.SqlAssertions.assertUsable;
import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * statement_timeout, idle_in_transaction_session_timeout, max_connections, the message size cap and cancel of
 * long statements, through the real protocol with PostgreSQL's SQLSTATEs and messages.
 */
class LimitsTest {
    private static final int VECTORS = 20_000;
    private static final int DIMENSIONS = 32;
    private static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        server = RunningServer.start(new OperationalSettings(4, 1024 * 1024, "0", "0", "-1", OperationalSettings.NO_METRICS));
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE lim_items (id int PRIMARY KEY, v vector(" + DIMENSIONS + "))");
            StringBuilder rows = new StringBuilder();
            Random random = new Random(7);
            for (int id = 0; id < VECTORS; id++) {
                rows.append(id).append("\t[");
                for (int d = 0; d < DIMENSIONS; d++) {
                    rows.append(d == 0 ? "" : ",").append(random.nextFloat());
                }
                rows.append("]\n");
            }
            new CopyManager(c.unwrap(BaseConnection.class))
                    .copyIn("COPY lim_items FROM STDIN", new StringReader(rows.toString()));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void statementTimeoutCancelsASleepAndLeavesTheSessionUsable() throws SQLException {
        try (Connection c = server.connect()) {
            assertThat(queryStrings(c, "SELECT pg_sleep(0)")).containsExactly(""); // plans once: Calcite warms up
            execute(c, "SET statement_timeout = '200ms'");
            assertThat(queryStrings(c, "SHOW statement_timeout")).containsExactly("200ms");
            long start = System.nanoTime();
            SQLException e = assertFails(c, "SELECT pg_sleep(10)", "57014");
            assertThat(e.getMessage()).contains("canceling statement due to statement timeout");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3_000);
            assertUsable(c);
            execute(c, "SET statement_timeout = 0");
            assertThat(queryStrings(c, "SELECT pg_sleep(0.3)")).containsExactly("");
        }
    }

    @Test
    void psqlSeesTheTimeoutAsPostgresqlReportsItAndGoesOn() throws Exception {
        Psql.Result result = Psql.runInterleaved(server.port(), """
                SET statement_timeout = '200ms';
                SELECT pg_sleep(10);
                SELECT id FROM lim_items ORDER BY id LIMIT 1;
                """, "-A", "-t");
        assertThat(result.stdout()).isEqualTo("SET\nERROR:  canceling statement due to statement timeout\n0\n");
    }

    @Test
    void setLocalStatementTimeoutLastsOneTransaction() throws SQLException {
        try (Connection c = server.connect()) {
            c.setAutoCommit(false);
            execute(c, "SET LOCAL statement_timeout = '1s'");
            assertThat(queryStrings(c, "SHOW statement_timeout")).containsExactly("1s");
            c.commit();
            assertThat(queryStrings(c, "SHOW statement_timeout")).containsExactly("0");
        }
    }

    @Test
    void statementTimeoutValuesAreCheckedAndShownAsPostgresqlShowsThem() throws SQLException {
        try (Connection c = server.connect()) {
            execute(c, "SET statement_timeout = 60000");
            assertThat(queryStrings(c, "SHOW statement_timeout")).containsExactly("1min");
            execute(c, "SET statement_timeout = 1500");
            assertThat(queryStrings(c, "SHOW statement_timeout")).containsExactly("1500ms");
            assertThat(assertFails(c, "SET statement_timeout = 'abc'", "22023").getMessage())
                    .contains("invalid value for parameter \"statement_timeout\": \"abc\"");
            assertThat(assertFails(c, "SET statement_timeout = '-1'", "22023").getMessage())
                    .contains("-1 ms is outside the valid range for parameter \"statement_timeout\" (0 .. 2147483647)");
            execute(c, "SET log_min_duration_statement = -1");
            assertThat(queryStrings(c, "SHOW log_min_duration_statement")).containsExactly("-1");
            assertThat(queryStrings(c, "SHOW max_connections")).containsExactly("4");
            assertThat(assertFails(c, "SET max_connections = 5", "55P02").getMessage())
                    .contains("parameter \"max_connections\" cannot be changed without restarting the server");
            assertUsable(c);
        }
    }

    @Test
    void serverWideStatementTimeoutIsEverySessionsDefault() throws SQLException {
        try (RunningServer limited = RunningServer.start(new OperationalSettings(10, 1 << 20, "150ms", "0", "-1", OperationalSettings.NO_METRICS));
             Connection c = limited.connect()) {
            assertThat(queryStrings(c, "SHOW statement_timeout")).containsExactly("150ms");
            assertFails(c, "SELECT pg_sleep(5)", "57014");
            execute(c, "SET statement_timeout = 0");
            execute(c, "RESET statement_timeout");
            assertThat(queryStrings(c, "SHOW statement_timeout")).containsExactly("150ms");
        }
    }

    @Test
    void createIndexStoppedByTheTimeoutLeavesNoIndex() throws SQLException {
        try (Connection c = server.connect()) {
            execute(c, "SET statement_timeout = '100ms'");
            SQLException e = assertFails(c, "CREATE INDEX lim_hnsw ON lim_items USING hnsw (v vector_l2_ops)", "57014");
            assertThat(e.getMessage()).contains("canceling statement due to statement timeout");
            execute(c, "SET statement_timeout = 0");
            assertThat(queryStrings(c, "SELECT indexname FROM pg_indexes WHERE tablename = 'lim_items'"))
                    .containsExactly("lim_items_pkey");
            assertThat(queryStrings(c, "SELECT count(*) FROM lim_items")).containsExactly(String.valueOf(VECTORS));
        }
    }

    @Test
    void jdbcCancelStopsACreateIndex() throws Exception {
        try (Connection c = server.connect(); Statement statement = c.createStatement()) {
            CompletableFuture<Void> cancel = CompletableFuture.runAsync(() -> cancelAfter(statement, 150));
            SQLException e = catchThrowableOfType(SQLException.class, () -> statement.execute(
                    "CREATE INDEX lim_cancelled ON lim_items USING hnsw (v vector_cosine_ops)"));
            cancel.join();
            assertThat(e.getSQLState()).isEqualTo("57014");
            assertThat(e.getMessage()).contains("canceling statement due to user request");
            assertThat(queryStrings(c, "SELECT count(*) FROM pg_indexes WHERE indexname = 'lim_cancelled'"))
                    .containsExactly("0");
            assertUsable(c);
        }
    }

    /**
     * A k-NN whose filter turns down every row (md5's hex digits all sort below 'g', which the planner cannot
     * know) walks the whole table, by the HNSW iterative scan or the exact scan; its cursor checks for cancel at
     * every row, so the timeout and a cancel request stop it.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void statementTimeoutAndCancelStopALongKnn(boolean throughHnsw) throws Exception {
        String knn = "SELECT id FROM lim_items WHERE md5(repeat(id::text, 20000)) > 'g' "
                + "ORDER BY v <-> '" + "[0.5" + ",0.5".repeat(DIMENSIONS - 1) + "]' LIMIT 10";
        try (Connection c = server.connect(); Statement statement = c.createStatement()) {
            if (throughHnsw) {
                execute(c, "CREATE INDEX lim_knn ON lim_items USING hnsw (v vector_l2_ops)");
                execute(c, "SET hnsw.iterative_scan = relaxed_order");
                execute(c, "SET hnsw.max_scan_tuples = " + VECTORS);
            } else {
                execute(c, "SET enable_indexscan = off");
            }
            assertThat(String.join("\n", queryStrings(c, "EXPLAIN " + knn)))
                    .contains(throughHnsw ? "method=[hnsw]" : "ExactScan");
            try {
                execute(c, "SET statement_timeout = '300ms'");
                long start = System.nanoTime();
                SQLException timedOut = assertFails(c, knn, "57014");
                assertThat(timedOut.getMessage()).contains("canceling statement due to statement timeout");
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3_000);
                execute(c, "SET statement_timeout = 0");
                CompletableFuture<Void> cancel = CompletableFuture.runAsync(() -> cancelAfter(statement, 300));
                SQLException cancelled = catchThrowableOfType(SQLException.class, () -> statement.executeQuery(knn));
                cancel.join();
                assertThat(cancelled.getSQLState()).isEqualTo("57014");
                assertThat(cancelled.getMessage()).contains("canceling statement due to user request");
                assertUsable(c);
            } finally {
                execute(c, "DROP INDEX IF EXISTS lim_knn");
            }
        }
    }

    @Test
    void idleInTransactionTimeoutEndsTheSession() throws Exception {
        try (Connection c = server.connect()) {
            execute(c, "SET idle_in_transaction_session_timeout = '200ms'");
            c.setAutoCommit(false);
            execute(c, "SELECT 1");
            Thread.sleep(800);
            SQLException e = catchThrowableOfType(SQLException.class, () -> execute(c, "SELECT 2"));
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getSQLState()).isEqualTo("25P03");
            assertThat(e.getMessage()).contains("terminating connection due to idle-in-transaction timeout");
            assertThat(c.isValid(2)).isFalse();
        }
        try (Connection c = server.connect()) {
            execute(c, "SET idle_in_transaction_session_timeout = '200ms'");
            Thread.sleep(400); // idle outside a transaction: the timeout does not apply
            assertUsable(c);
        }
    }

    @Test
    void connectionsPastMaxConnectionsAreRefusedUntilOneLeaves() throws Exception {
        List<Connection> open = new ArrayList<>();
        try {
            SQLException refused = null;
            for (int i = 0; i < 5 && refused == null; i++) {
                try {
                    open.add(server.connect());
                } catch (SQLException e) {
                    refused = e;
                }
            }
            assertThat((Throwable) refused).isNotNull();
            assertThat(refused.getSQLState()).isEqualTo("53300");
            assertThat(refused.getMessage()).contains("sorry, too many clients already");
            open.remove(0).close();
            Connection again = awaitConnection();
            open.add(again);
            assertUsable(again);
        } finally {
            for (Connection c : open) {
                c.close();
            }
        }
    }

    @Test
    void anOverlongMessageIsRefusedWithoutReadingIt() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            RawProtocol.startup(out);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            RawProtocol.readUntilReady(in);
            out.writeByte('Q');
            out.writeInt(Integer.MAX_VALUE);
            out.write("SELECT 1".getBytes(StandardCharsets.UTF_8));
            out.flush();
            RawProtocol.Message error = RawProtocol.read(in);
            assertThat(error.type()).isEqualTo('E');
            assertThat(error.fields()).contains("08P01", "invalid message length", "FATAL");
            assertThat(in.read()).isEqualTo(-1);
        }
        try (Connection c = server.connect()) {
            assertUsable(c);
        }
    }

    private static Connection awaitConnection() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            try {
                return server.connect();
            } catch (SQLException e) {
                if (System.nanoTime() > deadline || !"53300".equals(e.getSQLState())) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    private static void cancelAfter(Statement statement, long millis) {
        try {
            Thread.sleep(millis);
            statement.cancel();
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

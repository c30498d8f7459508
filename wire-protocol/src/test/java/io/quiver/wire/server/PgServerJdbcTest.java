package io.quiver.wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.wire.PgServer;
import io.quiver.wire.PgServerConfig;
import io.quiver.wire.testing.CannedQueryEngine;
import io.quiver.wire.testing.CannedSession;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PgServerJdbcTest {
    private static final CannedQueryEngine ENGINE = new CannedQueryEngine();
    private static PgServer server;
    private static String url;

    @BeforeAll
    static void startServer() {
        server = new PgServer(PgServerConfig.of("127.0.0.1", 0), ENGINE);
        InetSocketAddress address = server.start();
        url = "jdbc:postgresql://127.0.0.1:" + address.getPort() + "/quiver?user=tester&ApplicationName=wiretest&assumeMinServerVersion=10";
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static Connection connect(String options) throws SQLException {
        return DriverManager.getConnection(url + options);
    }

    private static List<Object> column(ResultSet rs) throws SQLException {
        List<Object> values = new ArrayList<>();
        while (rs.next()) {
            values.add(rs.getObject(1));
        }
        return values;
    }

    @Test
    void plainStatementReturnsRows() throws SQLException {
        try (Connection conn = connect(""); Statement stmt = conn.createStatement();
             ResultSet rs = stmt.executeQuery("select i from ints")) {
            assertThat(column(rs)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        }
    }

    @Test
    void simpleProtocolPrintsValuesAsPostgresDoes() throws SQLException {
        try (Connection conn = connect("&preferQueryMode=simple"); Statement stmt = conn.createStatement()) {
            stmt.execute("set timezone = 'Asia/Kolkata'");
            try (ResultSet rs = stmt.executeQuery("select * from every_type")) {
                assertThat(rs.next()).isTrue();
                List<String> texts = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    texts.add(rs.getString(i));
                }
                assertThat(texts).containsExactly("t", "-2", "42", "1099511627776", "1.5", "0.1", "1.50", "héllo",
                        "2024-01-02 03:04:05.123456", "2024-01-02 08:34:05.5+05:30", "2024-02-29", "\\xdead",
                        "{\"a b\",NULL,x}", "[1,2.5,-3]");
            }
        }
    }

    @Test
    void preparedStatementsUseNamedStatementsAndBinaryTransfer() throws SQLException {
        try (Connection conn = connect("&prepareThreshold=1&binaryTransfer=true")) {
            for (int round = 0; round < 3; round++) {
                int value = 41 + round;
                assertThat(echo(conn, "int4", ps -> ps.setInt(1, value))).isEqualTo(value);
                assertThat(echo(conn, "int8", ps -> ps.setLong(1, 1L << 40))).isEqualTo(1L << 40);
                assertThat(echo(conn, "int2", ps -> ps.setShort(1, (short) -7))).isEqualTo(-7);
                assertThat(echo(conn, "float8", ps -> ps.setDouble(1, 0.1))).isEqualTo(0.1);
                assertThat(echo(conn, "float4", ps -> ps.setFloat(1, 1.25f))).isEqualTo(1.25f);
                assertThat(echo(conn, "bool", ps -> ps.setBoolean(1, true))).isEqualTo(true);
                assertThat(echo(conn, "text", ps -> ps.setString(1, "héllo"))).isEqualTo("héllo");
                assertThat(echo(conn, "numeric", ps -> ps.setBigDecimal(1, new BigDecimal("-12.3400"))))
                        .isEqualTo(new BigDecimal("-12.3400"));
                assertThat(echo(conn, "bytea", ps -> ps.setBytes(1, new byte[] {1, 2, (byte) 255})))
                        .isEqualTo(new byte[] {1, 2, (byte) 255});
                assertThat(echo(conn, "date", ps -> ps.setObject(1, LocalDate.of(2024, 2, 29))))
                        .isEqualTo(java.sql.Date.valueOf("2024-02-29"));
                assertThat(echo(conn, "timestamp", ps -> ps.setObject(1, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000))))
                        .isEqualTo(Timestamp.valueOf(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000)));
                assertThat(echo(conn, "_int4", ps -> ps.setArray(1, conn.createArrayOf("int4", new Integer[] {1, null, 3}))))
                        .isInstanceOfSatisfying(java.sql.Array.class, array -> {
                            try {
                                assertThat((Object[]) array.getArray()).containsExactly(1, null, 3);
                            } catch (SQLException e) {
                                throw new AssertionError(e);
                            }
                        });
                // getObject would look the vector OID up in pg_type, which the canned engine does not serve
                try (PreparedStatement ps = conn.prepareStatement("select ?::vector")) {
                    ps.setString(1, "[1, 2.5, -3]");
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).isEqualTo("[1,2.5,-3]");
                    }
                }
            }
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static Object echo(Connection conn, String type, Binder binder) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("select ?::" + type)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getObject(1);
            }
        }
    }

    @Test
    void vectorsComeBackFromTheTable() throws SQLException {
        try (Connection conn = connect("&prepareThreshold=1");
             PreparedStatement ps = conn.prepareStatement("select id, embedding from items")) {
            for (int round = 0; round < 2; round++) {
                try (ResultSet rs = ps.executeQuery()) {
                    List<String> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(rs.getLong(1) + " " + rs.getString(2));
                    }
                    assertThat(rows).containsExactly("1 [1,2,3]", "2 [0.5,-1.25,3e-07]", "3 null");
                }
            }
        }
    }

    @Test
    void fetchSizeSuspendsAndResumesThePortal() throws SQLException {
        try (Connection conn = connect("&prepareThreshold=1")) {
            conn.setAutoCommit(false);
            try (PreparedStatement ps = conn.prepareStatement("select i from ints_1000")) {
                ps.setFetchSize(100);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Object> values = column(rs);
                    assertThat(values).hasSize(1000);
                    assertThat(values.get(0)).isEqualTo(1);
                    assertThat(values.get(999)).isEqualTo(1000);
                }
            }
            conn.commit();
        }
    }

    @Test
    void errorLeavesTheConnectionUsable() throws SQLException {
        try (Connection conn = connect(""); Statement stmt = conn.createStatement()) {
            assertThatThrownBy(() -> stmt.executeQuery("select 1/0"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("22012");
                        assertThat(e.getMessage()).isEqualTo("ERROR: division by zero");
                    });
            assertThatThrownBy(() -> stmt.executeQuery("select boom"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("XX000"));
            assertThat(column(stmt.executeQuery("select i from ints"))).hasSize(10);
        }
    }

    @Test
    void errorInATransactionBlockFailsTheBlockUntilRollback() throws SQLException {
        try (Connection conn = connect("")) {
            conn.setAutoCommit(false);
            try (Statement stmt = conn.createStatement()) {
                assertThatThrownBy(() -> stmt.executeQuery("select 1/0")).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> stmt.executeQuery("select i from ints"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25P02"));
                conn.rollback();
                assertThat(column(stmt.executeQuery("select i from ints"))).hasSize(10);
            }
            conn.commit();
        }
    }

    @Test
    void noticesBecomeWarnings() throws SQLException {
        try (Connection conn = connect(""); Statement stmt = conn.createStatement()) {
            stmt.execute("drop table if exists nothing");
            assertThat(stmt.getWarnings().getMessage()).isEqualTo("table \"nothing\" does not exist, skipping");
        }
    }

    @Test
    void cancelStopsTheRunningStatement() throws Exception {
        try (Connection conn = connect(""); Statement stmt = conn.createStatement()) {
            CompletableFuture<Void> cancel = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(300);
                    stmt.cancel();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long start = System.nanoTime();
            assertThatThrownBy(() -> stmt.executeQuery("select pg_sleep(10)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("57014"));
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(5);
            cancel.join();
            assertThat(column(stmt.executeQuery("select i from ints"))).hasSize(10);
        }
    }

    @Test
    void clientVanishingMidQueryCancelsAndClosesItsSessionOnly() throws Exception {
        try (Connection other = connect(""); Statement otherStmt = other.createStatement()) {
            int before = ENGINE.sessions().size();
            Connection doomed = connect("");
            CannedSession doomedSession = ENGINE.sessions().get(before);
            CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
                try (Statement stmt = doomed.createStatement()) {
                    stmt.executeQuery("select pg_sleep(10)");
                } catch (SQLException expected) {
                    // the connection is aborted under it
                }
            });
            Thread.sleep(200);
            var executor = Executors.newSingleThreadExecutor();
            doomed.abort(executor);
            running.get(5, TimeUnit.SECONDS);
            executor.shutdown();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!doomedSession.isClosed() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(doomedSession.isClosed()).isTrue();
            assertThat(column(otherStmt.executeQuery("select i from ints"))).hasSize(10);
        }
    }

    @Test
    void startupParametersReachTheSession() throws SQLException {
        int before = ENGINE.sessions().size();
        try (Connection conn = connect("")) {
            CannedSession session = ENGINE.sessions().get(before);
            assertThat(session.options().user()).isEqualTo("tester");
            assertThat(session.options().database()).isEqualTo("quiver");
            assertThat(session.options().parameters()).containsEntry("application_name", "wiretest");
            assertThat(conn.getMetaData().getDatabaseProductVersion()).isEqualTo("15.0 (Quiver)");
        }
    }
}

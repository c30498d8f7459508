package io.quiver.server;

import static io.quiver.server.SqlAssertions.assertUsable;
import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** pgjdbc's protocol paths against a real server: binary transfer, portals, cancel, disconnects. */
class JdbcProtocolTest {
    private static RunningServer server;

    @BeforeAll
    static void start() throws SQLException {
        server = RunningServer.start();
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE big (id int PRIMARY KEY, v text)");
            execute(c, "INSERT INTO big SELECT x, 'row ' || CAST(x AS varchar) FROM "
                    + "(VALUES " + values(300) + ") AS t(x)");
        }
    }

    private static String values(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sb.append(i > 1 ? "," : "").append('(').append(i).append(')');
        }
        return sb.toString();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "binaryTransfer={0}")
    @ValueSource(booleans = {false, true})
    void everyTypeRoundTrips(boolean binary) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("prepareThreshold", "1");
        properties.setProperty("binaryTransfer", String.valueOf(binary));
        String table = "types_" + binary;
        try (Connection c = server.connect(properties)) {
            execute(c, "CREATE TABLE " + table + " (a smallint, b int, c bigint, d real, e double precision, "
                    + "f numeric(10,2), g text, h varchar(10), i boolean, j timestamp, k vector(3))");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::vector)")) {
                for (int round = 0; round < 2; round++) {
                    insert.setShort(1, (short) 7);
                    insert.setInt(2, -42);
                    insert.setLong(3, 1L << 40);
                    insert.setFloat(4, 1.5f);
                    insert.setDouble(5, Math.PI);
                    insert.setBigDecimal(6, new BigDecimal("12.345"));
                    insert.setString(7, "héllo");
                    insert.setString(8, "short");
                    insert.setBoolean(9, true);
                    insert.setTimestamp(10, Timestamp.valueOf(LocalDateTime.of(2024, 1, 2, 3, 4, 5)));
                    insert.setString(11, "[1,2.5,-3]");
                    assertThat(insert.executeUpdate()).isEqualTo(1);
                }
            }
            try (PreparedStatement select = c.prepareStatement("SELECT * FROM " + table + " WHERE b = ?")) {
                for (int round = 0; round < 2; round++) {
                    select.setInt(1, -42);
                    try (ResultSet rs = select.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getShort(1)).isEqualTo((short) 7);
                        assertThat(rs.getInt(2)).isEqualTo(-42);
                        assertThat(rs.getLong(3)).isEqualTo(1L << 40);
                        assertThat(rs.getFloat(4)).isEqualTo(1.5f);
                        assertThat(rs.getDouble(5)).isEqualTo(Math.PI);
                        assertThat(rs.getBigDecimal(6)).isEqualByComparingTo("12.35");
                        assertThat(rs.getString(7)).isEqualTo("héllo");
                        assertThat(rs.getString(8)).isEqualTo("short");
                        assertThat(rs.getBoolean(9)).isTrue();
                        assertThat(rs.getTimestamp(10).toLocalDateTime())
                                .isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5));
                        assertThat(rs.getString(11)).isEqualTo("[1,2.5,-3]");
                    }
                }
            }
            execute(c, "DROP TABLE " + table);
        }
    }

    @Test
    void portalsStreamWithFetchSize() throws SQLException {
        try (Connection c = server.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(7);
                int rows = 0;
                long sum = 0;
                try (ResultSet rs = s.executeQuery("SELECT id FROM big ORDER BY id")) {
                    while (rs.next()) {
                        rows++;
                        sum += rs.getInt(1);
                    }
                }
                assertThat(rows).isEqualTo(300);
                assertThat(sum).isEqualTo(300L * 301 / 2);
            }
            c.commit();
        }
    }

    @Test
    @Timeout(60)
    void cancelStopsARunningQuery() throws Exception {
        try (Connection c = server.connect()) {
            Statement s = c.createStatement();
            var executor = Executors.newSingleThreadScheduledExecutor();
            try {
                executor.schedule(() -> {
                    s.cancel();
                    return null;
                }, 300, TimeUnit.MILLISECONDS);
                SQLException error = catchThrowableOfType(SQLException.class,
                        () -> s.executeQuery("SELECT count(*) FROM big a, big b, big c, big d"));
                assertThat((Throwable) error).isNotNull();
                assertThat(error.getSQLState()).isEqualTo("57014");
            } finally {
                executor.shutdownNow();
            }
            assertUsable(c);
        }
    }

    @Test
    void aClientDisconnectingMidQueryDoesNotDisturbOthers() throws Exception {
        try (Connection other = server.connect()) {
            Connection leaving = server.connect();
            CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> {
                try (Statement s = leaving.createStatement()) {
                    s.executeQuery("SELECT count(*) FROM big a, big b, big c, big d");
                } catch (SQLException expected) {
                    // the connection is aborted under it
                }
            });
            Thread.sleep(200);
            leaving.abort(Runnable::run);
            slow.get(30, TimeUnit.SECONDS);
            assertThat(queryStrings(other, "SELECT count(*) FROM big")).containsExactly("300");
        }
    }
}

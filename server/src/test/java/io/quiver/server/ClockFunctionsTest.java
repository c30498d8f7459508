package io.quiver.server;

import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** now(), transaction_timestamp(), statement_timestamp() and clock_timestamp(), as PostgreSQL defines them. */
class ClockFunctionsTest {
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
    void nowIsATimestamptzOfTheCurrentTime() throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT now(), clock_timestamp(), statement_timestamp()")) {
            assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("timestamptz");
            rs.next();
            OffsetDateTime now = rs.getObject(1, OffsetDateTime.class);
            assertThat(now).isBetween(OffsetDateTime.now().minusMinutes(1), OffsetDateTime.now().plusSeconds(1));
            assertThat(rs.getObject(2, OffsetDateTime.class)).isAfterOrEqualTo(now);
            assertThat(rs.getObject(3, OffsetDateTime.class)).isEqualTo(now);
        }
    }

    @Test
    void nowStaysFixedForATransactionWhileTheClockMovesOn() throws Exception {
        try (Connection c = server.connect()) {
            c.setAutoCommit(false);
            String first = queryStrings(c, "SELECT now()").get(0);
            Thread.sleep(20);
            assertThat(queryStrings(c, "SELECT now()")).containsExactly(first);
            assertThat(queryStrings(c, "SELECT now() = transaction_timestamp()")).containsExactly("t");
            assertThat(queryStrings(c, "SELECT statement_timestamp() > now()")).containsExactly("t");
            assertThat(queryStrings(c, "SELECT clock_timestamp() > now()")).containsExactly("t");
            c.commit();
            Thread.sleep(20);
            assertThat(queryStrings(c, "SELECT now()").get(0)).isGreaterThan(first);
        }
    }

    @Test
    void clockFunctionsCompareWithTimestamptzLiteralsAndIntervals() throws SQLException {
        try (Connection c = server.connect()) {
            assertThat(queryStrings(c, "SELECT now() > '2026-11-23 16:42:51.757+00'::timestamptz")).containsExactly("t");
            assertThat(queryStrings(c, "SELECT now() - interval '1 day' < now()")).containsExactly("t");
            assertThat(queryStrings(c, "SELECT clock_timestamp() - interval '7 days' < statement_timestamp()"))
                    .containsExactly("t");
            assertThat(queryStrings(c, "SELECT transaction_timestamp() + interval '1 month' > now() + interval"
                    + " '27 days'")).containsExactly("t");
        }
    }

    @Test
    void aColumnDefaultOfNowStampsEachRow() throws SQLException {
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE stamped (id int, created timestamptz DEFAULT now())");
            execute(c, "INSERT INTO stamped (id) VALUES (1)");
            assertThat(queryStrings(c, "SELECT created <= now() FROM stamped WHERE id = 1")).containsExactly("t");
        }
    }
}

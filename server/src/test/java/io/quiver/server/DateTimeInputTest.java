package io.quiver.server;

import static io.quiver.server.SqlAssertions.assertFails;
import static io.quiver.server.SqlAssertions.assertUsable;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PGInterval;

/**
 * Date/time text input, intervals, pg_typeof and pg_sleep as psql and pgjdbc users type them. Expected values
 * are what PostgreSQL 15 printed with TimeZone UTC.
 */
class DateTimeInputTest {
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
    void textCastsToTimestamptzTimestampAndDateReadPostgresInput() throws SQLException {
        try (Connection c = server.connect()) {
            assertThat(row(c, "SELECT '2026-11-23 16:42:51'::timestamptz, '2026-11-23 16:42:51.757+05:30'::timestamptz,"
                    + " '2026-11-23 16:42:51-08'::timestamptz, '2026-11-23T16:42:51Z'::timestamptz,"
                    + " '2026-11-23 16:42:51+02'::timestamp, '2026-11-23'::date, '2026-11-23'::timestamptz,"
                    + " CAST('2026-11-23 16:42:51.5+00' AS timestamptz)")).containsExactly(
                    "2026-11-23 16:42:51+00", "2026-11-23 11:12:51.757+00", "2026-11-24 00:42:51+00",
                    "2026-11-23 16:42:51+00", "2026-11-23 16:42:51", "2026-11-23", "2026-11-23 00:00:00+00",
                    "2026-11-23 16:42:51.5+00");
            assertThat(queryStrings(c, "SELECT now() > '2026-11-23 16:42:51.757+00'::timestamptz")).containsExactly("t");
            // The spelled-out name is the same type.
            assertThat(queryStrings(c, "SELECT CAST('2026-11-23 16:42:51-08' AS timestamp with time zone)"))
                    .containsExactly("2026-11-24 00:42:51+00");
            // An unknown-typed literal compared with a timestamptz is read as one.
            assertThat(queryStrings(c, "SELECT now() > '2026-11-23 16:42:51+00'")).containsExactly("t");
            assertThat(queryStrings(c, "SELECT x::timestamptz FROM (VALUES ('2026-01-02 03:04:05+01')) t(x)"))
                    .containsExactly("2026-01-02 02:04:05+00");
        }
    }

    @Test
    void badDateTimeTextIs22007() throws SQLException {
        try (Connection c = server.connect()) {
            assertThat((Throwable) assertFails(c, "SELECT 'garbage'::timestamptz", "22007")).hasMessageContaining(
                    "invalid input syntax for type timestamp with time zone: \"garbage\"");
            assertThat((Throwable) assertFails(c, "SELECT 'x'::date", "22007"))
                    .hasMessageContaining("invalid input syntax for type date: \"x\"");
            assertThat((Throwable) assertFails(c, "SELECT x::timestamp FROM (VALUES ('nope')) t(x)", "22007"))
                    .hasMessageContaining("invalid input syntax for type timestamp: \"nope\"");
            assertFails(c, "SELECT '2026-13-45'::date", "22008");
            assertUsable(c);
        }
    }

    @Test
    void intervalsPrintAsPostgresPrintsThem() throws SQLException {
        try (Connection c = server.connect()) {
            assertThat(row(c, "SELECT interval '1 day', interval '2 hours 30 minutes', '1 day'::interval,"
                    + " interval '7 days', interval '1 day 2 hours', interval '1 month', interval '2 years',"
                    + " interval '-1 day', CAST('90 mins' AS interval), interval '1 d 2 h 3 m 4 s', interval '0.5 sec',"
                    + " interval '1' day")).containsExactly("1 day", "02:30:00", "1 day", "7 days", "1 day 02:00:00",
                    "1 mon", "2 years", "-1 days", "01:30:00", "1 day 02:03:04", "00:00:00.5", "1 day");
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT interval '1 day'")) {
                assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("interval");
                assertThat(rs.getMetaData().getColumnName(1)).isEqualTo("interval");
                rs.next();
                assertThat(rs.getObject(1)).isEqualTo(new PGInterval(0, 0, 1, 0, 0, 0));
            }
        }
    }

    @Test
    void intervalsAddToAndSubtractFromTimestampsAndDatesAndCompare() throws SQLException {
        try (Connection c = server.connect()) {
            assertThat(row(c, "SELECT '2026-11-23 16:42:51+00'::timestamptz - interval '1 day',"
                    + " '2026-11-23 16:42:51'::timestamp + interval '2 hours 30 minutes',"
                    + " '2026-11-23 16:42:51+00'::timestamptz + interval '1 month',"
                    + " '2026-03-31 10:00:00+00'::timestamptz - interval '1 month',"
                    + " interval '1 year' + '2026-02-28 10:00:00+00'::timestamptz,"
                    + " '2026-01-31'::date + interval '1 month'")).containsExactly("2026-11-22 16:42:51+00",
                    "2026-11-23 19:12:51", "2026-12-23 16:42:51+00", "2026-02-28 10:00:00+00",
                    "2027-02-28 10:00:00+00", "2026-02-28");
            assertThat(row(c, "SELECT now() - interval '1 day' < now(), now() - interval '7 days' < now() - interval"
                    + " '6 days', interval '1 day' > interval '23 hours', interval '1 hour' = interval '60 minutes'"))
                    .containsExactly("t", "t", "t", "t");
            assertThat(queryStrings(c, "SELECT x::interval FROM (VALUES ('3 hrs')) t(x)")).containsExactly("03:00:00");
        }
    }

    @Test
    void intervalParametersArriveAsIntervals() throws SQLException {
        try (Connection c = server.connect();
             PreparedStatement p = c.prepareStatement("SELECT '2026-11-23 16:00:00+00'::timestamptz + ?::interval")) {
            p.setObject(1, new PGInterval("1 day 2 hours"));
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("2026-11-24 18:00:00+00");
            }
        }
    }

    @Test
    void badIntervalTextIs22007() throws SQLException {
        try (Connection c = server.connect()) {
            assertThat((Throwable) assertFails(c, "SELECT interval 'garbage'", "22007"))
                    .hasMessageContaining("invalid input syntax for type interval: \"garbage\"");
            assertThat((Throwable) assertFails(c, "SELECT '1 fortnight'::interval", "22007"))
                    .hasMessageContaining("invalid input syntax for type interval: \"1 fortnight\"");
            assertThat((Throwable) assertFails(c, "SELECT x::interval FROM (VALUES ('soon')) t(x)", "22007"))
                    .hasMessageContaining("invalid input syntax for type interval: \"soon\"");
            assertThat((Throwable) assertFails(c, "SELECT interval '1:60'", "22015"))
                    .hasMessageContaining("interval field value out of range: \"1:60\"");
            assertFails(c, "SELECT interval '1 month 2 days'", "0A000");
            assertUsable(c);
        }
    }

    @Test
    void pgTypeofNamesTypesAsPsqlShowsThem() throws SQLException {
        try (Connection c = server.connect()) {
            assertThat(row(c, "SELECT pg_typeof(1), pg_typeof(1.5), pg_typeof('a'::text), pg_typeof(now()),"
                    + " pg_typeof('[1,2]'::vector), pg_typeof(NULL), pg_typeof(ARRAY[1,2]), pg_typeof(1.5::float8),"
                    + " pg_typeof(true), pg_typeof(interval '1 day'), pg_typeof(1::bigint),"
                    + " pg_typeof('2026-01-01'::timestamp)")).containsExactly("integer", "numeric", "text",
                    "timestamp with time zone", "vector", "unknown", "integer[]", "double precision", "boolean",
                    "interval", "bigint", "timestamp without time zone");
            assertThat((Throwable) assertFails(c, "SELECT pg_typeof()", "42883"))
                    .hasMessageContaining("function pg_typeof() does not exist");
            assertUsable(c);
        }
    }

    @Test
    void pgSleepSleepsAndReturnsAnEmptyValue() throws SQLException {
        try (Connection c = server.connect()) {
            long start = System.nanoTime();
            assertThat(queryStrings(c, "SELECT pg_sleep(0.3)")).containsExactly("");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(300);
            assertThat(queryStrings(c, "SELECT pg_sleep(0)")).containsExactly("");
            assertThat(queryStrings(c, "SELECT pg_sleep(NULL)")).containsExactly("");
            assertThat((Throwable) assertFails(c, "SELECT pg_sleep('soon')", "22P02"))
                    .hasMessageContaining("invalid input syntax for type double precision: \"soon\"");
            assertUsable(c);
        }
    }

    @Test
    void aCancelStopsPgSleep() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            long start = System.nanoTime();
            CompletableFuture<Void> cancel = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(300);
                    s.cancel();
                } catch (InterruptedException | SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            SQLException error = org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class,
                    () -> s.executeQuery("SELECT pg_sleep(30)"));
            cancel.get();
            assertThat(error.getSQLState()).isEqualTo("57014");
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
            assertUsable(c);
        }
    }

    @Test
    void badNumberTextNamesTheTypeItWasReadAs() throws SQLException {
        try (Connection c = server.connect()) {
            assertThat((Throwable) assertFails(c, "SELECT 'abc'::int", "22P02"))
                    .hasMessageContaining("invalid input syntax for type integer: \"abc\"");
            assertThat((Throwable) assertFails(c, "SELECT x::bigint FROM (VALUES ('1'), ('y')) t(x)", "22P02"))
                    .hasMessageContaining("invalid input syntax for type bigint: \"y\"");
            assertUsable(c);
        }
    }

    @Test
    void psqlPrintsIntervalsTypesAndSleepsAsPostgres() throws Exception {
        Psql.Result result = Psql.run(server.port(), """
                SELECT interval '1 day' AS a, interval '2 hours 30 minutes' AS b, '7 days'::interval AS c;
                SELECT pg_typeof(now()), '2026-11-23 16:42:51.757+00'::timestamptz AS t;
                SELECT pg_sleep(0.1);
                SELECT interval 'garbage';
                SELECT 1 AS still_here;
                """);
        assertThat(result.stdout()).contains("""
                   a   |    b     |   c   \s
                -------+----------+--------
                 1 day | 02:30:00 | 7 days
                (1 row)
                """, """
                 timestamp with time zone | 2026-11-23 16:42:51.757+00
                (1 row)
                """, """
                 pg_sleep\s
                ----------
                \s
                (1 row)
                """, """
                 still_here\s
                ------------
                          1
                (1 row)
                """);
        assertThat(result.stderr()).contains("ERROR:  invalid input syntax for type interval: \"garbage\"");
    }

    private static List<String> row(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(rs.getString(i));
            }
        }
        return values;
    }
}

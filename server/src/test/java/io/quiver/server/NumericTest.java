package io.quiver.server;

import static io.quiver.server.SqlAssertions.assertFails;
import static io.quiver.server.SqlAssertions.assertUsable;
import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** numeric as PostgreSQL computes it: exact casts, typmod rounding, division scale, avg; expected values are PG 15's. */
class NumericTest {
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
    void castsKeepOrRoundDigitsAsPostgresDoes() throws SQLException {
        try (Connection c = server.connect()) {
            assertThat(row(c, "SELECT '2.5'::numeric, 2.345::numeric(10,2), '2.345'::decimal(10,2), "
                    + "0.1::float8::numeric, (1/3::float8)::numeric, 123.456::numeric(4,1), (-2.5)::numeric(5,0)"))
                    .isEqualTo("2.5|2.35|2.35|0.1|0.333333333333333|123.5|-3");
        }
    }

    @Test
    void divisionAndAverageHaveSixteenSignificantDigits() throws SQLException {
        try (Connection c = server.connect()) {
            assertThat(row(c, "SELECT 7::numeric / 3, 12345::numeric / 10, 1::numeric / 3000, 7 / 2, 7.0 / 2"))
                    .isEqualTo("2.3333333333333333|1234.5000000000000000|0.00033333333333333333|3|3.5000000000000000");
            assertThat(row(c, "SELECT avg(x), avg(x::int8), avg(x::numeric), sum(x), avg(y), avg(x::float8) "
                    + "FROM (VALUES (1, 1.25), (2, 2.5), (4, 3)) v(x, y)"))
                    .isEqualTo("2.3333333333333333|2.3333333333333333|2.3333333333333333|7|2.2500000000000000"
                            + "|2.3333333333333335");
        }
    }

    @Test
    void aNumericColumnKeepsWhatWasStored() throws SQLException {
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE prices (id int PRIMARY KEY, amount numeric, rounded numeric(6,2))");
            execute(c, "INSERT INTO prices VALUES (1, 1.5, 2.345), (2, 2.25, 1.005)");
            assertThat(queryStrings(c, "SELECT amount || ' ' || rounded FROM prices ORDER BY id"))
                    .containsExactly("1.5 2.35", "2.25 1.01");
            assertThat(row(c, "SELECT avg(amount), sum(amount), avg(rounded) FROM prices"))
                    .isEqualTo("1.8750000000000000|3.75|1.6800000000000000");
        }
    }

    @Test
    void badNumericInputIsAnError() throws SQLException {
        try (Connection c = server.connect()) {
            assertThat(assertFails(c, "SELECT 1234.5::numeric(4,1)", "22003").getMessage())
                    .contains("numeric field overflow");
            assertFails(c, "SELECT 1::numeric / 0", "22012");
            assertThat(assertFails(c, "SELECT 'abc'::numeric", "22P02").getMessage())
                    .contains("invalid input syntax for type numeric: \"abc\"");
            assertUsable(c);
        }
    }

    @Test
    void castsAreNamedAfterPostgresTypeNames() throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1::numeric, 1::integer, 1::bigint, 1::double precision, "
                     + "true::boolean, 0.5::float8::numeric")) {
            StringBuilder names = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                names.append(rs.getMetaData().getColumnLabel(i)).append(' ');
            }
            assertThat(names.toString().trim()).isEqualTo("numeric int4 int8 float8 bool numeric");
        }
    }

    /**
     * A sort on one numeric key compares the values directly, in PostgreSQL's order (NaN above Infinity, NULL
     * above all unless asked otherwise); Calcite's comparator converted them to BigDecimal, which fails on NaN
     * and infinities ("invalid input syntax for type numeric").
     */
    @Test
    void floatsSortAsPostgresDoesWithNanAndInfinities() throws SQLException {
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE readings (id int PRIMARY KEY, x float8, y real)");
            execute(c, "INSERT INTO readings VALUES (1, 1.5, 1.5), (2, 'NaN', 'NaN'), (3, -2, -2), (4, NULL, NULL), "
                    + "(5, '-Infinity', '-Infinity'), (6, 'Infinity', 'Infinity')");
            for (String column : new String[] {"x", "y"}) {
                assertThat(queryStrings(c, "SELECT " + column + " FROM readings ORDER BY " + column))
                        .containsExactly("-Infinity", "-2", "1.5", "Infinity", "NaN", null);
                assertThat(queryStrings(c, "SELECT " + column + " FROM readings ORDER BY " + column + " DESC"))
                        .containsExactly(null, "NaN", "Infinity", "1.5", "-2", "-Infinity");
                assertThat(queryStrings(c, "SELECT " + column + " FROM readings ORDER BY " + column
                        + " DESC NULLS LAST LIMIT 3")).containsExactly("NaN", "Infinity", "1.5");
            }
            assertThat(queryStrings(c, "SELECT id FROM readings ORDER BY x NULLS FIRST"))
                    .containsExactly("4", "5", "3", "1", "6", "2");
            assertThat(queryStrings(c, "SELECT id FROM readings ORDER BY id DESC"))
                    .containsExactly("6", "5", "4", "3", "2", "1");
            // The text-to-float cast reads Java's spellings only: PostgreSQL's 'inf' still fails, as before.
            SQLException inf = assertFails(c, "INSERT INTO readings VALUES (7, 'inf', 0)", "22P02");
            assertThat(inf.getMessage()).contains("invalid input syntax for type double precision: \"inf\"");
            assertUsable(c);
        }
    }

    private static String row(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append(i > 1 ? "|" : "").append(rs.getString(i));
            }
            return row.toString();
        }
    }
}

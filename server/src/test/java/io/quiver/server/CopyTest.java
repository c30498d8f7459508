package io.quiver.server;

import static io.quiver.server.SqlAssertions.assertUsable;
import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** COPY ... FROM STDIN in text and CSV through pgjdbc's CopyManager and psql. */
class CopyTest {
    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static CopyManager copier(Connection c) throws SQLException {
        return c.unwrap(PGConnection.class).getCopyAPI();
    }

    @Test
    void textFormatLoadsRowsWithNullsAndEscapes() throws Exception {
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE copy_text (id bigserial PRIMARY KEY, note text, embedding vector(3))");
            StringBuilder data = new StringBuilder();
            for (int i = 0; i < 1000; i++) {
                data.append(i % 10 == 0 ? "\\N" : "note\\t" + i).append('\t')
                        .append('[').append(i).append(",1,2]\n");
            }
            long rows = copier(c).copyIn("COPY copy_text (note, embedding) FROM STDIN", new StringReader(data.toString()));
            assertThat(rows).isEqualTo(1000);
            assertThat(queryStrings(c, "SELECT count(*) FROM copy_text WHERE note IS NULL")).containsExactly("100");
            assertThat(queryStrings(c, "SELECT note FROM copy_text WHERE id = 2")).containsExactly("note\t1");
            assertThat(queryStrings(c, "SELECT id FROM copy_text ORDER BY embedding <-> '[500,1,2]' LIMIT 1"))
                    .containsExactly("501");
        }
    }

    @Test
    void csvWithHeaderAndQuotes() throws Exception {
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE copy_csv (id int PRIMARY KEY, name text, score double precision)");
            String csv = "id,name,score\n1,\"Smith, \"\"Jo\"\"\",1.5\n2,,2.5\n3,\"\",3\n";
            assertThat(copier(c).copyIn("COPY copy_csv FROM STDIN WITH (FORMAT csv, HEADER true)",
                    new StringReader(csv))).isEqualTo(3);
            assertThat(queryStrings(c, "SELECT name FROM copy_csv ORDER BY id"))
                    .containsExactly("Smith, \"Jo\"", null, "");
        }
    }

    @Test
    void leftOutColumnsGetTheirDefaults() throws Exception {
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE copy_defaults (id serial PRIMARY KEY, n int, note text DEFAULT 'none')");
            assertThat(copier(c).copyIn("COPY copy_defaults (n) FROM STDIN", new StringReader("7\n8\n")))
                    .isEqualTo(2);
            assertThat(queryStrings(c, "SELECT id || ':' || n || ':' || note FROM copy_defaults ORDER BY id"))
                    .containsExactly("1:7:none", "2:8:none");
        }
    }

    @Test
    void badDataFailsTheWholeCopyAndKeepsTheConnection() throws Exception {
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE copy_bad (id int PRIMARY KEY, embedding vector(2))");
            SQLException error = catchThrowableOfType(SQLException.class, () -> copier(c).copyIn(
                    "COPY copy_bad FROM STDIN", new StringReader("1\t[1,2]\n2\t[1,2,3]\n")));
            assertThat((Throwable) error).hasMessageContaining("expected 2 dimensions, not 3");
            assertThat(error.getSQLState()).isEqualTo("22000");
            assertUsable(c);
            assertThat(queryStrings(c, "SELECT count(*) FROM copy_bad")).containsExactly("0");
            SQLException format = catchThrowableOfType(SQLException.class, () -> copier(c).copyIn(
                    "COPY copy_bad FROM STDIN", new StringReader("1\n")));
            assertThat(format.getSQLState()).isEqualTo("22P04");
            assertUsable(c);
        }
    }

    @Test
    void copyToStdoutInTextAndCsv() throws Exception {
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE copy_out (id int PRIMARY KEY, note text, embedding vector(2))");
            execute(c, "INSERT INTO copy_out VALUES (1, 'a\tb', '[1,2]'), (2, NULL, '[3.5,4]'), (3, 'x,y', NULL)");
            java.io.StringWriter text = new java.io.StringWriter();
            assertThat(copier(c).copyOut("COPY copy_out TO STDOUT", text)).isEqualTo(3);
            assertThat(text.toString()).isEqualTo("1\ta\\tb\t[1,2]\n2\t\\N\t[3.5,4]\n3\tx,y\t\\N\n");
            java.io.StringWriter csv = new java.io.StringWriter();
            copier(c).copyOut("COPY (SELECT id, note FROM copy_out WHERE id > 1 ORDER BY id) TO STDOUT "
                    + "WITH (FORMAT csv, HEADER)", csv);
            assertThat(csv.toString()).isEqualTo("id,note\n2,\n3,\"x,y\"\n");
        }
    }

    @Test
    void psqlCopyFromStdin() throws Exception {
        Psql.Result result = Psql.run(server.port(), """
                CREATE TABLE copy_psql (id int PRIMARY KEY, embedding vector(2));
                COPY copy_psql FROM STDIN;
                1\t[1,1]
                2\t[2,2]
                \\.
                SELECT count(*) FROM copy_psql;
                """);
        assertThat(result.stdout()).contains("COPY 2").contains("""
                 count\s
                -------
                     2
                """);
    }
}

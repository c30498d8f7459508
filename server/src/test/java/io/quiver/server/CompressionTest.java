package io.quiver.server;

import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LZ4 row compression end to end: repetitive text is stored compressed (the table's size is well below the
 * text it holds), vectors are stored raw, and both read back exactly, before and after a restart.
 */
class CompressionTest {
    private static final int ROWS = 2_000;
    private static final String EVENT = "{\"type\": \"page_view\", \"source\": \"web-frontend-v2\", \"locale\": \"en-US\", "
            + "\"tags\": [\"alpha\", \"beta\", \"gamma\"], \"n\": ";

    @Test
    void compressibleRowsShrinkAndEverythingReadsBackAfterRestart() throws SQLException {
        try (RunningServer server = RunningServer.start()) {
            try (Connection connection = server.connect()) {
                execute(connection, "CREATE TABLE events (id int PRIMARY KEY, payload text, embedding vector(3))");
                execute(connection, "INSERT INTO events SELECT g, repeat('" + EVENT.replace("'", "''")
                        + "' || g || '} ', 4), ARRAY[g, -g, 0.5]::vector FROM generate_series(1, " + ROWS + ") g");
                long textBytes = Long.parseLong(queryStrings(connection,
                        "SELECT sum(octet_length(payload)) FROM events").get(0));
                long tableBytes = Long.parseLong(queryStrings(connection,
                        "SELECT pg_table_size('events')").get(0));
                assertThat(tableBytes).isLessThan(textBytes / 2);
                assertContents(connection);
            }
            server.restart();
            try (Connection connection = server.connect()) {
                assertContents(connection);
                execute(connection, "UPDATE events SET payload = 'short' WHERE id = 7");
                assertThat(queryStrings(connection, "SELECT payload FROM events WHERE id = 7")).containsExactly("short");
            }
        }
    }

    private static void assertContents(Connection connection) throws SQLException {
        assertThat(queryStrings(connection, "SELECT count(*) FROM events WHERE payload = repeat('"
                + EVENT.replace("'", "''") + "' || id || '} ', 4)")).containsExactly(String.valueOf(ROWS));
        List<String> vectors = queryStrings(connection, "SELECT embedding::text FROM events WHERE id IN (1, 2000) ORDER BY id");
        assertThat(vectors).containsExactly("[1,-1,0.5]", "[2000,-2000,0.5]");
    }
}

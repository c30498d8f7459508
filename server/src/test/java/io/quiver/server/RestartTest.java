package io.quiver.server;

import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables, rows, sequences and extensions survive a stop and start on the same data directory. */
class RestartTest {
    @Test
    void rowsSurviveRestart() throws SQLException {
        try (RunningServer server = RunningServer.start()) {
            List<String> before;
            try (Connection c = server.connect()) {
                execute(c, "CREATE EXTENSION vector");
                execute(c, "CREATE TABLE items (id bigserial PRIMARY KEY, embedding vector(3), note text)");
                execute(c, "INSERT INTO items (embedding, note) VALUES ('[1,2,3]', 'x'), ('[4,5,6]', NULL)");
                before = queryStrings(c, "SELECT embedding <-> '[0,0,0]' FROM items ORDER BY id");
            }
            server.restart();
            try (Connection c = server.connect()) {
                assertThat(queryStrings(c, "SELECT embedding <-> '[0,0,0]' FROM items ORDER BY id"))
                        .isEqualTo(before);
                assertThat(queryStrings(c, "SELECT note FROM items ORDER BY id")).containsExactly("x", null);
                execute(c, "INSERT INTO items (embedding) VALUES ('[7,8,9]')");
                assertThat(queryStrings(c, "SELECT max(id) FROM items")).containsExactly("3");
                assertThat(queryStrings(c, "SELECT extname FROM pg_extension")).contains("vector");
            }
        }
    }
}

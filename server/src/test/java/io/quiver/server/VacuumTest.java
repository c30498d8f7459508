package io.quiver.server;

import static io.quiver.server.SqlAssertions.assertFails;
import static io.quiver.server.SqlAssertions.assertUsable;
import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.storage.StorageEngine;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * VACUUM reclaims the space of deleted rows: the data file shrinks, the remaining rows and a long reader's
 * snapshot stay intact, nearest-neighbour searches never return deleted rows, and the server restarts fine.
 */
class VacuumTest {
    private static final int ROWS = 20_000;
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
    void vacuumShrinksTheFileAndKeepsLiveRowsSnapshotsAndIndexesRight() throws Exception {
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE vac (id bigint PRIMARY KEY, v vector(4), pad text)");
            StringBuilder data = new StringBuilder();
            String pad = "x".repeat(400);
            for (int id = 1; id <= ROWS; id++) {
                data.append(id).append("\t[").append(id).append(",0,0,1]\t").append(pad).append('\n');
            }
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY vac FROM STDIN", new StringReader(data.toString()));
            execute(c, "CREATE INDEX vac_hnsw ON vac USING hnsw (v vector_l2_ops)");
            assertThat(queryStrings(c, "SELECT id FROM vac ORDER BY v <-> '[10,0,0,1]' LIMIT 1")).containsExactly("10");
            execute(c, "DELETE FROM vac WHERE id % 2 = 0");

            long before;
            try (Connection reader = server.connect()) {
                reader.setAutoCommit(false);
                List<Long> seen = new ArrayList<>();
                try (Statement s = reader.createStatement()) {
                    s.setFetchSize(100);
                    try (ResultSet rs = s.executeQuery("SELECT id FROM vac ORDER BY id")) {
                        rs.next();
                        seen.add(rs.getLong(1));
                        execute(c, "DELETE FROM vac WHERE id > " + (ROWS - 1000));
                        before = dataFileSize();
                        SQLWarning info = vacuum(c, "VACUUM (VERBOSE) vac");
                        assertThat((Throwable) info).isNotNull();
                        assertThat(info.getMessage()).contains("vacuuming \"quiver.public.vac\"");
                        while (rs.next()) {
                            seen.add(rs.getLong(1));
                        }
                    }
                }
                // The reader's snapshot predates the second delete and survived the vacuum.
                assertThat(seen).hasSize(ROWS / 2).startsWith(1L, 3L).endsWith((long) ROWS - 1);
                reader.commit();
            }
            // Once no snapshot needs them, the dead rows' space goes.
            vacuum(c, "VACUUM FULL vac");
            long after = dataFileSize();
            assertThat(after).as("data file bytes after VACUUM FULL, before %d", before).isLessThan(before * 3 / 4);
            assertRemainingRows(c);
            // VACUUM leaves no dead rows behind in the statistics, and counts itself as PostgreSQL does.
            assertThat(queryStrings(c, "SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = 'vac'"))
                    .containsExactly("0");
            assertThat(queryStrings(c, "SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = 'vac'"))
                    .containsExactly("2");
            assertThat(queryStrings(c, "SELECT last_vacuum <= now() FROM pg_stat_user_tables WHERE relname = 'vac'"))
                    .containsExactly("t");
        }
        server.restart();
        try (Connection c = server.connect()) {
            assertRemainingRows(c);
            // The new row must not take the row id of a deleted one that the saved index still remembers.
            execute(c, "INSERT INTO vac VALUES (2, '[2,0,0,1]', 'back')");
            assertThat(queryStrings(c, "SELECT id FROM vac ORDER BY v <-> '[2,0,0,1]' LIMIT 1")).containsExactly("2");
            execute(c, "SET enable_indexscan = off");
            assertThat(queryStrings(c, "SELECT id FROM vac ORDER BY v <-> '[2,0,0,1]' LIMIT 1")).containsExactly("2");
        }
    }

    @Test
    void vacuumRefusesTransactionBlocksAndUnknownTables() throws SQLException {
        try (Connection c = server.connect()) {
            c.setAutoCommit(false);
            assertThat((Throwable) assertFails(c, "VACUUM", "25001")).hasMessageContaining("VACUUM cannot run inside a transaction block");
            c.rollback();
            c.setAutoCommit(true);
            assertThat((Throwable) assertFails(c, "VACUUM nosuch", "42P01")).hasMessageContaining("relation \"nosuch\" does not exist");
            assertUsable(c);
            execute(c, "VACUUM");
            assertUsable(c);
        }
    }

    private static void assertRemainingRows(Connection c) throws SQLException {
        int live = ROWS / 2 - 500;
        assertThat(queryStrings(c, "SELECT count(*) || ':' || sum(id) || ':' || min(length(pad)) FROM vac"))
                .containsExactly(live + ":" + (long) live * live + ":400");
        // Nearest to deleted rows: always live neighbours, through the index and through the exact scan.
        assertThat(queryStrings(c, "SELECT id FROM vac ORDER BY v <-> '[100,0,0,1]' LIMIT 2")).containsExactlyInAnyOrder("99", "101");
        assertThat(queryStrings(c, "SELECT id FROM vac ORDER BY v <-> '[19990,0,0,1]' LIMIT 1")).containsExactly(String.valueOf(ROWS - 1001));
        execute(c, "SET enable_indexscan = off");
        assertThat(queryStrings(c, "SELECT id FROM vac ORDER BY v <-> '[100,0,0,1]' LIMIT 2")).containsExactlyInAnyOrder("99", "101");
        execute(c, "RESET enable_indexscan");
    }

    private static SQLWarning vacuum(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
            return s.getWarnings();
        }
    }

    private static long dataFileSize() throws Exception {
        return Files.size(server.dataDirectory().resolve(StorageEngine.FILE_NAME));
    }
}

package io.quiver.server;

import static io.quiver.server.SqlAssertions.assertFails;
import static io.quiver.server.SqlAssertions.assertUsable;
import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.core.TransactionState;
import org.postgresql.jdbc.PgConnection;

/**
 * Transaction semantics as PostgreSQL clients see them: savepoints (with psql's ON_ERROR_ROLLBACK), the
 * failed-block state, ReadyForQuery's status, write-write conflicts and snapshot isolation of a long read.
 */
class TransactionTest {
    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void freshTable() throws SQLException {
        try (Connection c = server.connect()) {
            execute(c, "DROP TABLE IF EXISTS tx_t");
            execute(c, "DROP TABLE IF EXISTS tx_made_in_savepoint");
            execute(c, "CREATE TABLE tx_t (id int PRIMARY KEY, v vector(2), n int)");
            execute(c, "INSERT INTO tx_t VALUES (1, '[1,1]', 0), (2, '[2,2]', 0)");
        }
    }

    @Test
    void rollbackToSavepointUndoesRowsAndDdlSinceIt() throws SQLException {
        try (Connection c = server.connect()) {
            c.setAutoCommit(false);
            execute(c, "INSERT INTO tx_t VALUES (3, '[3,3]', 0)");
            Savepoint savepoint = c.setSavepoint("before_more");
            execute(c, "INSERT INTO tx_t VALUES (4, '[4,4]', 0)");
            execute(c, "UPDATE tx_t SET n = 9 WHERE id = 1");
            execute(c, "DELETE FROM tx_t WHERE id = 2");
            execute(c, "CREATE TABLE tx_made_in_savepoint (x int)");
            c.rollback(savepoint);
            assertThat(queryStrings(c, "SELECT id || ':' || n FROM tx_t ORDER BY id")).containsExactly("1:0", "2:0", "3:0");
            assertFails(c, "SELECT * FROM tx_made_in_savepoint", "42P01");
            c.rollback(savepoint); // the savepoint survives its own rollback (and the 42P01 above)
            execute(c, "INSERT INTO tx_t VALUES (5, '[5,5]', 0)");
            c.commit();
            c.setAutoCommit(true);
            assertThat(queryStrings(c, "SELECT id FROM tx_t ORDER BY id")).containsExactly("1", "2", "3", "5");
            // The nearest-neighbour search sees the committed vectors only: 4 was rolled back.
            assertThat(queryStrings(c, "SELECT id FROM tx_t ORDER BY v <-> '[4,4]' LIMIT 2")).containsExactly("3", "5");
        }
    }

    @Test
    void releaseKeepsTheWorkAndForgetsTheSavepointAndNewerOnes() throws SQLException {
        try (Connection c = server.connect()) {
            c.setAutoCommit(false);
            execute(c, "SAVEPOINT a");
            execute(c, "INSERT INTO tx_t VALUES (3, '[3,3]', 0)");
            execute(c, "SAVEPOINT b");
            execute(c, "INSERT INTO tx_t VALUES (4, '[4,4]', 0)");
            execute(c, "RELEASE SAVEPOINT a");
            assertThat((Throwable) assertFails(c, "ROLLBACK TO SAVEPOINT b", "3B001")).hasMessageContaining("savepoint \"b\" does not exist");
            c.rollback();
            c.setAutoCommit(true);
            execute(c, "BEGIN");
            execute(c, "SAVEPOINT a");
            execute(c, "INSERT INTO tx_t VALUES (3, '[3,3]', 0)");
            execute(c, "RELEASE a");
            execute(c, "COMMIT");
            assertThat(queryStrings(c, "SELECT count(*) FROM tx_t")).containsExactly("3");
        }
    }

    @Test
    void savepointCommandsNeedATransactionBlock() throws SQLException {
        try (Connection c = server.connect()) {
            assertThat((Throwable) assertFails(c, "SAVEPOINT a", "25P01")).hasMessageContaining("SAVEPOINT can only be used in transaction blocks");
            assertThat((Throwable) assertFails(c, "ROLLBACK TO a", "25P01")).hasMessageContaining("ROLLBACK TO SAVEPOINT can only be used in transaction blocks");
            assertThat((Throwable) assertFails(c, "RELEASE a", "25P01")).hasMessageContaining("RELEASE SAVEPOINT can only be used in transaction blocks");
            assertUsable(c);
            c.setAutoCommit(false);
            assertThat((Throwable) assertFails(c, "ROLLBACK TO nope", "3B001")).hasMessageContaining("savepoint \"nope\" does not exist");
            assertFails(c, "SELECT 1", "25P02");
            c.rollback();
            c.setAutoCommit(true);
            assertUsable(c);
        }
    }

    @Test
    void rollbackToSavepointEndsTheFailedStateAndReadyForQueryTracksIt() throws SQLException {
        try (Connection c = server.connect()) {
            PgConnection pg = c.unwrap(PgConnection.class);
            assertThat(pg.getTransactionState()).isEqualTo(TransactionState.IDLE);
            execute(c, "BEGIN");
            assertThat(pg.getTransactionState()).isEqualTo(TransactionState.OPEN);
            execute(c, "INSERT INTO tx_t VALUES (3, '[3,3]', 0)");
            execute(c, "SAVEPOINT s");
            assertFails(c, "INSERT INTO tx_t VALUES (1, '[1,1]', 0)", "23505");
            assertThat(pg.getTransactionState()).isEqualTo(TransactionState.FAILED);
            assertFails(c, "SELECT 1", "25P02");
            assertFails(c, "SAVEPOINT t", "25P02");
            assertFails(c, "RELEASE s", "25P02");
            execute(c, "ROLLBACK TO SAVEPOINT s");
            assertThat(pg.getTransactionState()).isEqualTo(TransactionState.OPEN);
            execute(c, "INSERT INTO tx_t VALUES (4, '[4,4]', 0)");
            execute(c, "COMMIT");
            assertThat(pg.getTransactionState()).isEqualTo(TransactionState.IDLE);
            assertThat(queryStrings(c, "SELECT id FROM tx_t ORDER BY id")).containsExactly("1", "2", "3", "4");
        }
    }

    @Test
    void psqlOnErrorRollbackKeepsTheBlockGoingPastAFailedStatement() throws Exception {
        Psql.Result result = Psql.run(server.port(), """
                \\set ON_ERROR_ROLLBACK on
                BEGIN;
                INSERT INTO tx_t VALUES (3, '[3,3]', 0);
                INSERT INTO tx_t VALUES (3, '[3,3]', 0);
                INSERT INTO tx_t VALUES (4, '[4,4]', 0);
                COMMIT;
                SELECT string_agg(id::text, ',' ORDER BY id) FROM tx_t;
                """, "-At");
        assertThat(result.stderr()).contains("duplicate key value violates unique constraint \"tx_t_pkey\"");
        assertThat(result.stdout()).contains("COMMIT").contains("1,2,3,4");
    }

    @Test
    void concurrentUpdateOfTheSameRowFailsTheLoserWith40001() throws SQLException {
        try (Connection a = server.connect(); Connection b = server.connect()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            execute(a, "UPDATE tx_t SET n = 1 WHERE id = 1");
            assertThat((Throwable) assertFails(b, "UPDATE tx_t SET n = 2 WHERE id = 1", "40001"))
                    .hasMessageContaining("could not serialize access due to concurrent update");
            b.rollback();
            // b's snapshot predates a's commit: its update fails even once a is done.
            execute(b, "SELECT count(*) FROM tx_t");
            a.commit();
            assertFails(b, "DELETE FROM tx_t WHERE id = 1", "40001");
            b.rollback();
            assertThat(queryStrings(b, "SELECT n FROM tx_t WHERE id = 1")).containsExactly("1");
            b.commit();
            // Different rows never conflict.
            execute(a, "UPDATE tx_t SET n = 5 WHERE id = 1");
            execute(b, "UPDATE tx_t SET n = 6 WHERE id = 2");
            a.commit();
            b.commit();
            assertThat(queryStrings(a, "SELECT n FROM tx_t ORDER BY id")).containsExactly("5", "6");
        }
    }

    @Test
    void aLongCursorReadSeesOneSnapshotWhileOthersCommit() throws SQLException {
        try (Connection reader = server.connect(); Connection writer = server.connect()) {
            try (PreparedStatement insert = writer.prepareStatement("INSERT INTO tx_t VALUES (?, '[0,0]', ?)")) {
                for (int id = 10; id < 1010; id++) {
                    insert.setInt(1, id);
                    insert.setInt(2, id);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            reader.setAutoCommit(false);
            List<String> seen = new ArrayList<>();
            try (Statement s = reader.createStatement()) {
                s.setFetchSize(50);
                try (ResultSet rs = s.executeQuery("SELECT id, n FROM tx_t ORDER BY id")) {
                    for (int i = 0; i < 100 && rs.next(); i++) {
                        seen.add(rs.getInt(1) + ":" + rs.getInt(2));
                    }
                    execute(writer, "INSERT INTO tx_t VALUES (5000, '[0,0]', 0)");
                    execute(writer, "DELETE FROM tx_t WHERE id >= 500 AND id < 600");
                    execute(writer, "UPDATE tx_t SET n = -1 WHERE id >= 900");
                    while (rs.next()) {
                        seen.add(rs.getInt(1) + ":" + rs.getInt(2));
                    }
                }
            }
            assertThat(seen).hasSize(1002).contains("550:550", "950:950").doesNotContain("5000:0", "950:-1");
            // Later statements of the same transaction keep the snapshot too.
            assertThat(queryStrings(reader, "SELECT count(*) FROM tx_t")).containsExactly("1002");
            reader.commit();
            assertThat(queryStrings(reader, "SELECT count(*) FROM tx_t")).containsExactly("903");
        }
    }
}

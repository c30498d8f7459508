package io.quiver.server;

import static io.quiver.server.SqlAssertions.assertFails;
import static io.quiver.server.SqlAssertions.assertUsable;
import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quiver backup} against a running server process under a write load, then {@code quiver restore} to a
 * point in time and to the end of the backup; the restored server answers KNN queries through its HNSW index.
 */
class BackupRestoreTest {
    private static final String STATE = "SELECT id || ':' || batch || ':' || embedding::text FROM items ORDER BY id";

    @TempDir
    Path dir;

    @Test
    void onlineFullAndIncrementalBackupRestoreToAPointInTimeAndToTheEnd() throws Exception {
        Path data = dir.resolve("data");
        Path backup = dir.resolve("backup");
        List<String> atPointInTime;
        String pointInTime;
        Set<Integer> ackedBeforeIncremental = ConcurrentHashMap.newKeySet();
        Set<Integer> ackedAfterIncremental = ConcurrentHashMap.newKeySet();
        try (ServerProcess server = ServerProcess.start(data); Connection c = server.connect()) {
            execute(c, "CREATE EXTENSION IF NOT EXISTS vector");
            execute(c, "CREATE TABLE items (id int PRIMARY KEY, batch int NOT NULL, embedding vector(3))");
            execute(c, "CREATE INDEX items_embedding ON items USING hnsw (embedding vector_l2_ops)");
            // above the size where k-NN queries use the index
            execute(c, "INSERT INTO items SELECT g, 1, ('[' || sin(g) || ',' || cos(1.3 * g) || ',' || sin(0.7 * g + 1) "
                    + "|| ']')::vector FROM generate_series(0, 5999) g");

            ServerProcess.CommandResult full = quiver("backup", "--to", backup.toString(), "--port", port(server));
            assertThat(full.exitCode()).as(full.output()).isZero();
            assertThat(full.output()).contains("full backup into " + backup);

            insertBatch(c, 2, 6000, 6100);
            execute(c, "UPDATE items SET batch = 20, embedding = '[0.5,0.5,0.5]' WHERE id < 20");
            execute(c, "DELETE FROM items WHERE id BETWEEN 100 AND 119");
            atPointInTime = queryStrings(c, STATE);
            pointInTime = serverClock(c);

            // Pairs of rows in one transaction keep committing while the incremental backup runs.
            AtomicBoolean backingUp = new AtomicBoolean(true);
            AtomicInteger nextPair = new AtomicInteger(5000);
            Thread writer = Thread.ofPlatform().start(() -> writePairs(server, nextPair, backingUp,
                    ackedBeforeIncremental));
            while (ackedBeforeIncremental.size() < 20) {
                Thread.sleep(5);
            }
            Set<Integer> ackedBeforeStart = Set.copyOf(ackedBeforeIncremental);
            ServerProcess.CommandResult incremental = quiver("backup", "--to", backup.toString(), "--port", port(server));
            Set<Integer> ackedBeforeEnd = Set.copyOf(ackedBeforeIncremental);
            backingUp.set(false);
            writer.join();
            assertThat(incremental.exitCode()).as(incremental.output()).isZero();
            assertThat(incremental.output()).contains("incremental backup into " + backup);
            ackedAfterIncremental.addAll(ackedBeforeEnd);
            ackedBeforeIncremental.retainAll(ackedBeforeStart);

            execute(c, "UPDATE items SET batch = 99 WHERE id < 50");
            execute(c, "DELETE FROM items WHERE id >= 10000");
        }

        Path restoredToPoint = dir.resolve("restored-point");
        ServerProcess.CommandResult toPoint = quiver("restore", "--from", backup.toString(), "--data-dir",
                restoredToPoint.toString(), "--until", pointInTime);
        assertThat(toPoint.exitCode()).as(toPoint.output()).isZero();
        try (ServerProcess server = ServerProcess.start(restoredToPoint); Connection c = server.connect()) {
            assertThat(queryStrings(c, STATE)).isEqualTo(atPointInTime);
            assertNearestNeighboursMatchExactSearch(c);
            execute(c, "INSERT INTO items VALUES (9999, 5, '[1,1,1]')");
        }

        Path restoredAll = dir.resolve("restored-all");
        ServerProcess.CommandResult all = quiver("restore", "--from", backup.toString(), "--data-dir", restoredAll.toString());
        assertThat(all.exitCode()).as(all.output()).isZero();
        try (ServerProcess server = ServerProcess.start(restoredAll); Connection c = server.connect()) {
            List<String> rows = queryStrings(c, STATE);
            assertThat(rows).containsAll(atPointInTime);
            Set<Integer> pairs = new HashSet<>();
            for (String row : queryStrings(c, "SELECT id FROM items WHERE id >= 10000")) {
                pairs.add(Integer.parseInt(row) / 2);
            }
            assertThat(pairs).containsAll(ackedBeforeIncremental);
            assertThat(ackedAfterIncremental).containsAll(pairs);
            assertThat(rows).hasSize(atPointInTime.size() + 2 * pairs.size());
            assertThat(queryStrings(c, "SELECT count(*) FROM items WHERE batch = 99")).containsExactly("0");
            assertNearestNeighboursMatchExactSearch(c);
        }
    }

    @Test
    void badBackupsAndRestoresFailClearlyAndLeaveTheConnectionUsable() throws Exception {
        Path data = dir.resolve("data");
        Path backup = dir.resolve("backup");
        Path notEmpty = Files.createDirectories(dir.resolve("not-empty"));
        Files.writeString(notEmpty.resolve("something"), "x");
        try (ServerProcess server = ServerProcess.start(data); Connection c = server.connect()) {
            execute(c, "CREATE TABLE t (id int PRIMARY KEY)");
            execute(c, "INSERT INTO t VALUES (1)");
            ServerProcess.CommandResult unwritable = quiver("backup", "--to", "/proc/quiver-backup", "--port", port(server));
            assertThat(unwritable.exitCode()).isNotZero();
            assertThat(unwritable.output()).contains("ERROR:  could not create backup directory \"/proc/quiver-backup\"");
            assertFails(c, "BACKUP TO '/proc/quiver-backup'", "58030");
            assertUsable(c);
            assertFails(c, "BACKUP TO '" + notEmpty + "'", "55000");
            assertFails(c, "BACKUP TO 'relative/dir'", "22023");
            c.setAutoCommit(false);
            assertFails(c, "BACKUP TO '" + backup + "'", "25001");
            c.rollback();
            c.setAutoCommit(true);
            assertUsable(c);
            assertThat(quiver("backup", "--to", backup.toString(), "--port", port(server)).exitCode()).isZero();
        }
        ServerProcess.CommandResult missing = quiver("restore", "--from", dir.resolve("nothing").toString(),
                "--data-dir", dir.resolve("r1").toString());
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.output()).contains("ERROR:  could not open backup directory");

        ServerProcess.CommandResult early = quiver("restore", "--from", backup.toString(),
                "--data-dir", dir.resolve("r2").toString(), "--until", "2001-02-03 04:05:06+00");
        assertThat(early.exitCode()).isNotZero();
        assertThat(early.output()).contains("ERROR:  recovery target time 2001-02-03 04:05:06.000000+00 is before the full backup");
        assertThat(dir.resolve("r2")).doesNotExist();

        Path dump = backup.resolve("base.qdump");
        try (RandomAccessFile file = new RandomAccessFile(dump.toFile(), "rw")) {
            file.seek(file.length() / 2);
            file.write(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef});
        }
        ServerProcess.CommandResult corrupt = quiver("restore", "--from", backup.toString(),
                "--data-dir", dir.resolve("r3").toString());
        assertThat(corrupt.exitCode()).isNotZero();
        assertThat(corrupt.output()).contains("ERROR:  file \"" + dump + "\" is corrupted");
        assertThat(dir.resolve("r3")).doesNotExist();

        ServerProcess.CommandResult notATime = quiver("restore", "--from", backup.toString(),
                "--data-dir", dir.resolve("r4").toString(), "--until", "yesterday-ish");
        assertThat(notATime.exitCode()).isNotZero();
        assertThat(notATime.output()).contains("invalid input syntax for type timestamp with time zone");
    }

    private static void insertBatch(Connection c, int batch, int from, int to) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO items VALUES (?, ?, ?::vector)")) {
            for (int id = from; id < to; id++) {
                insert.setInt(1, id);
                insert.setInt(2, batch);
                insert.setString(3, vector(id));
                insert.addBatch();
                if (id % 500 == 499) {
                    insert.executeBatch();
                    c.commit();
                }
            }
            insert.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    /** Two rows per transaction, ids 2n and 2n+1; {@code acked} gets n once the commit is acknowledged. */
    private static void writePairs(ServerProcess server, AtomicInteger nextPair, AtomicBoolean running, Set<Integer> acked) {
        try (Connection c = server.connect();
             PreparedStatement insert = c.prepareStatement("INSERT INTO items VALUES (?, 3, ?::vector)")) {
            c.setAutoCommit(false);
            while (running.get()) {
                int pair = nextPair.getAndIncrement();
                for (int id : new int[] {2 * pair, 2 * pair + 1}) {
                    insert.setInt(1, id);
                    insert.setString(2, vector(id));
                    insert.executeUpdate();
                }
                c.commit();
                acked.add(pair);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's clock between two pauses, so commits before and after it differ from it by milliseconds. */
    private static String serverClock(Connection c) throws Exception {
        Thread.sleep(10);
        String now = queryStrings(c, "SELECT current_timestamp").getFirst();
        Thread.sleep(10);
        return now;
    }

    /** The restored HNSW index answers (rebuilt from the restored rows) as an exact scan does. */
    private static void assertNearestNeighboursMatchExactSearch(Connection c) throws SQLException {
        String knn = "SELECT id FROM items ORDER BY embedding <-> '[0.3,-0.2,0.9]' LIMIT 10";
        execute(c, "SET hnsw.ef_search = 200");
        assertThat(queryStrings(c, "EXPLAIN " + knn)).anyMatch(line -> line.contains("items_embedding"));
        List<String> throughIndex = queryStrings(c, knn);
        execute(c, "SET enable_indexscan = off");
        List<String> exact = queryStrings(c, knn);
        execute(c, "RESET enable_indexscan");
        assertThat(throughIndex).hasSize(10).isEqualTo(exact);
    }

    /** Distinct, spread-out vectors, so nearest neighbours have no ties. */
    private static String vector(int id) {
        return "[" + Math.sin(id) + "," + Math.cos(1.3 * id) + "," + Math.sin(0.7 * id + 1) + "]";
    }

    private static ServerProcess.CommandResult quiver(String... arguments) throws Exception {
        return ServerProcess.run(arguments);
    }

    private static String port(ServerProcess server) {
        return String.valueOf(server.port());
    }
}

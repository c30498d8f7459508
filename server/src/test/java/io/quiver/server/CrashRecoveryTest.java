package io.quiver.server;

import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a write load from several clients, at random points, several times over: every
 * acknowledged commit survives and no transaction is half there. Each transaction inserts a pair of rows,
 * advances its client's progress row and now and then deletes an earlier pair, so a torn transaction would
 * show as a lone row, a progress count that disagrees with the pairs, or a half-deleted pair. A backup taken
 * at the start keeps the change log on through the crashes; a restore of it at the end must equal the
 * recovered database, so the log and the data file tell the same history after every crash.
 */
class CrashRecoveryTest {
    private static final int CLIENTS = 4;
    private static final int ROUNDS = 3;
    private static final String STATE = "SELECT tx || ':' || part || ':' || embedding::text FROM pairs ORDER BY tx, part";

    @TempDir
    Path dir;

    /** One client's transactions, in the order it ran them: the tx id, and the earlier tx it deleted or 0. */
    private record ClientLog(int client, List<int[]> transactions, Set<Integer> acknowledged) {
    }

    @Test
    void acknowledgedCommitsSurviveSigkillAndNoTransactionIsTorn() throws Exception {
        Path data = dir.resolve("data");
        Path backup = dir.resolve("backup");
        AtomicInteger nextTransaction = new AtomicInteger();
        List<ClientLog> clients = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            try (ServerProcess server = ServerProcess.start(data)) {
                try (Connection c = server.connect()) {
                    if (round == 0) {
                        execute(c, "CREATE TABLE pairs (tx int NOT NULL, part int NOT NULL, embedding vector(2), "
                                + "PRIMARY KEY (tx, part))");
                        execute(c, "CREATE TABLE progress (client int PRIMARY KEY, committed int NOT NULL, last_tx int NOT NULL)");
                        execute(c, "BACKUP TO '" + backup + "'");
                    }
                    assertConsistent(c, clients); // as the previous round's kill left it
                }
                ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
                AtomicInteger acknowledged = new AtomicInteger();
                for (int i = 0; i < CLIENTS; i++) {
                    ClientLog log = new ClientLog(round * CLIENTS + i, new ArrayList<>(), ConcurrentHashMap.newKeySet());
                    clients.add(log);
                    pool.submit(() -> writeUntilKilled(server, log, nextTransaction, acknowledged));
                }
                // Kill once the load is under way (past the first statements' planning), at a random point.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (acknowledged.get() < 20 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                Thread.sleep(ThreadLocalRandom.current().nextLong(400));
                server.kill();
                pool.shutdown();
                assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            }
        }
        assertThat(clients.stream().mapToInt(log -> log.acknowledged().size()).sum()).isGreaterThan(ROUNDS * 20);

        List<String> recovered;
        try (ServerProcess server = ServerProcess.start(data); Connection c = server.connect()) {
            assertConsistent(c, clients);
            recovered = queryStrings(c, STATE);
            execute(c, "BACKUP TO '" + backup + "'");
        }
        Path restored = dir.resolve("restored");
        ServerProcess.CommandResult restore = ServerProcess.run("restore", "--from", backup.toString(),
                "--data-dir", restored.toString());
        assertThat(restore.exitCode()).as(restore.output()).isZero();
        try (ServerProcess server = ServerProcess.start(restored); Connection c = server.connect()) {
            assertThat(queryStrings(c, STATE)).isEqualTo(recovered);
            assertConsistent(c, clients);
        }
    }

    private static void writeUntilKilled(ServerProcess server, ClientLog log, AtomicInteger nextTransaction,
                                         AtomicInteger acknowledged) {
        try (Connection c = server.connect()) {
            execute(c, "INSERT INTO progress VALUES (" + log.client() + ", 0, 0)");
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO pairs VALUES (?, ?, ?::vector)");
                 PreparedStatement advance = c.prepareStatement(
                         "UPDATE progress SET committed = committed + 1, last_tx = ? WHERE client = ?");
                 PreparedStatement delete = c.prepareStatement("DELETE FROM pairs WHERE tx = ?")) {
                while (true) {
                    int tx = nextTransaction.incrementAndGet();
                    List<int[]> done = log.transactions();
                    int deletes = done.size() >= 4 && tx % 3 == 0 ? done.get(done.size() - 4)[0] : 0;
                    done.add(new int[] {tx, deletes});
                    for (int part = 0; part < 2; part++) {
                        insert.setInt(1, tx);
                        insert.setInt(2, part);
                        insert.setString(3, "[" + tx + "," + part + "]");
                        insert.executeUpdate();
                    }
                    advance.setInt(1, tx);
                    advance.setInt(2, log.client());
                    advance.executeUpdate();
                    if (deletes != 0) {
                        delete.setInt(1, deletes);
                        delete.executeUpdate();
                    }
                    c.commit();
                    log.acknowledged().add(tx);
                    acknowledged.incrementAndGet();
                }
            }
        } catch (SQLException expected) {
            // the server was killed under this client
        }
    }

    /**
     * Each client ran its transactions one after another, so the committed ones are a prefix of its log: the
     * progress row says how long, and the pairs present must be exactly what that prefix leaves.
     */
    private static void assertConsistent(Connection c, List<ClientLog> clients) throws SQLException {
        Map<Integer, Integer> rowsPerTransaction = new HashMap<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT tx, count(*) FROM pairs GROUP BY tx")) {
            while (rs.next()) {
                rowsPerTransaction.put(rs.getInt(1), rs.getInt(2));
            }
        }
        assertThat(rowsPerTransaction.values()).as("rows per transaction").allMatch(n -> n == 2);
        Map<Integer, int[]> progress = new HashMap<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT client, committed, last_tx FROM progress")) {
            while (rs.next()) {
                progress.put(rs.getInt(1), new int[] {rs.getInt(2), rs.getInt(3)});
            }
        }
        Set<Integer> expectedPresent = new HashSet<>();
        for (ClientLog log : clients) {
            int[] row = progress.getOrDefault(log.client(), new int[] {0, 0});
            int committed = row[0];
            assertThat(committed).as("client %d's committed transactions", log.client())
                    .isBetween(log.acknowledged().size(), Math.min(log.acknowledged().size() + 1, log.transactions().size()));
            List<int[]> prefix = log.transactions().subList(0, committed);
            assertThat(row[1]).isEqualTo(committed == 0 ? 0 : prefix.getLast()[0]);
            prefix.forEach(tx -> expectedPresent.add(tx[0]));
            prefix.forEach(tx -> expectedPresent.remove(tx[1]));
        }
        assertThat(rowsPerTransaction.keySet()).isEqualTo(expectedPresent);
    }
}

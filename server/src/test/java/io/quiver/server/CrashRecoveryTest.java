package io.quiver.server;

import static io.quiver.server.SqlAssertions.execute;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a write load from several clients loses no acknowledged commit and shows no
 * partial transaction, at several random kill points.
 */
class CrashRecoveryTest {
    private static final int CLIENTS = 4;
    private static final int ROWS_PER_TRANSACTION = 3;

    @TempDir
    Path dataDirectory;

    @Test
    void acknowledgedCommitsSurviveSigkill() throws Exception {
        try (ServerProcess server = ServerProcess.start(dataDirectory)) {
            try (Connection c = server.connect()) {
                execute(c, "CREATE TABLE acked (id int PRIMARY KEY, tx int NOT NULL, embedding vector(2))");
            }
            server.kill();
        }
        AtomicInteger nextTransaction = new AtomicInteger();
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        for (int round = 0; round < 3; round++) {
            try (ServerProcess server = ServerProcess.start(dataDirectory)) {
                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
                for (int i = 0; i < CLIENTS; i++) {
                    clients.submit(() -> writeUntilKilled(server, nextTransaction, acknowledged));
                }
                // Kill once the load is well under way (the first statements compile), at a random point.
                int before = acknowledged.size();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (acknowledged.size() < before + 20 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                Thread.sleep((long) (Math.random() * 300));
                server.kill();
                clients.shutdown();
                assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            }
            try (ServerProcess server = ServerProcess.start(dataDirectory); Connection c = server.connect()) {
                Set<Integer> present = new HashSet<>();
                try (ResultSet rs = c.createStatement().executeQuery(
                        "SELECT tx, count(*) FROM acked GROUP BY tx")) {
                    while (rs.next()) {
                        assertThat(rs.getInt(2)).as("rows of transaction %d", rs.getInt(1))
                                .isEqualTo(ROWS_PER_TRANSACTION);
                        present.add(rs.getInt(1));
                    }
                }
                assertThat(present).containsAll(acknowledged);
                server.kill();
            }
        }
        assertThat(acknowledged).isNotEmpty();
        assertThat(Files.exists(dataDirectory)).isTrue();
    }

    private static void writeUntilKilled(ServerProcess server, AtomicInteger nextTransaction, Set<Integer> acknowledged) {
        try (Connection c = server.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO acked VALUES (?, ?, ?::vector)")) {
                while (true) {
                    int tx = nextTransaction.incrementAndGet();
                    for (int r = 0; r < ROWS_PER_TRANSACTION; r++) {
                        insert.setInt(1, tx * ROWS_PER_TRANSACTION + r);
                        insert.setInt(2, tx);
                        insert.setString(3, "[" + tx + "," + r + "]");
                        insert.executeUpdate();
                    }
                    c.commit();
                    acknowledged.add(tx);
                }
            }
        } catch (SQLException expected) {
            // the server was killed under this client
        }
    }
}

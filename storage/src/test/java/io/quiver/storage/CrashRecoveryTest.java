package io.quiver.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a committing process with SIGKILL and checks that every acknowledged commit survived, whole. */
class CrashRecoveryTest {
    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedCommitSurvivesSigkillAndNoPartialTransactionIsVisible() throws Exception {
        Set<Long> acknowledged = new HashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            int acksBeforeKill = ThreadLocalRandom.current().nextInt(20, 300);
            acknowledged.addAll(runAndKill(acksBeforeKill));

            Map<Long, Integer> rowsPerTxn = new HashMap<>();
            try (StorageEngine engine = StorageEngine.open(dir, StorageOptions.defaults());
                 StorageTransaction tx = engine.begin()) {
                RowCursor cursor = tx.access(engine.table(1, CrashWorker.EVENTS)).scan();
                long maxId = 0;
                while (cursor.next()) {
                    Object[] row = cursor.row();
                    rowsPerTxn.merge((Long) row[1], 1, Integer::sum);
                    maxId = Math.max(maxId, (Long) row[0]);
                }
                assertThat(engine.sequence("events_id_seq").current()).isGreaterThanOrEqualTo(maxId);
            }
            assertThat(rowsPerTxn.keySet()).containsAll(acknowledged);
            assertThat(rowsPerTxn).allSatisfy((txn, rows) -> assertThat(rows).isEqualTo(CrashWorker.ROWS_PER_TRANSACTION));
        }
    }

    /** Starts the worker, kills it after the given number of acknowledgements, returns every acknowledged txn. */
    private Set<Long> runAndKill(int acksBeforeKill) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process worker = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CrashWorker.class.getName(), dir.toString(), "8")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Set<Long> acks = new HashSet<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                // A line cut short by the kill lacks its END and proves nothing.
                String[] parts = line.split(" ");
                if (parts.length == 3 && parts[0].equals("ACK") && parts[2].equals("END")) {
                    acks.add(Long.parseLong(parts[1]));
                }
                if (acks.size() == acksBeforeKill) {
                    // SIGKILL through the handle: Process.destroyForcibly would also close our end of the
                    // pipe, losing acknowledgements the worker printed just before dying.
                    worker.toHandle().destroyForcibly();
                }
            }
        } finally {
            worker.destroyForcibly();
            assertThat(worker.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acks).hasSizeGreaterThanOrEqualTo(acksBeforeKill);
        return acks;
    }
}

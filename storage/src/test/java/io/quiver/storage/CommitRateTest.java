package io.quiver.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures single-row commits per second with 1, 8 and 32 committing threads and prints them; times are
 * not asserted (the machine is shared), only that concurrent committers share file syncs.
 */
class CommitRateTest {
    private static final long MEASURE_MILLIS = 1000;

    @TempDir
    Path dir;

    @Test
    void concurrentCommittersShareFileSyncs() throws InterruptedException {
        try (StorageEngine engine = StorageEngine.open(dir, StorageOptions.defaults())) {
            TableStorage items = engine.table(1, TransactionTest.ITEMS);
            AtomicLong ids = new AtomicLong();
            for (int threads : new int[] {1, 8, 32}) {
                long syncsBefore = engine.syncCount();
                long commits = commitFor(engine, items, ids, threads);
                long syncs = engine.syncCount() - syncsBefore;
                System.out.printf("synchronous commit, %2d threads: %6d commits/s, %5.1f commits per fsync%n",
                        threads, commits * 1000 / MEASURE_MILLIS, (double) commits / syncs);
                assertThat(syncs).isPositive().isLessThanOrEqualTo(commits);
                if (threads == 32) {
                    assertThat(syncs).isLessThan(commits);
                }
            }
        }
        try (StorageEngine engine = StorageEngine.open(dir.resolve("async"), StorageOptions.defaults().withSynchronousCommit(false))) {
            long commits = commitFor(engine, engine.table(1, TransactionTest.ITEMS), new AtomicLong(), 8);
            System.out.printf("asynchronous commit, 8 threads: %6d commits/s%n", commits * 1000 / MEASURE_MILLIS);
            assertThat(engine.syncCount()).isZero();
        }
    }

    private static long commitFor(StorageEngine engine, TableStorage items, AtomicLong ids, int threads) throws InterruptedException {
        AtomicLong commits = new AtomicLong();
        long deadline = System.nanoTime() + MEASURE_MILLIS * 1_000_000;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < deadline) {
                    try (StorageTransaction tx = engine.begin()) {
                        long id = ids.incrementAndGet();
                        tx.access(items).insert(TransactionTest.item(id, "item " + id));
                        tx.commit();
                    }
                    commits.incrementAndGet();
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return commits.get();
    }
}

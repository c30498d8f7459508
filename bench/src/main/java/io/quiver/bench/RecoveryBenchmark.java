package io.quiver.bench;

import io.quiver.common.type.PgType;
import io.quiver.storage.RowCursor;
import io.quiver.storage.RowSchema;
import io.quiver.storage.StorageEngine;
import io.quiver.storage.StorageOptions;
import io.quiver.storage.StorageTransaction;
import io.quiver.storage.TableAccess;
import io.quiver.storage.TableStorage;
import io.quiver.storage.backup.BackupReport;
import io.quiver.storage.backup.RestoreReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Crash recovery time, and backup and restore throughput, of the storage engine (no SQL layer) on an
 * {@code rows x dims} table of (bigint id primary key, vector) with the change log on:
 * <ol>
 *   <li>a child JVM loads the table (1,000 rows per transaction, synchronous commit), then keeps committing
 *   small transactions until it is killed with SIGKILL;</li>
 *   <li>the data directory is opened again (MVStore recovery and the change-log redo), timed, then every row is
 *   read once (what the first vector query of a table does);</li>
 *   <li>a full backup, 10% more rows, an incremental backup and a restore of both are timed.</li>
 * </ol>
 * Usage: {@code RecoveryBenchmark [rows] [dims] [work-directory]} (defaults 1000000, 128, /tmp/quiver-recovery).
 */
public final class RecoveryBenchmark {
    private static final RowSchema SCHEMA = new RowSchema(List.of(PgType.INT8, PgType.VECTOR), new int[] {0}, "items_pkey");
    private static final int ROWS_PER_TRANSACTION = 1_000;

    private RecoveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--help")) {
            System.out.println("usage: RecoveryBenchmark [rows (1000000)] [dims (128)] [work directory (/tmp/quiver-recovery)]");
            return;
        }
        if (args.length > 0 && args[0].equals("--load")) {
            load(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            return;
        }
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int dims = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        Path work = Path.of(args.length > 2 ? args[2] : "/tmp/quiver-recovery");
        deleteRecursively(work);
        Path data = work.resolve("data");

        long loadStart = System.nanoTime();
        Process loader = startLoader(data, rows, dims);
        double loadSeconds = seconds(loadStart);
        Thread.sleep(500); // mid-way through the small transactions that follow the load
        loader.toHandle().destroyForcibly();
        loader.waitFor(60, TimeUnit.SECONDS);
        System.out.printf("loaded %,d x %d-d rows in %.1f s (%,.0f rows/s), then killed the writer with SIGKILL; data file %.1f MiB%n",
                rows, dims, loadSeconds, rows / loadSeconds, mib(Files.size(data.resolve(StorageEngine.FILE_NAME))));

        long openStart = System.nanoTime();
        StorageEngine engine = StorageEngine.open(data, StorageOptions.defaults());
        double recoverySeconds = seconds(openStart);
        long scanStart = System.nanoTime();
        long present = count(engine);
        double scanSeconds = seconds(scanStart);
        System.out.printf("crash recovery (open: MVStore recovery + change-log redo): %.2f s; reading all %,d rows once: %.2f s%n",
                recoverySeconds, present, scanSeconds);

        Path backup = work.resolve("backup");
        long fullStart = System.nanoTime();
        BackupReport full = engine.backup(backup);
        double fullSeconds = seconds(fullStart);
        System.out.printf("full backup: %.1f MiB in %.2f s (%.0f MiB/s)%n", mib(full.bytes()), fullSeconds,
                mib(full.bytes()) / fullSeconds);

        insert(engine, engine.table(1, SCHEMA), rows + 1_000_000L, rows / 10, dims, new SplittableRandom(7));
        long incrementalStart = System.nanoTime();
        BackupReport incremental = engine.backup(backup);
        double incrementalSeconds = seconds(incrementalStart);
        System.out.printf("incremental backup after %,d more rows: %.1f MiB in %.2f s (%.0f MiB/s)%n", rows / 10,
                mib(incremental.bytes()), incrementalSeconds, mib(incremental.bytes()) / incrementalSeconds);
        long closeStart = System.nanoTime();
        engine.close();
        System.out.printf("clean close (flush + data-file checksum): %.2f s%n", seconds(closeStart));

        long restoreStart = System.nanoTime();
        RestoreReport restored = StorageEngine.restore(backup, work.resolve("restored"), null);
        double restoreSeconds = seconds(restoreStart);
        double backupMib = mib(full.bytes() + incremental.bytes());
        System.out.printf("restore (full + %,d logged transactions): %.1f MiB in %.2f s (%.0f MiB/s)%n",
                restored.transactions(), backupMib, restoreSeconds, backupMib / restoreSeconds);
        try (StorageEngine check = StorageEngine.open(work.resolve("restored"), StorageOptions.defaults())) {
            System.out.printf("restored rows: %,d (expected %,d)%n", count(check), present + rows / 10);
        }
    }

    /** The child: loads the table, says so, then commits small transactions until it is killed. */
    private static void load(Path data, int rows, int dims) {
        StorageEngine engine = StorageEngine.open(data, StorageOptions.defaults());
        engine.backup(data.resolveSibling("backup-at-start")); // starts the change log
        TableStorage table = engine.table(1, SCHEMA);
        SplittableRandom random = new SplittableRandom(42);
        insert(engine, table, 0, rows, dims, random);
        System.out.println("LOADED");
        System.out.flush();
        for (long id = rows; ; id += 10) {
            insert(engine, table, id, 10, dims, random);
        }
    }

    private static void insert(StorageEngine engine, TableStorage table, long firstId, int count, int dims, SplittableRandom random) {
        for (int done = 0; done < count; done += ROWS_PER_TRANSACTION) {
            try (StorageTransaction tx = engine.begin()) {
                TableAccess access = tx.access(table);
                for (int i = done; i < Math.min(count, done + ROWS_PER_TRANSACTION); i++) {
                    float[] vector = new float[dims];
                    for (int d = 0; d < dims; d++) {
                        vector[d] = (float) random.nextDouble(-1, 1);
                    }
                    access.insert(new Object[] {firstId + i, vector});
                }
                tx.commit();
            }
        }
    }

    private static Process startLoader(Path data, int rows, int dims) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                RecoveryBenchmark.class.getName(), "--load", data.toString(), String.valueOf(rows), String.valueOf(dims))
                .redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = lines.readLine()) != null; ) {
            if (line.equals("LOADED")) {
                Thread.ofPlatform().daemon().start(() -> lines.lines().forEach(l -> { }));
                return process;
            }
            System.out.println("loader: " + line);
        }
        throw new IllegalStateException("the loader exited before loading");
    }

    private static long count(StorageEngine engine) {
        long rows = 0;
        try (StorageTransaction tx = engine.begin()) {
            RowCursor cursor = tx.access(engine.table(1, SCHEMA)).scan();
            while (cursor.next()) {
                rows++;
            }
        }
        return rows;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double mib(long bytes) {
        return bytes / 1048576.0;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}

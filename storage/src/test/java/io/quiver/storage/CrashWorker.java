package io.quiver.storage;

import io.quiver.common.type.PgType;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in a child JVM by {@link CrashRecoveryTest}: commits transactions of {@link #ROWS_PER_TRANSACTION}
 * rows from several threads and prints {@code ACK <txn> END} for each commit once it has returned.
 */
public final class CrashWorker {
    static final RowSchema EVENTS = new RowSchema(List.of(PgType.INT8, PgType.INT8, PgType.TEXT, PgType.VECTOR),
            new int[] {0}, "events_pkey", List.of("id", "txn", "payload", "embedding"));
    static final int ROWS_PER_TRANSACTION = 3;

    private CrashWorker() {
    }

    public static void main(String[] args) {
        StorageEngine engine = StorageEngine.open(Path.of(args[0]), StorageOptions.defaults());
        TableStorage events = engine.table(1, EVENTS);
        Sequence rowIds = engine.sequence("events_id_seq");
        Sequence txnIds = engine.sequence("txn_seq");
        int threads = Integer.parseInt(args[1]);
        for (int t = 0; t < threads; t++) {
            Thread.ofPlatform().start(() -> {
                while (true) {
                    long txn = txnIds.next();
                    try (StorageTransaction tx = engine.begin()) {
                        for (int r = 0; r < ROWS_PER_TRANSACTION; r++) {
                            long id = rowIds.next();
                            tx.access(events).insert(new Object[] {id, txn, "row " + r + " of " + txn, new float[] {id, txn, r}});
                        }
                        tx.commit();
                    }
                    System.out.println("ACK " + txn + " END");
                    System.out.flush();
                }
            });
        }
    }
}

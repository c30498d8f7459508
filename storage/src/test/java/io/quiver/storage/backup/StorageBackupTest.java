package io.quiver.storage.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import io.quiver.storage.RowCursor;
import io.quiver.storage.RowSchema;
import io.quiver.storage.StorageEngine;
import io.quiver.storage.StorageOptions;
import io.quiver.storage.StorageTransaction;
import io.quiver.storage.TableStorage;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Full and incremental backups of a store, restores to points in time, and a damaged log refused on open. */
class StorageBackupTest {
    private static final RowSchema ITEMS = new RowSchema(List.of(PgType.INT8, PgType.TEXT), new int[] {0}, "items_pkey");

    @TempDir
    Path dir;

    @Test
    void restoresTheFullBackupPlusTheLogUpToAPointInTime() throws Exception {
        Path data = dir.resolve("data");
        Path backup = dir.resolve("backup");
        long between;
        try (StorageEngine engine = StorageEngine.open(data, StorageOptions.defaults())) {
            TableStorage items = engine.table(1, ITEMS);
            write(engine, items, 1, 50);
            assertThat(engine.backup(backup).kind()).isEqualTo("full");
            write(engine, items, 51, 60);
            delete(engine, items, 7);
            Thread.sleep(2);
            between = ChangeLog.nowMicros();
            Thread.sleep(2);
            write(engine, items, 61, 70);
            engine.dropTable(2);
            BackupReport incremental = engine.backup(backup);
            assertThat(incremental.kind()).isEqualTo("incremental");
            write(engine, items, 71, 80); // after the last backup: not restored
        }
        Path restoredAll = dir.resolve("all");
        RestoreReport all = StorageEngine.restore(backup, restoredAll, null);
        assertThat(all.transactions()).isEqualTo(22);
        assertThat(ids(restoredAll)).hasSize(69).doesNotContain(7L, 71L).contains(70L);

        Path restoredBetween = dir.resolve("between");
        StorageEngine.restore(backup, restoredBetween, between);
        assertThat(ids(restoredBetween)).hasSize(59).doesNotContain(7L, 61L).contains(60L);

        assertThatThrownBy(() -> StorageEngine.restore(backup, dir.resolve("early"), all.baseMicros() - 1))
                .isInstanceOfSatisfying(QuiverException.class,
                        e -> assertThat(e.state()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE));
        assertThat(dir.resolve("early")).doesNotExist();
    }

    @Test
    void aLogDamagedInTheMiddleIsRefusedOnOpen() throws Exception {
        Path data = dir.resolve("data");
        try (StorageEngine engine = StorageEngine.open(data, StorageOptions.defaults())) {
            TableStorage items = engine.table(1, ITEMS);
            engine.backup(dir.resolve("backup"));
            write(engine, items, 1, 20);
        }
        Path segment;
        try (Stream<Path> files = Files.list(data.resolve(ChangeLog.DIRECTORY))) {
            segment = files.findFirst().orElseThrow();
        }
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.seek(file.length() / 2);
            file.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        }
        assertThatThrownBy(() -> StorageEngine.open(data, StorageOptions.defaults()))
                .isInstanceOfSatisfying(QuiverException.class, e -> {
                    assertThat(e.state()).isEqualTo(SqlState.DATA_CORRUPTED);
                    assertThat(e.getMessage()).contains(segment.toString());
                });
    }

    private static void write(StorageEngine engine, TableStorage items, long from, long to) {
        for (long id = from; id <= to; id++) {
            try (StorageTransaction tx = engine.begin()) {
                tx.access(items).insert(new Object[] {id, "item " + id});
                tx.commit();
            }
        }
    }

    private static void delete(StorageEngine engine, TableStorage items, long id) {
        try (StorageTransaction tx = engine.begin()) {
            var access = tx.access(items);
            access.delete(access.lookupPrimaryKey(new Object[] {id}));
            tx.commit();
        }
    }

    private static List<Long> ids(Path data) {
        List<Long> ids = new ArrayList<>();
        try (StorageEngine engine = StorageEngine.open(data, StorageOptions.defaults());
             StorageTransaction tx = engine.begin()) {
            var access = tx.access(engine.table(1, ITEMS));
            RowCursor cursor = access.scan();
            while (cursor.next()) {
                ids.add((Long) cursor.row()[0]);
                assertThat(access.lookupPrimaryKey(new Object[] {cursor.row()[0]})).isEqualTo(cursor.rowId());
            }
        }
        return ids;
    }
}

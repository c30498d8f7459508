package io.quiver.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import io.quiver.storage.backup.MapKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecondaryIndexStorageTest {
    private static final SecondaryIndex BY_CATEGORY = new SecondaryIndex(100, "items_category_idx", new int[] {1}, false);
    private static final SecondaryIndex BY_NAME = new SecondaryIndex(101, "items_name_key", new int[] {2}, true);
    private static final RowSchema ITEMS = new RowSchema(List.of(PgType.INT8, PgType.INT4, PgType.TEXT), new int[0],
            null, List.of("id", "category", "name")).withSecondaryIndexes(List.of(BY_CATEGORY, BY_NAME));

    @TempDir
    Path dir;
    StorageEngine engine;
    TableStorage items;

    @BeforeEach
    void open() {
        engine = StorageEngine.open(dir, StorageOptions.defaults());
        items = engine.table(1, ITEMS);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private void insert(long id, int category, String name) {
        try (StorageTransaction tx = engine.begin()) {
            tx.access(items).insert(new Object[] {id, category, name});
            tx.commit();
        }
    }

    private List<Object> idsWhere(StorageTransaction tx, SecondaryIndex index, IndexBounds bounds) {
        List<Object> ids = new ArrayList<>();
        RowCursor cursor = tx.access(items).indexScan(index.id(), bounds);
        while (cursor.next()) {
            ids.add(cursor.row()[0]);
        }
        return ids;
    }

    @Test
    void scansFindTheRowsOfAKeyOrARangeInKeyOrder() {
        for (long id = 1; id <= 30; id++) {
            insert(id, (int) (id % 5), "n" + id);
        }
        try (StorageTransaction tx = engine.begin()) {
            assertThat(idsWhere(tx, BY_CATEGORY, IndexBounds.equalTo(2))).containsExactly(2L, 7L, 12L, 17L, 22L, 27L);
            assertThat(idsWhere(tx, BY_CATEGORY, new IndexBounds(new Object[] {3}, false, null, true)))
                    .containsExactly(4L, 9L, 14L, 19L, 24L, 29L);
            assertThat(idsWhere(tx, BY_CATEGORY, new IndexBounds(null, true, new Object[] {1}, false)))
                    .containsExactly(5L, 10L, 15L, 20L, 25L, 30L);
            assertThat(idsWhere(tx, BY_NAME, IndexBounds.equalTo("n17"))).containsExactly(17L);
        }
    }

    @Test
    void writesMaintainTheIndexAndRollbackUndoesThem() {
        insert(1, 1, "a");
        try (StorageTransaction tx = engine.begin()) {
            TableAccess access = tx.access(items);
            long rowId = firstRowId(access);
            access.update(rowId, new Object[] {1L, 2, "b"});
            assertThat(idsWhere(tx, BY_CATEGORY, IndexBounds.equalTo(2))).containsExactly(1L);
            assertThat(idsWhere(tx, BY_CATEGORY, IndexBounds.equalTo(1))).isEmpty();
            tx.rollback();
        }
        try (StorageTransaction tx = engine.begin()) {
            assertThat(idsWhere(tx, BY_CATEGORY, IndexBounds.equalTo(1))).containsExactly(1L);
            TableAccess access = tx.access(items);
            access.delete(firstRowId(access));
            assertThat(idsWhere(tx, BY_NAME, IndexBounds.equalTo("a"))).isEmpty();
            tx.commit();
        }
    }

    @Test
    void uniqueIndexesRejectEqualKeysButNotNulls() {
        insert(1, 1, "a");
        insert(2, 1, null);
        insert(3, 1, null);
        assertThatThrownBy(() -> insert(4, 1, "a")).isInstanceOfSatisfying(QuiverException.class, e -> {
            assertThat(e.state()).isEqualTo(SqlState.UNIQUE_VIOLATION);
            assertThat(e.detail()).isEqualTo("Key (name)=(a) already exists.");
            assertThat(e.getMessage()).isEqualTo("duplicate key value violates unique constraint \"items_name_key\"");
        });
    }

    @Test
    void indexesSurviveReopeningAndCompaction() {
        for (long id = 1; id <= 2000; id++) {
            insert(id, (int) (id % 7), "n" + id);
        }
        try (StorageTransaction tx = engine.begin()) {
            TableAccess access = tx.access(items);
            RowCursor cursor = access.scan();
            List<Long> rowIds = new ArrayList<>();
            while (cursor.next()) {
                if (((Number) cursor.row()[1]).intValue() == 3) {
                    rowIds.add(cursor.rowId());
                }
            }
            rowIds.forEach(access::delete);
            tx.commit();
        }
        engine.reclaimSpace(false);
        engine.close();
        engine = StorageEngine.open(dir, StorageOptions.defaults());
        items = engine.table(1, ITEMS);
        try (StorageTransaction tx = engine.begin()) {
            assertThat(idsWhere(tx, BY_CATEGORY, IndexBounds.equalTo(3))).isEmpty();
            assertThat(idsWhere(tx, BY_CATEGORY, IndexBounds.equalTo(4))).hasSize(286);
        }
    }

    @Test
    void backupsAndRestoresCarryTheIndexes() {
        engine.backup(dir.resolve("backup"));
        for (long id = 1; id <= 50; id++) {
            insert(id, (int) (id % 5), "n" + id);
        }
        engine.backup(dir.resolve("backup"));
        Path restored = dir.resolve("restored");
        StorageEngine.restore(dir.resolve("backup"), restored, null);
        try (StorageEngine copy = StorageEngine.open(restored, StorageOptions.defaults());
             StorageTransaction tx = copy.begin()) {
            TableAccess access = tx.access(copy.table(1, ITEMS));
            RowCursor cursor = access.indexScan(BY_NAME.id(), IndexBounds.equalTo("n42"));
            assertThat(cursor.next()).isTrue();
            assertThat(cursor.row()[0]).isEqualTo(42L);
            assertThat(cursor.next()).isFalse();
        }
    }

    @Test
    void droppedIndexesLoseTheirMaps() {
        insert(1, 1, "a");
        engine.dropSecondaryIndex(1, BY_NAME.id());
        assertThat(MapKind.of("table.1.index.101")).isEqualTo(MapKind.SECONDARY_INDEX);
        engine.dropTable(1);
    }

    private static long firstRowId(TableAccess access) {
        RowCursor cursor = access.scan();
        cursor.next();
        return cursor.rowId();
    }
}

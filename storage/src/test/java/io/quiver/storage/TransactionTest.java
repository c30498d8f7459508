package io.quiver.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionTest {
    static final RowSchema ITEMS = new RowSchema(List.of(PgType.INT8, PgType.TEXT, PgType.VECTOR), new int[] {0},
            "items_pkey", List.of("id", "name", "embedding"));

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

    static Object[] item(long id, String name) {
        return new Object[] {id, name, new float[] {id, -id, 0.5f}};
    }

    private void commitItems(long... ids) {
        try (StorageTransaction tx = engine.begin()) {
            for (long id : ids) {
                tx.access(items).insert(item(id, "item " + id));
            }
            tx.commit();
        }
    }

    private static List<Object> ids(TableAccess table) {
        List<Object> ids = new ArrayList<>();
        RowCursor cursor = table.scan();
        while (cursor.next()) {
            ids.add(cursor.row()[0]);
        }
        return ids;
    }

    private List<Object> committedIds() {
        try (StorageTransaction tx = engine.begin()) {
            return ids(tx.access(items));
        }
    }

    private static void assertState(ThrowingCallable call, SqlState state, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(QuiverException.class, e -> {
            assertThat(e.state()).isEqualTo(state);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void aSnapshotDoesNotSeeLaterCommits() {
        commitItems(1);
        try (StorageTransaction reader = engine.begin()) {
            TableAccess view = reader.access(items);
            long rowOfOne = view.lookupPrimaryKey(new Object[] {1L});

            try (StorageTransaction writer = engine.begin()) {
                writer.access(items).insert(item(2, "two"));
                writer.access(items).update(rowOfOne, item(1, "changed"));
                writer.commit();
            }

            assertThat(ids(view)).containsExactly(1L);
            assertThat(view.get(rowOfOne)[1]).isEqualTo("item 1");
            assertThat(view.lookupPrimaryKey(new Object[] {2L})).isEqualTo(-1);
        }
        assertThat(committedIds()).containsExactly(1L, 2L);
    }

    @Test
    void ownWritesAreVisibleBeforeCommit() {
        commitItems(1, 2);
        try (StorageTransaction tx = engine.begin()) {
            TableAccess table = tx.access(items);
            long three = table.insert(item(3, "three"));
            table.update(table.lookupPrimaryKey(new Object[] {1L}), item(1, "one again"));
            table.delete(table.lookupPrimaryKey(new Object[] {2L}));

            assertThat(table.get(three)[1]).isEqualTo("three");
            assertThat(ids(table)).containsExactly(1L, 3L);
            assertThat(table.get(table.lookupPrimaryKey(new Object[] {1L}))[1]).isEqualTo("one again");
            assertThat(committedIds()).containsExactly(1L, 2L);
            tx.commit();
        }
        assertThat(committedIds()).containsExactly(1L, 3L);
    }

    @Test
    void rollbackLeavesNothing() {
        commitItems(1);
        try (StorageTransaction tx = engine.begin()) {
            TableAccess table = tx.access(items);
            table.insert(item(2, "two"));
            table.delete(table.lookupPrimaryKey(new Object[] {1L}));
            tx.access(items);
            tx.meta("catalog").put("table.items", "x".getBytes(StandardCharsets.UTF_8));
            tx.rollback();
        }
        try (StorageTransaction tx = engine.begin()) {
            assertThat(ids(tx.access(items))).containsExactly(1L);
            assertThat(tx.access(items).lookupPrimaryKey(new Object[] {2L})).isEqualTo(-1);
            assertThat(tx.meta("catalog").entries()).isEmpty();
        }
    }

    @Test
    void closingAnOpenTransactionRollsItBack() {
        try (StorageTransaction tx = engine.begin()) {
            tx.access(items).insert(item(1, "one"));
        }
        assertThat(committedIds()).isEmpty();
    }

    @Test
    void writingARowAnotherOpenTransactionWroteIsASerializationFailure() {
        commitItems(1);
        try (StorageTransaction first = engine.begin(); StorageTransaction second = engine.begin()) {
            long row = first.access(items).lookupPrimaryKey(new Object[] {1L});
            first.access(items).update(row, item(1, "first"));

            assertState(() -> second.access(items).update(row, item(1, "second")),
                    SqlState.SERIALIZATION_FAILURE, "could not serialize access due to concurrent update");
            assertState(() -> second.access(items).delete(row),
                    SqlState.SERIALIZATION_FAILURE, "could not serialize access due to concurrent update");
        }
    }

    @Test
    void writingARowChangedAfterTheSnapshotIsASerializationFailure() {
        commitItems(1, 2);
        try (StorageTransaction late = engine.begin()) {
            TableAccess table = late.access(items);
            long one = table.lookupPrimaryKey(new Object[] {1L});
            long two = table.lookupPrimaryKey(new Object[] {2L});
            try (StorageTransaction early = engine.begin()) {
                early.access(items).update(one, item(1, "early"));
                early.access(items).delete(two);
                early.commit();
            }

            assertState(() -> table.update(one, item(1, "late")),
                    SqlState.SERIALIZATION_FAILURE, "could not serialize access due to concurrent update");
            assertState(() -> table.delete(two),
                    SqlState.SERIALIZATION_FAILURE, "could not serialize access due to concurrent update");
        }
    }

    @Test
    void duplicatePrimaryKeyIsAUniqueViolation() {
        commitItems(1);
        try (StorageTransaction tx = engine.begin()) {
            assertThatThrownBy(() -> tx.access(items).insert(item(1, "again")))
                    .isInstanceOfSatisfying(QuiverException.class, e -> {
                        assertThat(e.state()).isEqualTo(SqlState.UNIQUE_VIOLATION);
                        assertThat(e.getMessage()).isEqualTo("duplicate key value violates unique constraint \"items_pkey\"");
                        assertThat(e.detail()).isEqualTo("Key (id)=(1) already exists.");
                    });
        }
    }

    @Test
    void duplicatePrimaryKeyWithinOneTransaction() {
        try (StorageTransaction tx = engine.begin()) {
            tx.access(items).insert(item(5, "five"));
            assertState(() -> tx.access(items).insert(item(5, "five again")),
                    SqlState.UNIQUE_VIOLATION, "duplicate key value violates unique constraint \"items_pkey\"");
        }
    }

    @Test
    void aKeyCommittedByAConcurrentTransactionIsTakenEvenIfNotInTheSnapshot() {
        try (StorageTransaction late = engine.begin()) {
            commitItems(7);
            assertState(() -> late.access(items).insert(item(7, "mine")),
                    SqlState.UNIQUE_VIOLATION, "duplicate key value violates unique constraint \"items_pkey\"");
        }
    }

    @Test
    void deletedKeysCanBeReinserted() {
        commitItems(1);
        try (StorageTransaction tx = engine.begin()) {
            TableAccess table = tx.access(items);
            table.delete(table.lookupPrimaryKey(new Object[] {1L}));
            long again = table.insert(item(1, "reborn"));
            assertThat(table.lookupPrimaryKey(new Object[] {1L})).isEqualTo(again);
            tx.commit();
        }
        try (StorageTransaction tx = engine.begin()) {
            TableAccess table = tx.access(items);
            assertThat(table.get(table.lookupPrimaryKey(new Object[] {1L}))[1]).isEqualTo("reborn");
            table.delete(table.lookupPrimaryKey(new Object[] {1L}));
            tx.commit();
        }
        commitItems(1);
        assertThat(committedIds()).containsExactly(1L);
    }

    @Test
    void updatingToATakenKeyIsAUniqueViolationAndAFreedKeyCanBeTaken() {
        commitItems(1, 2);
        try (StorageTransaction tx = engine.begin()) {
            TableAccess table = tx.access(items);
            long one = table.lookupPrimaryKey(new Object[] {1L});
            assertState(() -> table.update(one, item(2, "clash")),
                    SqlState.UNIQUE_VIOLATION, "duplicate key value violates unique constraint \"items_pkey\"");
        }
        try (StorageTransaction tx = engine.begin()) {
            TableAccess table = tx.access(items);
            long one = table.lookupPrimaryKey(new Object[] {1L});
            table.update(one, item(10, "moved"));
            table.insert(item(1, "new one"));
            assertThat(table.lookupPrimaryKey(new Object[] {10L})).isEqualTo(one);
            tx.commit();
        }
        assertThat(committedIds()).containsExactly(10L, 2L, 1L);
    }

    @Test
    void truncateIsTransactional() {
        commitItems(1, 2, 3);
        try (StorageTransaction tx = engine.begin()) {
            tx.access(items).truncate();
            assertThat(ids(tx.access(items))).isEmpty();
            tx.rollback();
        }
        assertThat(committedIds()).containsExactly(1L, 2L, 3L);
        try (StorageTransaction tx = engine.begin()) {
            tx.access(items).truncate();
            tx.access(items).insert(item(1, "after truncate"));
            tx.commit();
        }
        assertThat(committedIds()).containsExactly(1L);
    }

    @Test
    void aScanDoesNotSeeRowsInsertedWhileItRuns() {
        commitItems(1, 2);
        try (StorageTransaction tx = engine.begin()) {
            TableAccess table = tx.access(items);
            RowCursor cursor = table.scan();
            int seen = 0;
            while (cursor.next()) {
                table.insert(item((Long) cursor.row()[0] + 100, "copy"));
                seen++;
            }
            assertThat(seen).isEqualTo(2);
            assertThat(ids(table)).containsExactly(1L, 2L, 101L, 102L);
            assertThat(table.estimatedRowCount()).isEqualTo(4);
        }
    }

    @Test
    void tablesWithoutPrimaryKeyAcceptDuplicates() {
        TableStorage log = engine.table(2, new RowSchema(List.of(PgType.TEXT), new int[0], null));
        try (StorageTransaction tx = engine.begin()) {
            long a = tx.access(log).insert(new Object[] {"same"});
            long b = tx.access(log).insert(new Object[] {"same"});
            assertThat(b).isGreaterThan(a);
            assertThat(ids(tx.access(log))).containsExactly("same", "same");
            assertThatThrownBy(() -> tx.access(log).lookupPrimaryKey(new Object[] {"same"})).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void metaMapsAreTransactionalAndOrdered() {
        try (StorageTransaction tx = engine.begin()) {
            MetaMap meta = tx.meta("catalog");
            meta.put("table.b", bytes("B"));
            meta.put("table.a", bytes("A"));
            meta.put("type.x", bytes("X"));
            tx.commit();
        }
        try (StorageTransaction reader = engine.begin()) {
            try (StorageTransaction writer = engine.begin()) {
                writer.meta("catalog").remove("table.a");
                writer.meta("catalog").put("table.c", bytes("C"));
                writer.commit();
            }
            MetaMap meta = reader.meta("catalog");
            assertThat(meta.entriesWithPrefix("table.")).extracting(Map.Entry::getKey).containsExactly("table.a", "table.b");
            assertThat(meta.get("table.a")).isEqualTo(bytes("A"));
            assertState(() -> meta.put("table.a", bytes("A2")),
                    SqlState.SERIALIZATION_FAILURE, "could not serialize access due to concurrent update");
        }
        try (StorageTransaction tx = engine.begin()) {
            assertThat(tx.meta("catalog").entries()).extracting(Map.Entry::getKey).containsExactly("table.b", "table.c", "type.x");
            assertThat(tx.meta("catalog").remove("missing")).isFalse();
        }
    }

    @Test
    void sequencesCountIndependentlyOfTransactions() {
        Sequence ids = engine.sequence("items_id_seq");
        assertThat(ids.current()).isZero();
        assertThat(ids.next()).isEqualTo(1);
        assertThat(ids.next()).isEqualTo(2);
        try (StorageTransaction tx = engine.begin()) {
            assertThat(engine.sequence("items_id_seq").next()).isEqualTo(3);
            tx.rollback();
        }
        assertThat(ids.current()).isEqualTo(3);
        ids.set(100);
        assertThat(ids.next()).isEqualTo(101);
        assertThat(engine.sequence("other").next()).isEqualTo(1);
    }

    @Test
    void droppedTablesStartAfreshWhenRecreated() {
        commitItems(1, 2);
        engine.dropTable(1);
        items = engine.table(1, ITEMS);
        assertThat(committedIds()).isEmpty();
        commitItems(1);
        assertThat(committedIds()).containsExactly(1L);
    }

    @Test
    void aCommittedTransactionCannotBeUsedAgain() {
        StorageTransaction tx = engine.begin();
        tx.commit();
        assertThatThrownBy(() -> tx.access(items)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(tx::commit).isInstanceOf(IllegalStateException.class);
        tx.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

package io.quiver.storage;

import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.value.VersionedValue;

/**
 * A snapshot-isolated transaction. Reads see the data committed when it began plus its own writes. Not
 * thread-safe: one session uses it at a time.
 */
public final class StorageTransaction implements AutoCloseable {
    private enum State { OPEN, COMMITTED, ROLLED_BACK }

    private final StorageEngine engine;
    private final Transaction tx;
    private final StorageErrors errors;
    /** The maps whose snapshot this transaction has pinned. */
    private final Set<MVMap<?, ?>> pinned;
    private final Map<TableStorage, TableAccess> accesses = new IdentityHashMap<>();
    private final Map<String, MetaMap> metaMaps = new HashMap<>();
    private State state = State.OPEN;

    StorageTransaction(StorageEngine engine, Transaction tx, HashSet<MVMap<Object, VersionedValue<Object>>> snapshotMaps, StorageErrors errors) {
        this.engine = engine;
        this.tx = tx;
        this.errors = errors;
        this.pinned = new HashSet<>(snapshotMaps);
        // One consistent snapshot of every map known now, as if a statement started; it stays for the
        // transaction's lifetime because the isolation level is SNAPSHOT.
        errors.run(() -> {
            tx.markStatementStart(snapshotMaps);
            tx.markStatementEnd();
        });
    }

    public TableAccess access(TableStorage table) {
        ensureOpen();
        return accesses.computeIfAbsent(table, t -> {
            TableMaps maps = t.maps();
            // A table whose primary key was dropped keeps the key's map, unused.
            TransactionMap<byte[], Long> primaryKey = maps.primaryKey() == null || !t.schema().hasPrimaryKey()
                    ? null : open(maps.primaryKey());
            List<IndexEntries> indexes = t.schema().secondaryIndexes().stream()
                    .map(index -> new IndexEntries(index, t.indexKeyCodec(index.id()),
                            open(maps.secondaryIndexes().get(index.id())), t.schema(), errors))
                    .toList();
            return new TableAccess(t, open(maps.rows()), primaryKey, indexes, errors);
        });
    }

    public MetaMap meta(String name) {
        ensureOpen();
        return metaMaps.computeIfAbsent(name, n -> new MetaMap(open(engine.metaMap(n)), errors));
    }

    /** Commits; with synchronous commit, returns once the commit is on disk. */
    public void commit() {
        commit(true);
    }

    /**
     * Commits; with synchronous commit on the engine and {@code waitForDisk}, returns once the commit is on
     * disk. Without waiting (a session's {@code synchronous_commit = off}) the commit is acknowledged at once
     * and reaches the disk with the next group commit or background write (within about a second); a crash
     * may lose it, but never half of it nor anything committed before it that was acknowledged as durable.
     */
    public void commit(boolean waitForDisk) {
        ensureOpen();
        boolean wrote = tx.hasChanges();
        if (wrote) {
            engine.changeLog().commit(tx, () -> errors.run(tx::commit));
        } else {
            errors.run(tx::commit);
        }
        state = State.COMMITTED;
        if (wrote && waitForDisk) {
            engine.awaitDurable();
        }
    }

    /** Marks the current point of the transaction, for {@link #rollbackToSavepoint}. */
    public long savepoint() {
        ensureOpen();
        return errors.call(tx::setSavepoint);
    }

    /** Undoes every write made since {@code savepoint}; the savepoint stays usable. */
    public void rollbackToSavepoint(long savepoint) {
        ensureOpen();
        errors.run(() -> tx.rollbackToSavepoint(savepoint));
    }

    public void rollback() {
        ensureOpen();
        state = State.ROLLED_BACK;
        errors.run(tx::rollback);
    }

    /** Rolls back unless committed or rolled back already. */
    @Override
    public void close() {
        if (state == State.OPEN) {
            rollback();
        }
    }

    public boolean isOpen() {
        return state == State.OPEN;
    }

    /**
     * Tables and meta maps opened after this transaction began are not in its snapshot; their snapshot is
     * taken when the transaction first uses them.
     */
    private <K, V> TransactionMap<K, V> open(MVMap<K, VersionedValue<V>> map) {
        TransactionMap<K, V> txMap = tx.openMapX(map);
        if (pinned.add(map)) {
            HashSet<MVMap<Object, VersionedValue<Object>>> one = new HashSet<>();
            one.add(StorageEngine.untyped(map));
            errors.run(() -> {
                tx.markStatementStart(one);
                tx.markStatementEnd();
            });
        }
        return txMap;
    }

    private void ensureOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("the transaction is already " + (state == State.COMMITTED ? "committed" : "rolled back"));
        }
    }
}

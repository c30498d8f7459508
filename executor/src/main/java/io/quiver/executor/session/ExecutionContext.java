package io.quiver.executor.session;

import io.quiver.catalog.CatalogState;
import io.quiver.catalog.CatalogTransaction;
import io.quiver.storage.StorageTransaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

/** What a statement runs in: its transaction (data and DDL) and the actions to run once that commits or rolls back. */
public final class ExecutionContext {
    private final StorageTransaction storage;
    private final CatalogTransaction catalog;
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final List<Runnable> afterRollback = new ArrayList<>();
    private final Map<Class<?>, Object> attachments = new HashMap<>();
    private final long startMillis;
    private final List<Lock> commitLocks = new ArrayList<>();

    ExecutionContext(StorageTransaction storage, CatalogTransaction catalog, long startMillis) {
        this.storage = storage;
        this.catalog = catalog;
        this.startMillis = startMillis;
    }

    public StorageTransaction storage() {
        return storage;
    }

    public CatalogTransaction catalog() {
        return catalog;
    }

    /** The catalog version this transaction sees (its own DDL included). */
    public CatalogState catalogView() {
        return catalog.view();
    }

    /** When the transaction began: now() and transaction_timestamp(). */
    public long startMillis() {
        return startMillis;
    }

    /** Registers work that may only happen once the transaction is durable (freeing a dropped table's storage). */
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    /**
     * Holds {@code lock} from just before the storage commit until the after-commit actions ran, so that
     * whoever takes the lock's other side sees this commit either not at all or with its actions done.
     */
    public void holdDuringCommit(Lock lock) {
        if (!commitLocks.contains(lock)) {
            commitLocks.add(lock);
        }
    }

    /** Registers work that undoes, once the transaction rolled back, what it prepared outside storage. */
    public void afterRollback(Runnable action) {
        afterRollback.add(action);
    }

    /** The transaction's one {@code type} object (e.g. its log of vector writes), created on first use. */
    public <T> T attachment(Class<T> type, Supplier<T> create) {
        return type.cast(attachments.computeIfAbsent(type, t -> create.get()));
    }

    /** The transaction's {@code type} object, or null when it has none. */
    public <T> T attachment(Class<T> type) {
        return type.cast(attachments.get(type));
    }

    /** An attachment with state of its own that a rollback to a savepoint must rewind too. */
    public interface Rewindable {
        /** An action that brings this object back to its current state. */
        Runnable rewindPoint();
    }

    /** What ROLLBACK TO SAVEPOINT restores: the transaction's data, DDL, pending work and attachments. */
    record Savepoint(long storage, CatalogTransaction.Mark catalog, int afterCommit, int afterRollback,
                     Set<Class<?>> attachments, List<Runnable> rewinds) {
    }

    Savepoint savepoint() {
        List<Runnable> rewinds = attachments.values().stream().filter(Rewindable.class::isInstance)
                .map(a -> ((Rewindable) a).rewindPoint()).toList();
        return new Savepoint(storage.savepoint(), catalog.mark(), afterCommit.size(), afterRollback.size(),
                Set.copyOf(attachments.keySet()), rewinds);
    }

    void rollbackTo(Savepoint savepoint) {
        storage.rollbackToSavepoint(savepoint.storage());
        catalog.rollbackTo(savepoint.catalog());
        afterCommit.subList(savepoint.afterCommit(), afterCommit.size()).clear();
        // What the rolled-back part prepared outside storage (an index it built) is undone now.
        List<Runnable> undone = afterRollback.subList(savepoint.afterRollback(), afterRollback.size());
        undone.forEach(Runnable::run);
        undone.clear();
        attachments.keySet().retainAll(savepoint.attachments());
        savepoint.rewinds().forEach(Runnable::run);
    }

    void commit(boolean waitForDisk) {
        commitLocks.forEach(Lock::lock);
        try {
            storage.commit(waitForDisk);
            catalog.publish();
            afterCommit.forEach(Runnable::run);
        } finally {
            commitLocks.forEach(Lock::unlock);
        }
    }

    void rollback() {
        storage.rollback();
        afterRollback.forEach(Runnable::run);
    }
}

package io.quiver.executor.session;

import io.quiver.catalog.CatalogState;
import io.quiver.catalog.CatalogTransaction;
import io.quiver.storage.StorageTransaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** What a statement runs in: its transaction (data and DDL) and the actions to run once that commits or rolls back. */
public final class ExecutionContext {
    private final StorageTransaction storage;
    private final CatalogTransaction catalog;
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final List<Runnable> afterRollback = new ArrayList<>();
    private final Map<Class<?>, Object> attachments = new HashMap<>();

    ExecutionContext(StorageTransaction storage, CatalogTransaction catalog) {
        this.storage = storage;
        this.catalog = catalog;
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

    /** Registers work that may only happen once the transaction is durable (freeing a dropped table's storage). */
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
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

    void commit() {
        storage.commit();
        catalog.publish();
        afterCommit.forEach(Runnable::run);
    }

    void rollback() {
        storage.rollback();
        afterRollback.forEach(Runnable::run);
    }
}

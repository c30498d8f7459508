package io.quiver.executor.session;

import io.quiver.catalog.CatalogState;
import io.quiver.catalog.CatalogTransaction;
import io.quiver.storage.StorageTransaction;
import java.util.ArrayList;
import java.util.List;

/** What a statement runs in: its transaction (data and DDL) and the actions to run once that commits. */
public final class ExecutionContext {
    private final StorageTransaction storage;
    private final CatalogTransaction catalog;
    private final List<Runnable> afterCommit = new ArrayList<>();

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

    void commit() {
        storage.commit();
        catalog.publish();
        afterCommit.forEach(Runnable::run);
    }

    void rollback() {
        storage.rollback();
    }
}

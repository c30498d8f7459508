package io.quiver.storage;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * Makes commits durable in groups: each committer takes a ticket and waits; one flusher thread writes the
 * store's current version and syncs the file, which covers every ticket taken before that write began. Under
 * load many committers share one fsync instead of queueing for one each.
 *
 * <p>Waiting is uninterruptible: by the time a committer waits, its transaction is already committed in
 * memory, and returning early would acknowledge a commit that is not yet on disk.
 */
final class GroupCommit implements AutoCloseable {
    private final MVStore store;
    private final StorageErrors errors;
    private final Runnable beforeSync;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition requestedChanged = lock.newCondition();
    private final Condition durableChanged = lock.newCondition();
    private final Thread flusher;
    private long requested;
    private long durable;
    private long flushes;
    private QuiverException failure;
    private boolean closing;

    /** @param beforeSync makes the change log durable first, so it is never behind the data file */
    GroupCommit(MVStore store, StorageErrors errors, Runnable beforeSync) {
        this.store = store;
        this.errors = errors;
        this.beforeSync = beforeSync;
        this.flusher = Thread.ofPlatform().name("quiver-group-commit").daemon().start(this::flushLoop);
    }

    /** Returns once everything committed in memory before this call is on disk. */
    void awaitDurable() {
        lock.lock();
        try {
            if (closing) {
                throw new QuiverException(SqlState.ADMIN_SHUTDOWN,
                        "terminating connection because the storage engine is shut down");
            }
            long ticket = ++requested;
            requestedChanged.signal();
            while (durable < ticket && failure == null) {
                durableChanged.awaitUninterruptibly();
            }
            if (durable < ticket) {
                throw failure;
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many file syncs have been done; with many committers this grows slower than the commit count. */
    long flushCount() {
        lock.lock();
        try {
            return flushes;
        } finally {
            lock.unlock();
        }
    }

    private void flushLoop() {
        while (true) {
            long target;
            lock.lock();
            try {
                while (requested == durable && !closing) {
                    requestedChanged.awaitUninterruptibly();
                }
                if (requested == durable) {
                    return;
                }
                target = requested;
            } finally {
                lock.unlock();
            }
            QuiverException error = flush();
            lock.lock();
            try {
                if (error != null) {
                    failure = error;
                } else {
                    durable = target;
                    flushes++;
                }
                durableChanged.signalAll();
                if (error != null) {
                    return;
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private QuiverException flush() {
        try {
            store.commit();
            beforeSync.run();
            // If the background writer stored the version first, commit() had nothing left to write while
            // that chunk may still sit in MVStore's write queue; this waits for the queue before syncing.
            store.executeFilestoreOperation(store::sync);
            return null;
        } catch (MVStoreException e) {
            return new QuiverException(SqlState.IO_ERROR,
                    "could not fsync file \"" + errors.fileName() + "\": " + e.getMessage(), e);
        } catch (QuiverException e) {
            return e;
        }
    }

    /** Flushes what is pending, then stops the flusher; later commits are refused. */
    @Override
    public void close() {
        lock.lock();
        try {
            closing = true;
            requestedChanged.signal();
        } finally {
            lock.unlock();
        }
        try {
            flusher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

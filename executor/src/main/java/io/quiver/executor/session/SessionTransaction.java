package io.quiver.executor.session;

import io.quiver.catalog.Catalog;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.storage.StorageTransaction;

/**
 * A session's transaction state machine, as PostgreSQL's: outside a block, statements share an implicit
 * transaction that ends at Sync (or the end of a simple query), and any error rolls it back; BEGIN opens a
 * block; an error inside a block fails it until ROLLBACK (or COMMIT, which then rolls back).
 */
public final class SessionTransaction {
    private enum Status { IDLE, IN_BLOCK, FAILED }

    private final Catalog catalog;
    private final Runnable onEnd;
    private Status status = Status.IDLE;
    private ExecutionContext current;

    /** @param onEnd runs whenever a transaction ends, committed or not (SET LOCAL undo) */
    public SessionTransaction(Catalog catalog, Runnable onEnd) {
        this.catalog = catalog;
        this.onEnd = onEnd;
    }

    /** ReadyForQuery's status byte. */
    public char statusByte() {
        return switch (status) {
            case IDLE -> 'I';
            case IN_BLOCK -> 'T';
            case FAILED -> 'E';
        };
    }

    public boolean inBlock() {
        return status != Status.IDLE;
    }

    /** The context of the running statement, opening a transaction if none is open. */
    public ExecutionContext context() {
        if (status == Status.FAILED) {
            throw aborted();
        }
        if (current == null) {
            StorageTransaction tx = catalog.storage().begin();
            current = new ExecutionContext(tx, catalog.begin(tx));
        }
        return current;
    }

    /** The open transaction's context, or null. */
    public ExecutionContext openContext() {
        return current;
    }

    /** Ends a statement: a failure rolls back the implicit transaction, or fails the block. */
    public void statementFinished(boolean succeeded) {
        if (succeeded) {
            return;
        }
        if (status == Status.IDLE) {
            endTransaction(false);
        } else {
            markFailed();
        }
    }

    /** Commits the implicit transaction, if one is open. */
    public void sync() {
        if (status == Status.IDLE) {
            endTransaction(true);
        }
    }

    public void markFailed() {
        if (status == Status.IN_BLOCK) {
            status = Status.FAILED;
        }
    }

    /** BEGIN; returns false (the caller warns) when a block is already open. */
    public boolean begin() {
        if (status != Status.IDLE) {
            return false;
        }
        context();
        status = Status.IN_BLOCK;
        return true;
    }

    /**
     * COMMIT; returns the command tag: {@code COMMIT}, or {@code ROLLBACK} when the block had failed.
     * Outside a block it is a no-op (the caller warns).
     */
    public String commit() {
        Status was = status;
        status = Status.IDLE;
        endTransaction(was == Status.IN_BLOCK);
        return was == Status.FAILED ? "ROLLBACK" : "COMMIT";
    }

    public void rollback() {
        status = Status.IDLE;
        endTransaction(false);
    }

    /** Closing a connection abandons whatever it had open. */
    public void abandon() {
        rollback();
    }

    private void endTransaction(boolean commit) {
        ExecutionContext ending = current;
        current = null;
        if (ending == null) {
            return;
        }
        try {
            if (commit) {
                ending.commit();
            } else {
                ending.rollback();
            }
        } finally {
            onEnd.run();
        }
    }

    public static QuiverException aborted() {
        return new QuiverException(SqlState.IN_FAILED_SQL_TRANSACTION,
                "current transaction is aborted, commands ignored until end of transaction block");
    }
}

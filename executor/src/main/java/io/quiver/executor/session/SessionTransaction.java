package io.quiver.executor.session;

import io.quiver.catalog.Catalog;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.storage.StorageTransaction;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;

/**
 * A session's transaction state machine, as PostgreSQL's: outside a block, statements share an implicit
 * transaction that ends at Sync (or the end of a simple query), and any error rolls it back; BEGIN opens a
 * block; an error inside a block fails it until ROLLBACK (or COMMIT, which then rolls back).
 */
public final class SessionTransaction {
    private enum Status { IDLE, IN_BLOCK, FAILED }

    private final Catalog catalog;
    private final Runnable onEnd;
    private final BooleanSupplier synchronousCommit;
    private Status status = Status.IDLE;
    private ExecutionContext current;
    /** The block's savepoints, newest first. */
    private final Deque<NamedSavepoint> savepoints = new ArrayDeque<>();

    private record NamedSavepoint(String name, ExecutionContext.Savepoint point) {
    }

    /**
     * @param onEnd runs whenever a transaction ends, committed or not (SET LOCAL undo)
     * @param synchronousCommit whether a commit waits for the disk now (the session's synchronous_commit)
     */
    public SessionTransaction(Catalog catalog, Runnable onEnd, BooleanSupplier synchronousCommit) {
        this.catalog = catalog;
        this.onEnd = onEnd;
        this.synchronousCommit = synchronousCommit;
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
            // A transaction begins with the statement that opens it, as now() <= statement_timestamp() requires.
            current = new ExecutionContext(tx, catalog.begin(tx), SessionScope.statementStartMillis());
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

    /** SAVEPOINT: marks the block's current state under {@code name} (a newer one hides an older namesake). */
    public void savepoint(String name) {
        requireBlock("SAVEPOINT");
        savepoints.push(new NamedSavepoint(name, context().savepoint()));
    }

    /**
     * ROLLBACK TO SAVEPOINT: undoes everything since the savepoint (data, DDL, pending index work), forgets
     * the savepoints made after it, keeps it, and ends a failed state: the block goes on.
     */
    public void rollbackToSavepoint(String name) {
        requireBlock("ROLLBACK TO SAVEPOINT");
        NamedSavepoint target = find(name);
        while (savepoints.peek() != target) {
            savepoints.pop();
        }
        current.rollbackTo(target.point());
        status = Status.IN_BLOCK;
    }

    /** RELEASE SAVEPOINT: forgets the savepoint and those made after it, keeping their work. */
    public void releaseSavepoint(String name) {
        requireBlock("RELEASE SAVEPOINT");
        if (status == Status.FAILED) {
            throw aborted();
        }
        NamedSavepoint target = find(name);
        while (savepoints.pop() != target) {
            // discards the newer savepoints up to and including the target
        }
    }

    private void requireBlock(String command) {
        if (status == Status.IDLE) {
            throw QuiverException.of(SqlState.NO_ACTIVE_SQL_TRANSACTION, "%s can only be used in transaction blocks",
                    command);
        }
    }

    private NamedSavepoint find(String name) {
        for (NamedSavepoint savepoint : savepoints) {
            if (savepoint.name().equals(name)) {
                return savepoint;
            }
        }
        throw QuiverException.of(SqlState.INVALID_SAVEPOINT_SPECIFICATION, "savepoint \"%s\" does not exist", name);
    }

    /** Closing a connection abandons whatever it had open. */
    public void abandon() {
        rollback();
    }

    private void endTransaction(boolean commit) {
        ExecutionContext ending = current;
        current = null;
        savepoints.clear();
        if (ending == null) {
            return;
        }
        try {
            if (commit) {
                ending.commit(synchronousCommit.getAsBoolean());
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

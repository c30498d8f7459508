package io.quiver.executor.statement;

/** How a statement relates to the session's transaction. */
public enum TransactionUse {
    /** Runs inside the transaction (opening an implicit one outside a block), refused in a failed block. */
    NORMAL,
    /** BEGIN, COMMIT, ROLLBACK...: manage the transaction themselves and run even in a failed block. */
    CONTROL
}

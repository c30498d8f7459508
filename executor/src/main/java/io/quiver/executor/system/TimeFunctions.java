package io.quiver.executor.system;

import io.quiver.executor.session.ExecutionContext;
import io.quiver.executor.session.SessionScope;
import org.apache.calcite.linq4j.function.NonDeterministic;

/**
 * PostgreSQL's clock functions, all timestamptz (epoch milliseconds at run time, see
 * {@link DeclaredTypeFunction}): {@code now()} and {@code transaction_timestamp()} stay fixed for a whole
 * transaction, {@code statement_timestamp()} for a statement, {@code clock_timestamp()} moves on every call.
 */
public final class TimeFunctions {
    private TimeFunctions() {
    }

    @NonDeterministic
    public static long now() {
        return transaction_timestamp();
    }

    @NonDeterministic
    public static long transaction_timestamp() {
        ExecutionContext transaction = SessionScope.current().transaction().openContext();
        return transaction == null ? statement_timestamp() : transaction.startMillis();
    }

    @NonDeterministic
    public static long statement_timestamp() {
        return SessionScope.statementStartMillis();
    }

    @NonDeterministic
    public static long clock_timestamp() {
        return System.currentTimeMillis();
    }
}

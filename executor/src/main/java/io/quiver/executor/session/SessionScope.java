package io.quiver.executor.session;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.util.function.Supplier;

/**
 * The session whose statement the current thread is running. SQL functions compiled into plans (nextval,
 * current_schema, pg_table_is_visible ...) are static methods; they find their session here.
 */
public final class SessionScope {
    private static final ThreadLocal<QuiverSession> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<Long> STATEMENT_START = new ThreadLocal<>();

    private SessionScope() {
    }

    /** Runs {@code work} with {@code session} as the current session, restoring the previous one after. */
    public static <T> T with(QuiverSession session, Supplier<T> work) {
        QuiverSession previous = CURRENT.get();
        Long previousStart = STATEMENT_START.get();
        CURRENT.set(session);
        STATEMENT_START.set(System.currentTimeMillis());
        try {
            return work.get();
        } finally {
            CURRENT.set(previous);
            STATEMENT_START.set(previousStart);
        }
    }

    /** When the statement the current thread runs began: statement_timestamp(). */
    public static long statementStartMillis() {
        Long start = STATEMENT_START.get();
        return start == null ? System.currentTimeMillis() : start;
    }

    public static QuiverSession current() {
        QuiverSession session = CURRENT.get();
        if (session == null) {
            throw new QuiverException(SqlState.INTERNAL_ERROR, "no session is running a statement on this thread");
        }
        return session;
    }
}

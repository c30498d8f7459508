package io.quiver.executor.statement;

import io.quiver.executor.api.ColumnDescription;
import io.quiver.executor.api.ExecutionResult;
import io.quiver.executor.api.Notice;
import io.quiver.executor.api.Portal;
import io.quiver.executor.api.RowSink;
import io.quiver.executor.session.QuiverSession;
import io.quiver.executor.session.SessionScope;
import io.quiver.executor.session.SessionTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A bound statement. The first Execute runs it (inside the session's transaction); rows then stream to the
 * client, possibly over several Executes with a row limit; completion ends an implicit transaction.
 */
final class QuiverPortal implements Portal {
    private static final int CANCEL_CHECK_INTERVAL = 256;

    private final List<ColumnDescription> columns;
    private final Supplier<StatementResult> start;
    private final TransactionUse transactionUse;
    private final QuiverSession session;
    private final SessionTransaction transaction;
    private final CancelFlag cancelFlag;
    private StatementResult running;
    private long rowsSent;
    private boolean finished;

    QuiverPortal(List<ColumnDescription> columns, Supplier<StatementResult> start, TransactionUse transactionUse,
                 QuiverSession session) {
        this.columns = columns;
        this.start = start;
        this.transactionUse = transactionUse;
        this.session = session;
        this.transaction = session.transaction();
        this.cancelFlag = session.cancelFlag();
    }

    @Override
    public List<ColumnDescription> columns() {
        return columns;
    }

    @Override
    public ExecutionResult execute(int maxRows, RowSink sink) {
        return SessionScope.with(session, () -> executeInScope(maxRows, sink));
    }

    private ExecutionResult executeInScope(int maxRows, RowSink sink) {
        if (finished) {
            // PostgreSQL answers a re-executed completed portal with an empty completion.
            return ExecutionResult.complete(running == null ? "SELECT 0" : running.tag().apply(0));
        }
        try {
            if (running == null) {
                session.statementStarted(transactionUse == TransactionUse.NORMAL);
                if (transactionUse == TransactionUse.NORMAL) {
                    transaction.context();
                }
                running = start.get();
            }
            long sentNow = 0;
            while (running.rows().hasNext()) {
                if (maxRows > 0 && sentNow == maxRows) {
                    return ExecutionResult.suspendedResult();
                }
                if (sentNow % CANCEL_CHECK_INTERVAL == 0) {
                    cancelFlag.check();
                }
                sink.accept(running.rows().next());
                sentNow++;
                rowsSent++;
            }
            finish(true);
            return new ExecutionResult(false, running.tag().apply(rowsSent), withRaisedNotices(running.notices()),
                    running.parameterChanges());
        } catch (RuntimeException | Error e) {
            finish(false);
            throw e;
        }
    }

    /** The statement's own notices, then those its SQL functions raised while it ran. */
    private List<Notice> withRaisedNotices(List<Notice> own) {
        List<Notice> raised = session.takeNotices();
        if (raised.isEmpty()) {
            return own;
        }
        List<Notice> all = new ArrayList<>(own);
        all.addAll(raised);
        return all;
    }

    private void finish(boolean succeeded) {
        if (finished) {
            return;
        }
        finished = true;
        session.statementFinished();
        if (running != null) {
            running.onClose().run();
        }
        if (transactionUse == TransactionUse.NORMAL) {
            transaction.statementFinished(succeeded);
        }
    }

    @Override
    public void close() {
        if (running == null) {
            finished = true; // never executed: it touched no transaction
        } else {
            // A portal closed before its last row (Close, Sync, disconnect) still ends its statement cleanly.
            finish(true);
        }
    }
}

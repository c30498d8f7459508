package io.quiver.executor.session;

import io.quiver.executor.QuiverEngine;
import io.quiver.executor.api.Notice;
import io.quiver.executor.api.PreparedStatement;
import io.quiver.executor.api.Session;
import io.quiver.executor.api.SessionOptions;
import io.quiver.executor.statement.CancelFlag;
import io.quiver.executor.statement.StatementPlanner;
import io.quiver.sql.split.StatementSplitter;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One client's session: settings, transaction state and the statement planner bound to them. */
public final class QuiverSession implements Session {
    private static final Logger LOG = LoggerFactory.getLogger(QuiverSession.class);

    private final QuiverEngine engine;
    private final SessionOptions options;
    private final SessionSettings settings;
    private final SessionTransaction transaction;
    private final CancelFlag cancelFlag = new CancelFlag();
    private final StatementPlanner planner;
    private volatile String currentQuery = "";
    private final SessionActivity activity = new SessionActivity();
    /** Notices that SQL functions raised during the running statement (pg_terminate_backend's WARNING). */
    private final List<Notice> pendingNotices = new ArrayList<>();
    private ScheduledFuture<?> statementTimeout;
    /** Statements started and not finished: more than one while a statement runs others inside it. */
    private int runningStatements;
    private long statementStartNanos;
    private volatile Runnable terminationHandler = () -> { };

    public QuiverSession(QuiverEngine engine, SessionOptions options) {
        this.engine = engine;
        this.options = options;
        this.settings = new SessionSettings(engine.settingDefaults(), options.parameters());
        this.transaction = new SessionTransaction(engine.catalog(), settings::transactionEnded,
                settings::synchronousCommit);
        this.planner = new StatementPlanner(engine, this);
    }

    @Override
    public List<String> splitStatements(String sql) {
        return StatementSplitter.split(sql).stream().map(io.quiver.sql.split.StatementText::text).toList();
    }

    @Override
    public PreparedStatement prepare(String sql, int[] parameterTypeOids) {
        currentQuery = sql;
        return planner.prepare(sql, parameterTypeOids);
    }

    /** Plans a statement Quiver generates itself (COPY's row INSERT), without touching currentQuery. */
    public PreparedStatement prepareInternal(String sql, int[] parameterTypeOids) {
        return planner.prepare(sql, parameterTypeOids);
    }

    @Override
    public char transactionStatus() {
        return transaction.statusByte();
    }

    @Override
    public void markFailed() {
        transaction.markFailed();
    }

    @Override
    public void sync() {
        transaction.sync();
    }

    @Override
    public void cancel() {
        cancelFlag.request();
    }

    /**
     * A statement starts: pg_stat_activity shows it, and statement_timeout starts counting. A statement run
     * inside another (COPY's row inserts, COPY TO's query) belongs to the outer one: same timeout, and a cancel
     * already requested stays requested.
     *
     * @param forgetEarlierCancel drop a cancel that arrived while nothing ran, as PostgreSQL does
     */
    public void statementStarted(boolean forgetEarlierCancel) {
        if (runningStatements++ > 0) {
            return;
        }
        if (forgetEarlierCancel) {
            cancelFlag.clear();
        }
        pendingNotices.clear(); // those of a statement that failed before it could send them
        activity.statementStarted(currentQuery);
        statementStartNanos = System.nanoTime();
        long timeout = settings.millis("statement_timeout");
        if (timeout > 0) {
            statementTimeout = engine.timers().schedule(() -> cancelFlag.request(CancelFlag.Reason.STATEMENT_TIMEOUT),
                    timeout, TimeUnit.MILLISECONDS);
        }
    }

    /** A statement ended (completed, failed or abandoned); with the outermost one its timeout goes. */
    public void statementFinished() {
        if (--runningStatements == 0) {
            stopTimeout();
            logIfSlow(System.nanoTime() - statementStartNanos);
        }
    }

    /** PostgreSQL's log_min_duration_statement: statements that ran at least that long are logged. */
    private void logIfSlow(long elapsedNanos) {
        long threshold = settings.millis("log_min_duration_statement");
        if (threshold >= 0 && elapsedNanos >= TimeUnit.MILLISECONDS.toNanos(threshold)) {
            LOG.info("duration: {} ms  statement: {}", String.format(Locale.ROOT, "%.3f", elapsedNanos / 1e6),
                    currentQuery);
        }
    }

    private void stopTimeout() {
        if (statementTimeout != null) {
            statementTimeout.cancel(false);
            statementTimeout = null;
        }
    }

    @Override
    public void clientAddress(InetSocketAddress address) {
        activity.client(address);
    }

    @Override
    public void waitingForClient() {
        activity.waiting(transactionStatus());
    }

    @Override
    public void onTermination(Runnable closeConnection) {
        terminationHandler = closeConnection;
    }

    /** pg_terminate_backend: stops the running statement, then has the connection end with FATAL 57P01. */
    public void terminate() {
        cancelFlag.request(CancelFlag.Reason.TERMINATION);
        terminationHandler.run();
    }

    public SessionActivity activity() {
        return activity;
    }

    /** A NOTICE or WARNING for the client, sent with the running statement's result. */
    public void addNotice(Notice notice) {
        pendingNotices.add(notice);
    }

    /** The notices raised since the last call. */
    public List<Notice> takeNotices() {
        List<Notice> taken = List.copyOf(pendingNotices);
        pendingNotices.clear();
        return taken;
    }

    @Override
    public String setting(String name) {
        return settings.get(name);
    }

    public SessionSettings settings() {
        return settings;
    }

    public SessionTransaction transaction() {
        return transaction;
    }

    public CancelFlag cancelFlag() {
        return cancelFlag;
    }

    public QuiverEngine engine() {
        return engine;
    }

    public SessionOptions options() {
        return options;
    }

    public String currentQuery() {
        return currentQuery;
    }

    @Override
    public void close() {
        stopTimeout();
        cancelFlag.request();
        transaction.abandon();
        engine.sessionClosed(this);
    }
}

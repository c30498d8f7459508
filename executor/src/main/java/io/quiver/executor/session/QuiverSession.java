package io.quiver.executor.session;

import io.quiver.executor.QuiverEngine;
import io.quiver.executor.api.PreparedStatement;
import io.quiver.executor.api.Session;
import io.quiver.executor.api.SessionOptions;
import io.quiver.executor.statement.CancelFlag;
import io.quiver.executor.statement.StatementPlanner;
import io.quiver.sql.split.StatementSplitter;
import java.util.List;

/** One client's session: settings, transaction state and the statement planner bound to them. */
public final class QuiverSession implements Session {
    private final QuiverEngine engine;
    private final SessionOptions options;
    private final SessionSettings settings;
    private final SessionTransaction transaction;
    private final CancelFlag cancelFlag = new CancelFlag();
    private final StatementPlanner planner;
    private volatile String currentQuery = "";

    public QuiverSession(QuiverEngine engine, SessionOptions options) {
        this.engine = engine;
        this.options = options;
        this.settings = new SessionSettings(options.parameters());
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
        cancelFlag.request();
        transaction.abandon();
        engine.sessionClosed(this);
    }
}

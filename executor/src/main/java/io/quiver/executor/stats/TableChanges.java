package io.quiver.executor.stats;

import io.quiver.catalog.TableDefinition;
import io.quiver.executor.session.ExecutionContext;
import io.quiver.executor.session.TableChangeLog;

/**
 * One transaction's row changes, applied to the {@link Statistics} once it commits (a rolled-back
 * transaction's never are). Old row versions are kept too: statistics take an updated or deleted row's
 * values back out.
 */
public final class TableChanges implements ExecutionContext.Rewindable {
    private final Statistics statistics;
    private final TableChangeLog<Statistics.Change> log = new TableChangeLog<>();

    private TableChanges(Statistics statistics) {
        this.statistics = statistics;
    }

    /** The log of {@code context}'s transaction. */
    public static TableChanges of(ExecutionContext context, Statistics statistics) {
        return context.attachment(TableChanges.class, () -> {
            TableChanges log = new TableChanges(statistics);
            context.holdDuringCommit(statistics.commitLock());
            context.afterCommit(log::publish);
            return log;
        });
    }

    public void inserted(TableDefinition table, Object[] row) {
        record(table, new Statistics.Change(null, row));
    }

    public void updated(TableDefinition table, Object[] old, Object[] row) {
        record(table, new Statistics.Change(old, row));
    }

    public void deleted(TableDefinition table, Object[] old) {
        record(table, new Statistics.Change(old, null));
    }

    public void truncated(TableDefinition table) {
        record(table, Statistics.Change.TRUNCATE);
    }

    /** Forgets the changes logged after this point (ROLLBACK TO SAVEPOINT). */
    @Override
    public Runnable rewindPoint() {
        return log.rewindPoint();
    }

    private void record(TableDefinition table, Statistics.Change change) {
        log.record(table, change);
    }

    private void publish() {
        log.forEach(statistics::apply);
    }
}

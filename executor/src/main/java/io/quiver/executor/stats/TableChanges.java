package io.quiver.executor.stats;

import io.quiver.catalog.TableDefinition;
import io.quiver.executor.session.ExecutionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One transaction's row changes, applied to the {@link Statistics} once it commits (a rolled-back
 * transaction's never are). Old row versions are kept too: statistics take an updated or deleted row's
 * values back out.
 */
public final class TableChanges {
    private final Statistics statistics;
    private final Map<Long, TableDefinition> tables = new LinkedHashMap<>();
    private final Map<Long, List<Statistics.Change>> changes = new LinkedHashMap<>();

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

    private void record(TableDefinition table, Statistics.Change change) {
        tables.put(table.oid(), table);
        changes.computeIfAbsent(table.oid(), oid -> new ArrayList<>()).add(change);
    }

    private void publish() {
        tables.forEach((oid, table) -> statistics.apply(table, changes.get(oid)));
    }
}

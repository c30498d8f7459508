package io.quiver.executor.session;

import io.quiver.catalog.TableDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One transaction's changes of some kind, per table in the order they were made, for work that may only
 * happen once the transaction committed (index maintenance, statistics). ROLLBACK TO SAVEPOINT rewinds it.
 *
 * @param <C> one change
 */
public final class TableChangeLog<C> implements ExecutionContext.Rewindable {
    private final Map<Long, TableDefinition> tables = new LinkedHashMap<>();
    private final Map<Long, List<C>> changes = new LinkedHashMap<>();

    public void record(TableDefinition table, C change) {
        tables.put(table.oid(), table);
        changes.computeIfAbsent(table.oid(), oid -> new ArrayList<>()).add(change);
    }

    /** The table's changes so far, oldest first. */
    public List<C> changes(TableDefinition table) {
        return changes.getOrDefault(table.oid(), List.of());
    }

    /** Hands each table (as last written) and its changes to {@code action}. */
    public void forEach(BiConsumer<TableDefinition, List<C>> action) {
        tables.forEach((oid, table) -> action.accept(table, changes.get(oid)));
    }

    /** Forgets the changes logged after this point. */
    @Override
    public Runnable rewindPoint() {
        Map<Long, Integer> sizes = new LinkedHashMap<>();
        changes.forEach((oid, log) -> sizes.put(oid, log.size()));
        return () -> {
            changes.keySet().retainAll(sizes.keySet());
            tables.keySet().retainAll(sizes.keySet());
            sizes.forEach((oid, size) -> {
                List<C> log = changes.get(oid);
                log.subList(size, log.size()).clear();
            });
        };
    }
}

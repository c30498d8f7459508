package io.quiver.executor.stats;

import io.quiver.common.type.PgType;
import io.quiver.executor.api.ColumnDescription;
import io.quiver.executor.api.ExecutionResult;
import io.quiver.executor.api.Portal;
import io.quiver.executor.api.PreparedStatement;
import io.quiver.executor.api.RowSink;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A statement whose portals report to {@link QueryStatistics} once they complete: the time spent inside
 * Execute (not the client's time between fetches), the rows sent and the accesses used. Failed executions
 * are not counted, as in pg_stat_statements.
 */
final class TrackedStatement implements PreparedStatement {
    private final QueryStatistics statistics;
    private final String shape;
    private final PreparedStatement statement;

    TrackedStatement(QueryStatistics statistics, String shape, PreparedStatement statement) {
        this.statistics = statistics;
        this.shape = shape;
        this.statement = statement;
    }

    @Override
    public List<PgType> parameterTypes() {
        return statement.parameterTypes();
    }

    @Override
    public List<ColumnDescription> columns() {
        return statement.columns();
    }

    @Override
    public Portal bind(List<Object> parameters) {
        return new TrackedPortal(statement.bind(parameters));
    }

    private final class TrackedPortal implements Portal {
        private final Portal portal;
        private final Set<String> accesses = new LinkedHashSet<>();
        private long nanos;
        private long rows;
        private boolean recorded;

        TrackedPortal(Portal portal) {
            this.portal = portal;
        }

        @Override
        public List<ColumnDescription> columns() {
            return portal.columns();
        }

        @Override
        public ExecutionResult execute(int maxRows, RowSink sink) {
            Set<String> previous = PlanObservation.start();
            long start = System.nanoTime();
            ExecutionResult result;
            String plan;
            try {
                result = portal.execute(maxRows, row -> {
                    rows++;
                    sink.accept(row);
                });
            } finally {
                nanos += System.nanoTime() - start;
                plan = PlanObservation.finish(previous, accesses);
            }
            if (!result.suspended()) {
                record(plan, affectedRows(result.commandTag()));
            }
            return result;
        }

        @Override
        public void close() {
            portal.close();
        }

        private void record(String plan, long affected) {
            if (!recorded) {
                recorded = true;
                statistics.record(shape, nanos, affected, plan);
            }
        }

        /** Rows returned or changed: the count the tag ends with (SELECT 5, INSERT 0 3), else the rows sent. */
        private long affectedRows(String tag) {
            int space = tag == null ? -1 : tag.lastIndexOf(' ');
            if (space > 0 && tag.substring(space + 1).chars().allMatch(Character::isDigit)) {
                return Long.parseLong(tag.substring(space + 1));
            }
            return rows;
        }
    }
}

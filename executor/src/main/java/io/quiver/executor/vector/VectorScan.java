package io.quiver.executor.vector;

import io.quiver.common.type.PgType;
import io.quiver.executor.schema.CalciteValues;
import io.quiver.executor.schema.QuiverDataContext;
import io.quiver.executor.statement.CancelFlag;
import io.quiver.executor.stats.PlanObservation;
import io.quiver.index.ExactScan;
import io.quiver.index.Neighbor;
import io.quiver.index.NeighborCursor;
import io.quiver.index.VectorColumn;
import io.quiver.storage.TableAccess;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

/**
 * The rows of a {@link VectorSearch} as it runs: the table's rows nearest the query first (in an index's
 * relaxed order), fetched lazily so that the filter and limit above stop the search as soon as they have
 * their rows. Each row is read back from storage in the statement's transaction, so rows it does not see
 * (deleted, or not yet committed when it began) are skipped, and the rows it wrote itself are merged in.
 */
public final class VectorScan {
    private VectorScan() {
    }

    /** Called by the code generated for {@link VectorSearch}. */
    public static Enumerable<Object[]> scan(DataContext root, VectorSearchSpec spec, Object query) {
        if (query == null) {
            // pgvector's index scans return nothing for a NULL query vector.
            return Linq4j.emptyEnumerable();
        }
        QuiverDataContext context = QuiverDataContext.of(root);
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                VectorColumn column = spec.indexes().column(spec.table(), spec.source());
                VectorAccess access = spec.access(column.liveCount(), context.settings());
                PlanObservation.used(access.describe());
                float[] vector = spec.source().query(query);
                NeighborCursor committed = access.index() == null
                        ? ExactScan.cursor(column, spec.kind(), vector, firstExactBatch(spec.k()), null)
                        : spec.indexes().index(spec.table(), access.index()).open(vector,
                                access.searchOptions().withLimit(spec.k()));
                NeighborCursor cursor = PendingMergeCursor.of(committed,
                        VectorWrites.pending(context.execution(), spec.table(), spec.source()), spec.kind(), vector,
                        column.dimensions());
                VectorSearchReport report = new VectorSearchReport(spec.table(), access.index());
                report.searching(cursor);
                context.addSearchReport(report);
                TableAccess rows = context.execution().storage().access(spec.storage().storageOf(spec.table()));
                return new RowEnumerator(cursor, rows, spec.table().columns().stream()
                        .map(c -> c.type().type()).toList(), context.cancelFlag(), report);
            }
        };
    }

    /**
     * Rows an exact scan ranks in its first pass. Calcite's Limit reads one row past its fetch, which would
     * cost a second full scan if the first found only k; a few more rows in the heap cost nothing.
     */
    private static int firstExactBatch(int k) {
        return Math.max(k, 0) + 16;
    }

    private static final class RowEnumerator implements Enumerator<Object[]> {
        private final NeighborCursor cursor;
        private final TableAccess rows;
        private final List<PgType> types;
        private final CancelFlag cancel;
        private final VectorSearchReport report;
        /** A row updated while the search runs may be met in its old and its new slot; it is returned once. */
        private final Set<Long> returned = new HashSet<>();
        private Object[] current;

        RowEnumerator(NeighborCursor cursor, TableAccess rows, List<PgType> types, CancelFlag cancel,
                      VectorSearchReport report) {
            this.report = report;
            this.cursor = cursor;
            this.rows = rows;
            this.types = types;
            this.cancel = cancel;
        }

        @Override
        public Object[] current() {
            return current;
        }

        @Override
        public boolean moveNext() {
            long start = System.nanoTime();
            boolean found = nextRow();
            report.produced(found, System.nanoTime() - start);
            return found;
        }

        private boolean nextRow() {
            for (Neighbor next; (next = cursor.next()) != null; ) {
                cancel.check();
                Object[] stored = rows.get(next.rowId());
                if (stored != null && returned.add(next.rowId())) {
                    current = CalciteValues.rowToCalcite(types, stored, types.size());
                    return true;
                }
            }
            return false;
        }

        @Override
        public void reset() {
            throw new UnsupportedOperationException("vector searches are forward-only");
        }

        @Override
        public void close() {
            cursor.close();
        }
    }
}

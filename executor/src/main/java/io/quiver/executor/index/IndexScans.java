package io.quiver.executor.index;

import io.quiver.common.type.PgType;
import io.quiver.executor.schema.CalciteValues;
import io.quiver.executor.schema.QuiverDataContext;
import io.quiver.executor.schema.StorageTable;
import io.quiver.executor.stats.PlanObservation;
import io.quiver.executor.statement.CancelFlag;
import io.quiver.storage.IndexBounds;
import io.quiver.storage.RowCursor;
import io.quiver.storage.TableAccess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

/** Runs an {@link IndexScan}: each probe's rows, read by row id in the statement's transaction snapshot. */
public final class IndexScans {
    private IndexScans() {
    }

    /** Called by the code generated for {@link IndexScan}; {@code values} are the probes' then the upper bound's. */
    public static Enumerable<Object[]> scan(DataContext root, IndexScanSpec spec, Object[] values) {
        List<IndexBounds> bounds = bounds(spec, values);
        if (bounds.isEmpty()) {
            return Linq4j.emptyEnumerable();
        }
        QuiverDataContext context = QuiverDataContext.of(root);
        List<PgType> types = spec.table().columns().stream().map(c -> c.type().type()).toList();
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                PlanObservation.used("IndexScan " + spec.index().name());
                TableAccess access = context.execution().storage().access(spec.storage().storageOf(spec.table()));
                return new ProbeEnumerator(access, spec, bounds, types, context.cancelFlag());
            }
        };
    }

    /** The probes' bounds in storage values; none when a bound is NULL (a comparison with NULL is never true). */
    private static List<IndexBounds> bounds(IndexScanSpec spec, Object[] values) {
        List<PgType> keyTypes = spec.index().columns().stream().map(c -> spec.table().column(c).type().type()).toList();
        Object[] upper = null;
        if (spec.upperWidth() > 0) {
            upper = storageValues(keyTypes, values, spec.probes() * spec.probeWidth(), spec.upperWidth(), false);
            if (upper == null) {
                return List.of();
            }
        }
        // Equal probes (IN (1, 1)) would return their rows twice.
        Set<List<Object>> distinct = new LinkedHashSet<>();
        for (int p = 0; p < spec.probes(); p++) {
            Object[] lower = storageValues(keyTypes, values, p * spec.probeWidth(), spec.probeWidth(),
                    spec.primaryKey());
            if (lower != null) {
                distinct.add(Arrays.asList(lower));
            }
        }
        List<IndexBounds> bounds = new ArrayList<>();
        for (List<Object> lower : distinct) {
            Object[] from = spec.probeWidth() == 0 ? null : lower.toArray();
            bounds.add(switch (spec.lowerKind()) {
                case EQUAL -> IndexBounds.equalTo(from);
                default -> new IndexBounds(from, spec.lowerKind() != IndexCondition.RangeKind.EXCLUSIVE, upper,
                        spec.upperKind() != IndexCondition.RangeKind.EXCLUSIVE);
            });
        }
        return bounds;
    }

    /**
     * @param asStored keep each value's stored class (a primary key's lookup encodes them so) rather than widen
     *     integers to long as secondary index keys are encoded
     */
    private static Object[] storageValues(List<PgType> keyTypes, Object[] values, int from, int count,
                                          boolean asStored) {
        Object[] out = new Object[count];
        for (int i = 0; i < count; i++) {
            Object value = values[from + i];
            if (value == null) {
                return null;
            }
            Object stored = CalciteValues.fromCalcite(keyTypes.get(i), value);
            // Integer keys are encoded as long whatever their width; normalizing lets equal probes collapse.
            out[i] = isInteger(keyTypes.get(i)) && !asStored ? (Object) ((Number) stored).longValue() : stored;
        }
        return out;
    }

    private static boolean isInteger(PgType type) {
        return type == PgType.INT2 || type == PgType.INT4 || type == PgType.INT8;
    }

    private static final class ProbeEnumerator implements Enumerator<Object[]> {
        private final TableAccess access;
        private final IndexScanSpec spec;
        private final List<IndexBounds> probes;
        private final List<PgType> types;
        private final CancelFlag cancel;
        private int probe = -1;
        private RowCursor cursor;
        private Object[] current;

        ProbeEnumerator(TableAccess access, IndexScanSpec spec, List<IndexBounds> probes, List<PgType> types,
                        CancelFlag cancel) {
            this.access = access;
            this.spec = spec;
            this.probes = probes;
            this.types = types;
            this.cancel = cancel;
        }

        @Override
        public Object[] current() {
            return current;
        }

        @Override
        public boolean moveNext() {
            cancel.check();
            while (cursor == null || !cursor.next()) {
                if (++probe >= probes.size()) {
                    return false;
                }
                IndexBounds bounds = probes.get(probe);
                cursor = spec.primaryKey() ? access.primaryKeyLookup(bounds.lower())
                        : access.indexScan(spec.index().oid(), bounds);
            }
            current = StorageTable.rowOf(types, cursor, spec.withRowId());
            return true;
        }

        @Override
        public void reset() {
            throw new UnsupportedOperationException("index scans are forward-only");
        }

        @Override
        public void close() {
            // cursors hold no resources beyond the transaction's snapshot
        }
    }
}

package io.quiver.executor.schema;

import io.quiver.catalog.ColumnDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.common.type.PgType;
import io.quiver.executor.stats.PlanObservation;
import io.quiver.executor.statement.CancelFlag;
import io.quiver.sql.type.PgTypeMapping;
import io.quiver.storage.RowCursor;
import io.quiver.storage.TableAccess;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A user table as Calcite sees it: rows scanned from storage in the statement's transaction snapshot. The
 * variant with a row id (schema {@code quiver_dml}) lets UPDATE and DELETE find the rows they change.
 */
public final class StorageTable extends AbstractTable implements ScannableTable {
    /** The hidden column that carries a row's storage id in the {@code quiver_dml} variant. */
    public static final String ROW_ID = "$rowid";

    private final TableDefinition definition;
    private final TableStorageResolver storage;
    private final boolean withRowId;
    private final List<PgType> columnTypes;

    public StorageTable(TableDefinition definition, TableStorageResolver storage, boolean withRowId) {
        this.definition = definition;
        this.storage = storage;
        this.withRowId = withRowId;
        this.columnTypes = definition.columns().stream().map(c -> c.type().type()).toList();
    }

    public TableDefinition definition() {
        return definition;
    }

    /** Whether this is the {@code quiver_dml} variant, which UPDATE and DELETE read their targets through. */
    public boolean withRowId() {
        return withRowId;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        for (ColumnDefinition column : definition.columns()) {
            builder.add(column.name(), typeFactory.createTypeWithNullability(
                    PgTypeMapping.toRel(typeFactory, column.type().type(), column.type().typmod()),
                    !column.notNull()));
        }
        if (withRowId) {
            builder.add(ROW_ID, typeFactory.createSqlType(SqlTypeName.BIGINT));
        }
        return builder.build();
    }

    @Override
    public Statistic getStatistic() {
        ImmutableBitSet key = ImmutableBitSet.of(definition.primaryKey());
        return Statistics.of(storage.estimatedRowCount(definition),
                definition.primaryKey().isEmpty() ? List.of() : List.of(key));
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
        QuiverDataContext context = QuiverDataContext.of(root);
        TableAccess access = context.execution().storage().access(storage.storageOf(definition));
        CancelFlag cancel = context.cancelFlag();
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                PlanObservation.used("TableScan " + definition.name());
                return new ScanEnumerator(access.scan(), cancel);
            }
        };
    }

    /** The cursor's current row as Calcite reads it, with its row id last for the {@code quiver_dml} variant. */
    public static Object[] rowOf(List<PgType> columnTypes, RowCursor cursor, boolean withRowId) {
        Object[] row = CalciteValues.rowToCalcite(columnTypes, cursor.row(), columnTypes.size() + (withRowId ? 1 : 0));
        if (withRowId) {
            row[columnTypes.size()] = cursor.rowId();
        }
        return row;
    }

    private final class ScanEnumerator implements Enumerator<Object[]> {
        private final RowCursor cursor;
        private final CancelFlag cancel;
        private Object[] current;

        ScanEnumerator(RowCursor cursor, CancelFlag cancel) {
            this.cursor = cursor;
            this.cancel = cancel;
        }

        @Override
        public Object[] current() {
            return current;
        }

        @Override
        public boolean moveNext() {
            // Checked on every row: a join above may spend a long time on each row this scan yields.
            cancel.check();
            if (!cursor.next()) {
                return false;
            }
            current = rowOf(columnTypes, cursor, withRowId);
            return true;
        }

        @Override
        public void reset() {
            throw new UnsupportedOperationException("storage scans are forward-only");
        }

        @Override
        public void close() {
            // cursors hold no resources beyond the transaction's snapshot
        }
    }
}

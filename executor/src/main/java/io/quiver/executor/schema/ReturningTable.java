package io.quiver.executor.schema;

import io.quiver.catalog.ColumnDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.common.type.PgType;
import io.quiver.sql.type.PgTypeMapping;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/** The rows an INSERT, UPDATE or DELETE changed, shaped as its table, for planning its RETURNING list. */
final class ReturningTable extends AbstractTable implements ScannableTable {
    private final TableDefinition definition;
    private final List<PgType> columnTypes;

    ReturningTable(TableDefinition definition) {
        this.definition = definition;
        this.columnTypes = definition.columns().stream().map(c -> c.type().type()).toList();
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        for (ColumnDefinition column : definition.columns()) {
            builder.add(column.name(), PgTypeMapping.toRel(typeFactory, column.type().type(), column.type().typmod()));
        }
        return builder.build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = (List<Object[]>) root.get(QuiverDataContext.RETURNING_ROWS);
        List<Object[]> converted = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            converted.add(CalciteValues.rowToCalcite(columnTypes, row, columnTypes.size()));
        }
        return Linq4j.asEnumerable(converted);
    }
}

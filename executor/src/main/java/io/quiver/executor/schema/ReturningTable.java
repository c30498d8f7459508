package io.quiver.executor.schema;

import io.quiver.catalog.ColumnDefinition;
import io.quiver.catalog.TableDefinition;
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

    ReturningTable(TableDefinition definition) {
        this.definition = definition;
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
            Object[] out = new Object[row.length];
            for (int i = 0; i < row.length; i++) {
                out[i] = CalciteValues.toCalcite(definition.column(i).type().type(), row[i]);
            }
            converted.add(out);
        }
        return Linq4j.asEnumerable(converted);
    }
}

package io.quiver.executor.system;

import io.quiver.common.type.PgType;
import io.quiver.executor.schema.CalciteValues;
import io.quiver.executor.schema.QuiverDataContext;
import io.quiver.executor.session.SessionScope;
import io.quiver.sql.type.PgTypeMapping;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A read-only catalog table (pg_class, information_schema.columns ...) whose rows are computed from the
 * catalog version and session of the statement that reads it. Columns are declared as PostgreSQL 15 declares
 * them, in a compact {@code "oid:oid relname:name relkind:char"} form; rows are filled by column name so that
 * a table of thirty columns stays readable, and columns a row does not set are NULL.
 */
public final class SystemTable extends AbstractTable implements ScannableTable {
    /** One column of a system table. */
    public record Column(String name, PgType type) {
    }

    /** Computes the rows of a table for one statement. */
    @FunctionalInterface
    public interface RowSource {
        void addRows(SystemContext context, Rows rows);
    }

    private final List<Column> columns;
    private final List<PgType> columnTypes;
    private final Map<String, Integer> positions = new HashMap<>();
    private final RowSource source;

    public SystemTable(String columnSpec, RowSource source) {
        this.columns = parseColumns(columnSpec);
        this.columnTypes = columns.stream().map(Column::type).toList();
        for (int i = 0; i < columns.size(); i++) {
            positions.put(columns.get(i).name(), i);
        }
        this.source = source;
    }

    /** A table PostgreSQL has but Quiver never has rows in (policies, publications, triggers ...). */
    public static SystemTable alwaysEmpty(String columnSpec) {
        return new SystemTable(columnSpec, (context, rows) -> { });
    }

    public List<Column> columns() {
        return columns;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        for (Column column : columns) {
            builder.add(column.name(), PgTypeMapping.toRel(typeFactory, column.type(), -1));
        }
        return builder.build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
        QuiverDataContext context = QuiverDataContext.of(root);
        return Linq4j.asEnumerable(rows(new SystemContext(context.execution().catalogView(), SessionScope.current())));
    }

    /** The rows of this table as Calcite's generated code reads them. */
    List<Object[]> rows(SystemContext context) {
        Rows rows = new Rows();
        source.addRows(context, rows);
        List<Object[]> converted = new ArrayList<>(rows.rows.size());
        for (Object[] row : rows.rows) {
            converted.add(CalciteValues.rowToCalcite(columnTypes, row, columnTypes.size()));
        }
        return converted;
    }

    private static List<Column> parseColumns(String spec) {
        List<Column> list = new ArrayList<>();
        for (String column : spec.trim().split("\\s+")) {
            int colon = column.indexOf(':');
            String typeName = column.substring(colon + 1);
            PgType type = PgType.byName(typeName);
            if (colon < 0 || type == null) {
                throw new IllegalArgumentException("bad system column " + column);
            }
            list.add(new Column(column.substring(0, colon), type));
        }
        return List.copyOf(list);
    }

    /** The rows a {@link RowSource} adds. */
    public final class Rows {
        private final List<Object[]> rows = new ArrayList<>();

        public Row add() {
            Object[] values = new Object[columns.size()];
            rows.add(values);
            return new Row(values);
        }
    }

    /** One row being filled; values are converted to the canonical class of their column's type. */
    public final class Row {
        private final Object[] values;

        private Row(Object[] values) {
            this.values = values;
        }

        public Row set(String column, Object value) {
            Integer position = positions.get(column);
            if (position == null) {
                throw new IllegalArgumentException("no system column " + column);
            }
            values[position] = canonical(columns.get(position).type(), value);
            return this;
        }
    }

    /** An int2vector or oidvector given as PostgreSQL prints it ("1 2"), as the list Calcite holds arrays in. */
    private static List<?> vectorElements(Object value, Function<String, ?> parse) {
        String text = value.toString().trim();
        return text.isEmpty() ? List.of() : Arrays.stream(text.split(" ")).map(parse).toList();
    }

    private static Object canonical(PgType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case OID, INT8 -> ((Number) value).longValue();
            case INT4 -> ((Number) value).intValue();
            case INT2 -> ((Number) value).shortValue();
            case FLOAT4 -> ((Number) value).floatValue();
            case CHAR -> value.toString();
            case INT2VECTOR -> vectorElements(value, Short::valueOf);
            case OIDVECTOR -> vectorElements(value, Long::valueOf);
            default -> value;
        };
    }
}

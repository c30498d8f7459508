package io.quiver.executor.system;

import java.util.stream.IntStream;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * PostgreSQL's {@code generate_series(start, stop)} over integers, a table function for FROM: pgjdbc numbers the
 * search path with it ({@code generate_series(1, array_upper(current_schemas(false), 1)) AS s(r)}). Its one
 * column is named after the function, as PostgreSQL names it.
 */
public final class GenerateSeries {
    private GenerateSeries() {
    }

    /** The integers from {@code start} to {@code stop} inclusive; none when either is NULL or stop < start. */
    public static ScannableTable generate_series(Integer start, Integer stop) {
        return new Series(start, stop);
    }

    private static final class Series extends AbstractTable implements ScannableTable {
        private final Integer start;
        private final Integer stop;

        private Series(Integer start, Integer stop) {
            this.start = start;
            this.stop = stop;
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory typeFactory) {
            return typeFactory.builder().add("generate_series", SqlTypeName.INTEGER).build();
        }

        @Override
        public Enumerable<Object[]> scan(DataContext root) {
            if (start == null || stop == null) {
                return Linq4j.emptyEnumerable();
            }
            // lazily: a series larger than the heap streams to the client like any other scan
            Iterable<Object[]> rows = () -> IntStream.rangeClosed(start, stop).mapToObj(i -> new Object[] {i}).iterator();
            return Linq4j.asEnumerable(rows);
        }
    }
}

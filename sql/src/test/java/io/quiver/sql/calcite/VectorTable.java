package io.quiver.sql.calcite;

import io.quiver.sql.type.QuiverTypeFactory;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/** An in-memory table (id int, cat int, embedding vector(3)) whose rows carry vectors as float[]. */
final class VectorTable extends AbstractTable implements ScannableTable {
    static final List<Object[]> ROWS = List.of(
            new Object[] {1, 1, new float[] {1, 2, 3}},
            new Object[] {2, 1, new float[] {4, 5, 6}},
            new Object[] {3, 2, new float[] {1, 1, 1}},
            new Object[] {4, 2, new float[] {0, 0, 1}},
            new Object[] {5, 1, new float[] {2, 2, 2}});

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return typeFactory.builder()
                .add("id", SqlTypeName.INTEGER)
                .add("cat", SqlTypeName.INTEGER)
                .add("embedding", ((QuiverTypeFactory) typeFactory).createVectorType(3))
                .build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
        return Linq4j.asEnumerable(ROWS);
    }

    static float[] embedding(int id) {
        return (float[]) ROWS.get(id - 1)[2];
    }
}

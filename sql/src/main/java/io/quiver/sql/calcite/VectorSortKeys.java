package io.quiver.sql.calcite;

import io.quiver.sql.function.VectorOperators;
import io.quiver.sql.type.QuiverTypeFactory;
import io.quiver.sql.type.VectorSqlType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.tools.RelBuilder;

/**
 * Makes sorts on vector, halfvec and sparsevec columns ({@code ORDER BY embedding}) order as pgvector's btree
 * operator classes do. Their run-time values are not {@link Comparable}, so each such sort key is replaced by a
 * {@link io.quiver.common.vector.VectorSortKey} computed in a projection below the sort and dropped above it.
 */
final class VectorSortKeys extends RelHomogeneousShuttle {
    private VectorSortKeys() {
    }

    static RelNode rewrite(RelNode rel) {
        return rel.accept(new VectorSortKeys());
    }

    @Override
    public RelNode visit(RelNode other) {
        RelNode visited = super.visit(other);
        if (!(visited instanceof Sort sort) || sort.getCollation().getFieldCollations().stream()
                .noneMatch(collation -> isVector(sort.getInput(), collation.getFieldIndex()))) {
            return visited;
        }
        RelNode input = sort.getInput();
        int inputFields = input.getRowType().getFieldCount();
        RelBuilder builder = RelFactories.LOGICAL_BUILDER.create(sort.getCluster(), null);
        builder.push(input);
        RelDataType keyType = ((QuiverTypeFactory) builder.getTypeFactory()).createVectorSortKeyType();
        List<RexNode> fields = new ArrayList<>(builder.fields());
        List<Integer> sortFields = new ArrayList<>();
        for (RelFieldCollation collation : sort.getCollation().getFieldCollations()) {
            RexNode field = builder.field(collation.getFieldIndex());
            if (field.getType() instanceof VectorSqlType vector) {
                fields.add(builder.getRexBuilder().makeCall(
                        builder.getTypeFactory().createTypeWithNullability(keyType, vector.isNullable()),
                        vector.isSparse() ? VectorOperators.SPARSE_SORT_KEY : VectorOperators.DENSE_SORT_KEY,
                        List.of(field)));
                sortFields.add(fields.size() - 1);
            } else {
                sortFields.add(collation.getFieldIndex());
            }
        }
        builder.project(fields);
        List<RexNode> ordering = new ArrayList<>();
        for (int i = 0; i < sortFields.size(); i++) {
            RelFieldCollation collation = sort.getCollation().getFieldCollations().get(i);
            RexNode key = builder.field(sortFields.get(i));
            if (collation.getDirection().isDescending()) {
                key = builder.desc(key);
            }
            ordering.add(collation.nullDirection == RelFieldCollation.NullDirection.FIRST ? builder.nullsFirst(key)
                    : builder.nullsLast(key));
        }
        builder.sortLimit(sort.offset, sort.fetch, ordering);
        builder.project(builder.fields().subList(0, inputFields));
        return builder.build();
    }

    private static boolean isVector(RelNode input, int field) {
        return input.getRowType().getFieldList().get(field).getType() instanceof VectorSqlType;
    }
}

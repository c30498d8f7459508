package io.quiver.sql.calcite;

import io.quiver.common.type.PgType;
import io.quiver.sql.function.VectorAwareAggFunction;
import io.quiver.sql.type.VectorSqlType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlAggFunction;

/**
 * Replaces each {@link VectorAwareAggFunction} call of a converted plan by the standard aggregate or pgvector's,
 * depending on its argument's type, so that planner rules and code generation only ever see those.
 */
final class VectorAggregateResolver extends RelShuttleImpl {
    private VectorAggregateResolver() {
    }

    static RelNode resolve(RelNode rel) {
        return rel.accept(new VectorAggregateResolver());
    }

    @Override
    public RelNode visit(LogicalAggregate aggregate) {
        LogicalAggregate visited = (LogicalAggregate) super.visit(aggregate);
        List<AggregateCall> calls = new ArrayList<>();
        boolean changed = false;
        for (AggregateCall call : visited.getAggCallList()) {
            if (call.getAggregation() instanceof VectorAwareAggFunction function) {
                calls.add(resolve(visited, call, function));
                changed = true;
            } else {
                calls.add(call);
            }
        }
        return changed
                ? visited.copy(visited.getTraitSet(), visited.getInput(), visited.getGroupSet(),
                        visited.getGroupSets(), calls)
                : visited;
    }

    private static AggregateCall resolve(LogicalAggregate aggregate, AggregateCall call,
            VectorAwareAggFunction function) {
        RelDataType argument = aggregate.getInput().getRowType().getFieldList().get(call.getArgList().get(0))
                .getType();
        SqlAggFunction resolved = function.standard();
        if (argument instanceof VectorSqlType vector) {
            resolved = vector.kind() == PgType.HALFVEC ? function.halfvecImplementation()
                    : function.vectorImplementation();
        }
        return AggregateCall.create(call.getParserPosition(), resolved, call.isDistinct(), call.isApproximate(),
                call.ignoreNulls(), call.rexList, call.getArgList(), call.filterArg, call.distinctKeys,
                call.collation, call.type, call.name);
    }
}

package io.quiver.sql.calcite;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.linq4j.function.Functions;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.MethodCallExpression;
import org.apache.calcite.linq4j.tree.Shuttle;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.SingleRel;

/**
 * The root of a plan whose generated code sorts single keys with {@link SortKeyComparators} instead of
 * Calcite's comparator: it implements its input, then rewrites the calls in the code. A wrapper for code
 * generation only; plans are explained and costed without it.
 */
final class FastSortComparators extends SingleRel implements EnumerableRel {
    private FastSortComparators(EnumerableRel input) {
        super(input.getCluster(), input.getTraitSet(), input);
    }

    static EnumerableRel wrap(EnumerableRel root) {
        return new FastSortComparators(root);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new FastSortComparators((EnumerableRel) sole(inputs));
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
        return implementor.result(input.physType, input.block.accept(new Rewrite()));
    }

    private static final class Rewrite extends Shuttle {
        @Override
        public Expression visit(MethodCallExpression call, Expression target, List<Expression> arguments) {
            if (call.method.getDeclaringClass() == Functions.class && call.method.getName().equals("nullsComparator")
                    && arguments.size() == 2) {
                return Expressions.call(SortKeyComparators.class, "nullsComparator", arguments);
            }
            return super.visit(call, target, arguments);
        }
    }
}

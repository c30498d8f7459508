package io.quiver.executor.plan;

import io.quiver.common.type.PgType;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlNode;

/** Validates, optimises and compiles a query tree against a schema tree. */
public interface PlanCompiler {
    /**
     * @param query a query (SELECT, VALUES, set operations, WITH)
     * @param sql the statement text the tree was parsed from (for error positions)
     * @param root the schema tree of the statement's catalog version
     * @param declaredParameterTypes the types the client gave for {@code $1 .. $n} (null entries: infer)
     * @param rules planner rules beyond the standard ones (e.g. those that plan vector searches)
     */
    CompiledPlan compile(SqlNode query, String sql, SchemaPlus root, List<PgType> declaredParameterTypes,
                         List<? extends RelOptRule> rules);

    /** The logical plan of {@code query}, validated and converted but not optimised. */
    RelNode logicalPlan(SqlNode query, String sql, SchemaPlus root);
}

package io.quiver.executor.index;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * A table's rows found through a B-tree or hash index: each probe's key range read in the index, each row
 * fetched by row id. Produced by {@link IndexScanRule} under the filter it serves, which stays above it.
 * EXPLAIN prints it as PostgreSQL names it, {@code Index Scan using t_a_idx on t}, with its cost and the
 * full scan's it beat.
 */
public final class IndexScan extends TableScan implements EnumerableRel {
    private final IndexScanSpec spec;
    /** The probes' values, then the upper bound's: literals or parameters. */
    private final List<RexNode> values;
    private final RexNode indexCondition;
    private final double rows;
    private final double cost;
    private final double fullScanCost;

    IndexScan(RelOptCluster cluster, RelOptTable table, IndexScanSpec spec, List<RexNode> values,
              RexNode indexCondition, double rows, double cost, double fullScanCost) {
        super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), List.of(), table);
        this.spec = spec;
        this.values = List.copyOf(values);
        this.indexCondition = indexCondition;
        this.rows = rows;
        this.cost = cost;
        this.fullScanCost = fullScanCost;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return this;
    }

    @Override
    public String getRelTypeName() {
        return "Index Scan using " + spec.index().name() + " on " + spec.table().name();
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        // The condition is part of the digest: scans of different keys are different relations. The
        // alternatives come last, for VectorSearch.explainLines to put them on a line of their own.
        return pw.item("cond", indexCondition).item("rows", Math.round(rows)).item("cost", Math.round(cost))
                .item("alternatives", String.format(Locale.ROOT, "IndexScan(%s) cost=%.0f, SeqScan cost=%.0f",
                        spec.index().name(), cost, fullScanCost));
    }

    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        return rows;
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        return planner.getCostFactory().makeCost(rows, cost, 0);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
        BlockBuilder builder = new BlockBuilder();
        Expression call = Expressions.call(IndexScans.class, "scan", implementor.getRootExpression(),
                implementor.stash(spec, IndexScanSpec.class), valuesExpression(implementor, builder));
        builder.add(Expressions.return_(null, call));
        return implementor.result(physType, builder.toBlock());
    }

    /** Java code computing the bound values into an Object[]: literals, parameters, expressions over them. */
    private Expression valuesExpression(EnumerableRelImplementor implementor, BlockBuilder builder) {
        JavaTypeFactory typeFactory = implementor.getTypeFactory();
        RexProgramBuilder program = new RexProgramBuilder(typeFactory.builder().build(),
                getCluster().getRexBuilder());
        for (int i = 0; i < values.size(); i++) {
            program.addProject(values.get(i), "v" + i);
        }
        PhysType output = PhysTypeImpl.of(typeFactory, program.getProgram().getOutputRowType(),
                JavaRowFormat.ARRAY, false);
        List<Expression> computed = RexToLixTranslator.translateProjects(program.getProgram(), typeFactory,
                SqlConformanceEnum.DEFAULT, builder, output, implementor.getRootExpression(),
                (list, index, storageType) -> {
                    throw new IllegalStateException("index bounds read no columns");
                }, name -> {
                    throw new IllegalStateException("index bounds have no correlation variables");
                });
        return Expressions.newArrayInit(Object.class,
                computed.stream().map(e -> (Expression) Expressions.box(e)).toList());
    }
}

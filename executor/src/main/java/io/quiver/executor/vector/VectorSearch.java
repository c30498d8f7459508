package io.quiver.executor.vector;

import java.util.List;
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
 * A table's rows in ascending distance from a query vector, read through a vector index or an exact SIMD
 * scan of the table's in-memory vectors (see {@link VectorAccess}). Produced by {@link VectorSearchRule}
 * under the filter and limit of a k-NN query; it yields rows only as they are pulled, so it reads about
 * k rows (more under a selective filter) rather than the whole table.
 */
public final class VectorSearch extends TableScan implements EnumerableRel {
    private final VectorSearchSpec spec;
    private final RexNode query;
    private final VectorAccess access;
    private final long tableRows;
    /** The rows the consumer is expected to pull: k divided by the selectivity of the filter above. */
    private final double expectedRows;

    VectorSearch(RelOptCluster cluster, RelOptTable table, VectorSearchSpec spec, RexNode query,
                 VectorAccess access, long tableRows, double expectedRows) {
        super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), List.of(), table);
        this.spec = spec;
        this.query = query;
        this.access = access;
        this.tableRows = tableRows;
        this.expectedRows = expectedRows;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return this;
    }

    /** EXPLAIN names the access: {@code VectorSearch} through an index, {@code ExactScan} without. */
    @Override
    public String getRelTypeName() {
        return access.index() == null ? "ExactScan" : "VectorSearch";
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        pw.item("table", spec.table().name());
        if (access.index() != null) {
            boolean hnsw = access.index().method().equals("hnsw");
            pw.item("index", access.index().name()).item("method", access.index().method())
                    .item(hnsw ? "ef_search" : "probes", hnsw ? access.efSearch() : access.probes());
        }
        // The query is part of the digest: two searches for different vectors are different relations.
        return pw.item("operator", spec.kind().operator()).item("query", query).item("k", spec.k())
                .item("rows", tableRows).item("cost", Math.round(visitedRows()));
    }

    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        return Math.min(tableRows, expectedRows);
    }

    /** In rows visited, see {@link #visitedRows()}; the planner compares costs by their rows. */
    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        double visited = visitedRows();
        return planner.getCostFactory().makeCost(visited, visited, 0);
    }

    /**
     * An HNSW walk visits about ef_search nodes per layer it descends, an IVFFlat scan
     * probes/lists of the table, an exact scan every row (but at SIMD speed, without decoding rows, which
     * makes it cheaper than a table scan).
     */
    private double visitedRows() {
        double rows = Math.max(1, tableRows);
        double visited;
        if (access.index() == null) {
            visited = rows / 4;
        } else if (access.index().method().equals("hnsw")) {
            visited = Math.max(access.efSearch(), spec.k()) * Math.max(1, Math.log(rows) / Math.log(2));
        } else {
            double lists = Double.parseDouble(access.index().options().getOrDefault("lists", "100"));
            visited = rows * Math.min(access.probes(), lists) / lists + lists;
        }
        return visited;
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        JavaTypeFactory typeFactory = implementor.getTypeFactory();
        PhysType physType = PhysTypeImpl.of(typeFactory, getRowType(), JavaRowFormat.ARRAY, false);
        BlockBuilder builder = new BlockBuilder();
        Expression call = Expressions.call(VectorScan.class, "scan", implementor.getRootExpression(),
                implementor.stash(spec, VectorSearchSpec.class), queryExpression(implementor, builder));
        builder.add(Expressions.return_(null, call));
        return implementor.result(physType, builder.toBlock());
    }

    /** Java code computing the query vector: a literal, a parameter, or any expression over them. */
    private Expression queryExpression(EnumerableRelImplementor implementor, BlockBuilder builder) {
        JavaTypeFactory typeFactory = implementor.getTypeFactory();
        RexProgramBuilder program = new RexProgramBuilder(typeFactory.builder().build(),
                getCluster().getRexBuilder());
        program.addProject(query, "query");
        PhysType output = PhysTypeImpl.of(typeFactory, program.getProgram().getOutputRowType(),
                JavaRowFormat.ARRAY, false);
        List<Expression> values = RexToLixTranslator.translateProjects(program.getProgram(), typeFactory,
                SqlConformanceEnum.DEFAULT, builder, output, implementor.getRootExpression(),
                (list, index, storageType) -> {
                    throw new IllegalStateException("a query vector reads no columns");
                }, name -> {
                    throw new IllegalStateException("a query vector has no correlation variables");
                });
        return Expressions.convert_(values.get(0), Object.class);
    }
}

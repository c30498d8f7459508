package io.quiver.executor.vector;

import java.util.ArrayList;
import java.util.List;
import io.quiver.index.IndexOptions;
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
 * A table's rows in ascending distance from a query vector, read through a vector index or an exact SIMD
 * scan of the table's in-memory vectors (see {@link VectorAccess}). Produced by {@link VectorSearchRule}
 * under the filter and limit of a k-NN query; it yields rows only as they are pulled, so it reads about
 * k rows (more under a selective filter) rather than the whole table.
 */
public final class VectorSearch extends TableScan implements EnumerableRel {
    private static final String ALTERNATIVES = "alternatives";

    private final VectorSearchSpec spec;
    private final RexNode query;
    private final VectorAccess access;
    private final long tableRows;

    VectorSearch(RelOptCluster cluster, RelOptTable table, VectorSearchSpec spec, RexNode query,
                 VectorAccess access, long tableRows) {
        super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), List.of(), table);
        this.spec = spec;
        this.query = query;
        this.access = access;
        this.tableRows = tableRows;
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
        if (spec.source().expression() != null) {
            pw.item("key", spec.source().expression().sql(spec.table()::columnNameAtSlot, true));
        }
        if (access.index() != null) {
            boolean hnsw = access.index().method().equals("hnsw");
            pw.item("index", access.index().name()).item("method", access.index().method())
                    .item(hnsw ? "ef_search" : "probes", hnsw ? access.efSearch() : access.probes());
            IndexOptions.Quantization quantization = VectorAccess.quantization(access.index());
            if (quantization.quantized()) {
                pw.item("quantization", quantization.describe(spec.source().width()))
                        .item("reranked", quantization.candidates(spec.k(), hnsw ? access.efSearch() : 1));
            }
        }
        // The query is part of the digest: two searches for different vectors are different relations.
        // The alternatives are last: EXPLAIN prints them on a line of their own (see explainLines).
        return pw.item("operator", spec.kind().operator()).item("query", query).item("k", spec.k())
                .item("rows", tableRows).item("selectivity", String.format(Locale.ROOT, "%.4g", spec.selectivity()))
                .item("cost", Math.round(access.cost()))
                .item(ALTERNATIVES, access.describeAlternatives());
    }

    /**
     * EXPLAIN's lines with each vector search's alternatives moved from the end of its line to a line
     * of their own below it: {@code Alternatives: ExactScan cost=..., VectorSearch(hnsw i) cost=...}.
     */
    public static List<String> explainLines(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        String marker = ", " + ALTERNATIVES + "=[";
        for (String line : lines) {
            int at = line.indexOf(marker);
            if (at < 0 || !line.endsWith("])")) {
                out.add(line);
                continue;
            }
            String indent = line.substring(0, line.length() - line.stripLeading().length());
            out.add(line.substring(0, at) + ")");
            out.add(indent + "  Alternatives: " + line.substring(at + marker.length(), line.length() - 2));
        }
        return out;
    }

    /** The rows the consumer is expected to pull: k divided by the selectivity of the filter above. */
    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        return Math.min(tableRows, spec.k() / Math.max(1e-6, spec.selectivity()));
    }

    /**
     * The chosen access's float operations in rows: Calcite's other operators count a row as about one unit,
     * and a row's distance costs about as much as decoding a row when it runs at SIMD speed over 4 floats at once.
     */
    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        double rows = access.cost() / spec.source().costWidth() / 4;
        return planner.getCostFactory().makeCost(rows, rows, 0);
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

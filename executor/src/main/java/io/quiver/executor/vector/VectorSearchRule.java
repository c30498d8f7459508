package io.quiver.executor.vector;

import io.quiver.catalog.IndexDefinition;
import io.quiver.catalog.IndexExpression;
import io.quiver.catalog.TableDefinition;
import io.quiver.executor.schema.StorageTable;
import io.quiver.executor.schema.TableStorageResolver;
import io.quiver.executor.session.SessionSettings;
import io.quiver.executor.stats.FilterSelectivity;
import io.quiver.executor.stats.Statistics;
import io.quiver.index.DistanceKind;
import io.quiver.sql.function.VectorOperators;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.tools.RelBuilderFactory;

/**
 * Plans k-NN queries — {@code ORDER BY embedding <-> :query LIMIT k} over one table, optionally filtered —
 * as a {@link VectorSearch} under the query's filter and projection, with a limit of k above them and the
 * query's sort (now of k rows) on top:
 *
 * <pre>
 * Sort(distance, fetch k)                  Sort(distance, fetch k)
 *   Project(..., distance)          =>       Limit(k)
 *     [Filter]                                 Project(..., distance)
 *       TableScan(t)                             [Filter]
 *                                                  VectorSearch(t, column, query)
 * </pre>
 *
 * The limit stops the search once the filter has let k rows through, however selective it is.
 */
public final class VectorSearchRule extends RelRule<VectorSearchRule.Config> {
    private static final Map<SqlOperator, DistanceKind> DISTANCES = Map.of(
            VectorOperators.L2_DISTANCE_FUNCTION, DistanceKind.L2,
            VectorOperators.NEGATIVE_INNER_PRODUCT_FUNCTION, DistanceKind.INNER_PRODUCT,
            VectorOperators.COSINE_DISTANCE_FUNCTION, DistanceKind.COSINE,
            VectorOperators.L1_DISTANCE_FUNCTION, DistanceKind.L1,
            VectorOperators.HAMMING_DISTANCE_FUNCTION, DistanceKind.HAMMING,
            VectorOperators.JACCARD_DISTANCE_FUNCTION, DistanceKind.JACCARD);

    private VectorSearchRule(Config config) {
        super(config);
    }

    /** The rules for a statement planned with {@code settings}: k-NN with and without a filter. */
    public static List<VectorSearchRule> forStatement(VectorIndexes indexes, Statistics statistics,
                                                      TableStorageResolver storage, SessionSettings settings) {
        return List.of(Config.of(indexes, statistics, storage, settings, true).toRule(),
                Config.of(indexes, statistics, storage, settings, false).toRule());
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Sort sort = call.rel(0);
        Project project = call.rel(1);
        Filter filter = config.filtered() ? call.rel(2) : null;
        TableScan scan = call.rel(config.filtered() ? 3 : 2);
        StorageTable table = scan.getTable().unwrap(StorageTable.class);
        Integer k = limit(sort);
        if (table == null || k == null || sort.getCollation().getFieldCollations().size() != 1
                || scan.getRowType().getFieldCount() != table.definition().columns().size()) {
            return;
        }
        RelFieldCollation order = sort.getCollation().getFieldCollations().get(0);
        if (order.getDirection() != RelFieldCollation.Direction.ASCENDING
                || !(project.getProjects().get(order.getFieldIndex()) instanceof RexCall distance)
                || !DISTANCES.containsKey(distance.getOperator())) {
            return;
        }
        RexNode query = distance.getOperands().get(1);
        TableDefinition definition = table.definition();
        VectorSource source = source(distance.getOperands().get(0), definition);
        if (source == null || RexUtil.containsInputRef(query) || RexUtil.containsCorrelation(query)
                || !RexUtil.isDeterministic(query)) {
            return;
        }
        DistanceKind kind = DISTANCES.get(distance.getOperator());
        // Row count and filter selectivity from the table's statistics (kept with every commit).
        double[] estimate = config.statistics().read(definition, stats -> new double[] {stats.liveRows(),
                filter == null ? 1 : FilterSelectivity.of(filter.getCondition(), stats)});
        long rows = (long) estimate[0];
        VectorSearchSpec spec = new VectorSearchSpec(definition, source, kind, k, estimate[1], config.indexes(),
                config.storage());
        RelNode search = new VectorSearch(scan.getCluster(), scan.getTable(), spec, query,
                spec.access(rows, config.settings()), rows);
        RelNode filtered = filter == null ? search : LogicalFilter.create(search, filter.getCondition());
        RelNode projected = project.copy(project.getTraitSet(), filtered, project.getProjects(),
                project.getRowType());
        RelNode limited = LogicalSort.create(projected, RelCollations.EMPTY, null,
                scan.getCluster().getRexBuilder().makeExactLiteral(BigDecimal.valueOf(k)));
        call.transformTo(sort.copy(sort.getTraitSet(), limited, sort.getCollation(), sort.offset, sort.fetch));
    }

    /**
     * What the distance's first operand reads: a searchable column, or the key of one of the table's expression
     * indexes; null for anything else, which is left to a full sort.
     */
    private static VectorSource source(RexNode operand, TableDefinition table) {
        if (operand instanceof RexInputRef column) {
            return VectorSource.searchable(table.column(column.getIndex()).type())
                    ? VectorSource.ofColumn(table, column.getIndex()) : null;
        }
        IndexExpression expression = IndexExpressions.of(operand, table);
        for (IndexDefinition index : table.vectorIndexes()) {
            if (index.expression() != null && index.expression().equals(expression)) {
                return VectorSource.ofExpression(index.expression());
            }
        }
        return null;
    }

    /** OFFSET + LIMIT when both are literals, else null (a k known only at run time is left to a full sort). */
    private static Integer limit(Sort sort) {
        if (!(sort.fetch instanceof RexLiteral fetch)
                || (sort.offset != null && !(sort.offset instanceof RexLiteral))) {
            return null;
        }
        long offset = sort.offset == null ? 0 : ((RexLiteral) sort.offset).getValueAs(Long.class);
        long k = fetch.getValueAs(Long.class) + offset;
        return k > 0 && k <= Integer.MAX_VALUE ? (int) k : null;
    }

    /**
     * The rule's configuration, immutable in the style of Calcite's generated configs: the engine's vectors,
     * the planning session's settings, and whether the pattern has a filter.
     */
    public record Config(VectorIndexes indexes, Statistics statistics, TableStorageResolver storage,
                         SessionSettings settings, boolean filtered, String description,
                         OperandTransform operandSupplier, RelBuilderFactory relBuilderFactory)
            implements RelRule.Config {
        static Config of(VectorIndexes indexes, Statistics statistics, TableStorageResolver storage,
                         SessionSettings settings, boolean filtered) {
            OperandTransform operands = filtered
                    ? b0 -> b0.operand(Sort.class).oneInput(b1 -> b1.operand(Project.class).oneInput(
                            b2 -> b2.operand(Filter.class).oneInput(b3 -> b3.operand(TableScan.class).noInputs())))
                    : b0 -> b0.operand(Sort.class).oneInput(b1 -> b1.operand(Project.class).oneInput(
                            b2 -> b2.operand(TableScan.class).noInputs()));
            return new Config(indexes, statistics, storage, settings, filtered,
                    filtered ? "VectorSearchRule(Filter)" : "VectorSearchRule",
                    operands, RelFactories.LOGICAL_BUILDER);
        }

        @Override
        public VectorSearchRule toRule() {
            return new VectorSearchRule(this);
        }

        @Override
        public Config withRelBuilderFactory(RelBuilderFactory factory) {
            return new Config(indexes, statistics, storage, settings, filtered, description, operandSupplier,
                    factory);
        }

        @Override
        public Config withDescription(String newDescription) {
            return new Config(indexes, statistics, storage, settings, filtered, newDescription, operandSupplier,
                    relBuilderFactory);
        }

        @Override
        public Config withOperandSupplier(OperandTransform transform) {
            return new Config(indexes, statistics, storage, settings, filtered, description, transform,
                    relBuilderFactory);
        }
    }
}

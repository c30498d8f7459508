package io.quiver.executor.index;

import io.quiver.catalog.IndexBuildState;
import io.quiver.catalog.IndexDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.executor.schema.StorageTable;
import io.quiver.executor.schema.TableStorageResolver;
import io.quiver.executor.session.PlannerSwitches;
import io.quiver.executor.session.SessionSettings;
import io.quiver.executor.stats.FilterSelectivity;
import io.quiver.executor.stats.Statistics;
import io.quiver.executor.system.SystemObjects;
import io.quiver.executor.vector.VectorSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.tools.RelBuilderFactory;

/**
 * Plans a filter on an indexed column — equality, IN list or range — as an {@link IndexScan} under the
 * filter, when its estimated cost beats the full scan's:
 *
 * <pre>
 * Filter(a = 1)            Filter(a = 1)
 *   TableScan(t)     =>      IndexScan(t_a_idx, a = 1)
 * </pre>
 *
 * A full scan reads each row once, sequentially; an index scan reads the matching entries and then each
 * row by row id, a random B-tree lookup costing about {@value #ROW_FETCH_COST} sequential rows. With the
 * statistics' selectivity the index wins below about one row in {@value #ROW_FETCH_COST}. Off with
 * {@code SET enable_indexscan = off}.
 */
public final class IndexScanRule extends RelRule<IndexScanRule.Config> {
    static final double ROW_FETCH_COST = 4;

    private IndexScanRule(Config config) {
        super(config);
    }

    public static IndexScanRule forStatement(Statistics statistics, TableStorageResolver storage,
                                             SessionSettings settings) {
        return Config.of(statistics, storage, settings).toRule();
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Filter filter = call.rel(0);
        TableScan scan = call.rel(1);
        StorageTable table = scan.getTable().unwrap(StorageTable.class);
        if (table == null || scan instanceof IndexScan || scan instanceof VectorSearch
                || scan.getRowType().getFieldCount()
                        != table.definition().columns().size() + (table.withRowId() ? 1 : 0)
                || !PlannerSwitches.indexScansEnabled(config.settings())) {
            return;
        }
        TableDefinition definition = table.definition();
        RexBuilder rex = scan.getCluster().getRexBuilder();
        double fullScanCost = Math.max(1, config.storage().estimatedRowCount(definition));
        IndexScan best = null;
        double bestCost = fullScanCost;
        IndexDefinition primaryKey = primaryKeyIndex(definition);
        List<IndexDefinition> candidates = new ArrayList<>(definition.scalarIndexes());
        if (primaryKey != null) {
            candidates.add(primaryKey);
        }
        for (IndexDefinition index : candidates) {
            IndexCondition condition = IndexCondition.of(rex, filter.getCondition(), definition, index);
            if (condition == null || (index == primaryKey && !condition.isWholeKeyLookup(index))) {
                continue;
            }
            RexNode served = RexUtil.composeConjunction(rex, condition.used());
            double[] estimate = config.statistics().read(definition,
                    stats -> new double[] {stats.liveRows(), FilterSelectivity.of(served, stats)});
            double rows = Math.max(1, Math.max(estimate[0], fullScanCost) * estimate[1]);
            double cost = condition.probes().size() * Math.log(fullScanCost + 2) + rows * ROW_FETCH_COST;
            if (cost < bestCost) {
                best = scan(scan, definition, table.withRowId(), index, condition, served, rows, cost, fullScanCost);
                bestCost = cost;
            }
        }
        if (best != null) {
            call.transformTo(filter.copy(filter.getTraitSet(), best, filter.getCondition()));
        }
    }

    private IndexScan scan(TableScan scan, TableDefinition table, boolean withRowId, IndexDefinition index,
                           IndexCondition condition, RexNode served, double rows, double cost, double fullScanCost) {
        List<RexNode> values = new ArrayList<>();
        condition.probes().forEach(values::addAll);
        values.addAll(condition.upper());
        IndexScanSpec spec = new IndexScanSpec(table, index, config.storage(), condition.probes().size(),
                condition.probes().get(0).size(), condition.lowerKind(), condition.upper().size(),
                condition.upperKind(), index.oid() == SystemObjects.primaryKeyIndexOid(table), withRowId);
        return new IndexScan(scan.getCluster(), scan.getTable(), spec, values, served, rows, cost, fullScanCost);
    }

    /**
     * The primary key as the unique B-tree PostgreSQL builds for it (items_pkey), or null. It is stored as a map
     * from whole keys to row ids, so it serves lookups of whole keys (equality or IN), not ranges.
     */
    private static IndexDefinition primaryKeyIndex(TableDefinition table) {
        if (table.primaryKey().isEmpty()) {
            return null;
        }
        return new IndexDefinition(SystemObjects.primaryKeyIndexOid(table), table.primaryKeyName(),
                table.primaryKey(), "btree", "", Map.of(), IndexBuildState.READY, 0, null, true, null);
    }

    /** The rule's configuration, immutable in the style of Calcite's generated configs. */
    public record Config(Statistics statistics, TableStorageResolver storage, SessionSettings settings,
                         String description, OperandTransform operandSupplier, RelBuilderFactory relBuilderFactory)
            implements RelRule.Config {
        static Config of(Statistics statistics, TableStorageResolver storage, SessionSettings settings) {
            return new Config(statistics, storage, settings, "IndexScanRule",
                    b0 -> b0.operand(Filter.class).oneInput(b1 -> b1.operand(TableScan.class).noInputs()),
                    RelFactories.LOGICAL_BUILDER);
        }

        @Override
        public IndexScanRule toRule() {
            return new IndexScanRule(this);
        }

        @Override
        public Config withRelBuilderFactory(RelBuilderFactory factory) {
            return new Config(statistics, storage, settings, description, operandSupplier, factory);
        }

        @Override
        public Config withDescription(String newDescription) {
            return new Config(statistics, storage, settings, newDescription, operandSupplier, relBuilderFactory);
        }

        @Override
        public Config withOperandSupplier(OperandTransform transform) {
            return new Config(statistics, storage, settings, description, transform, relBuilderFactory);
        }
    }
}

package io.quiver.executor.index;

import io.quiver.catalog.IndexDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.common.type.PgType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * What of a filter an index can serve: equalities on its leading key columns (one probe), an IN list on its
 * first column (a probe per value), or a range on its first column (B-tree only, on types whose key
 * encoding is ordered). The values are run-time expressions (literals, parameters). The filter stays above
 * the index scan, so the condition only has to select a superset of the rows.
 *
 * @param probes per probe, the lower bound's values (an equality's too), or empty for an open lower bound
 * @param upper a range's upper bound (one value), or empty; for equalities and IN lists empty
 * @param used the conjuncts the index serves, for the selectivity estimate and EXPLAIN
 */
record IndexCondition(List<List<RexNode>> probes, RangeKind lowerKind, List<RexNode> upper, RangeKind upperKind,
                      List<RexNode> used) {
    /** How a bound compares. */
    enum RangeKind { EQUAL, INCLUSIVE, EXCLUSIVE, OPEN }

    private static final Set<PgType> ORDERED = Set.of(PgType.INT2, PgType.INT4, PgType.INT8, PgType.TEXT,
            PgType.VARCHAR, PgType.DATE);
    private static final Set<PgType> EQUALITY = Set.of(PgType.INT2, PgType.INT4, PgType.INT8, PgType.TEXT,
            PgType.VARCHAR, PgType.DATE, PgType.BOOL, PgType.BPCHAR, PgType.NUMERIC);

    boolean isRange() {
        return lowerKind != RangeKind.EQUAL;
    }

    /** The condition {@code index} can serve of {@code condition}, or null. */
    /** Whether every probe gives a value for each of the index's columns: lookups of whole keys, no range. */
    boolean isWholeKeyLookup(IndexDefinition index) {
        return lowerKind == RangeKind.EQUAL && upper.isEmpty() && probes.get(0).size() == index.columns().size();
    }

    static IndexCondition of(RexBuilder rex, RexNode condition, TableDefinition table, IndexDefinition index) {
        List<RexNode> conjuncts = RelOptUtil.conjunctions(RexUtil.expandSearch(rex, null, condition));
        List<RexNode> prefix = new ArrayList<>();
        List<RexNode> used = new ArrayList<>();
        for (int column : index.columns()) {
            if (!EQUALITY.contains(table.column(column).type().type())) {
                break;
            }
            RexNode value = null;
            for (RexNode conjunct : conjuncts) {
                value = comparedValue(conjunct, column, SqlKind.EQUALS);
                if (value != null) {
                    used.add(conjunct);
                    break;
                }
            }
            if (value == null) {
                break;
            }
            prefix.add(value);
        }
        if (!prefix.isEmpty()) {
            return new IndexCondition(List.of(prefix), RangeKind.EQUAL, List.of(), RangeKind.EQUAL, used);
        }
        int first = index.column();
        PgType type = table.column(first).type().type();
        if (!EQUALITY.contains(type)) {
            return null;
        }
        for (RexNode conjunct : conjuncts) {
            List<List<RexNode>> in = inList(conjunct, first);
            if (in != null) {
                return new IndexCondition(in, RangeKind.EQUAL, List.of(), RangeKind.EQUAL, List.of(conjunct));
            }
        }
        if (!index.method().equals("btree") || !ORDERED.contains(type)) {
            return null;
        }
        return range(conjuncts, first);
    }

    private static IndexCondition range(List<RexNode> conjuncts, int column) {
        RexNode lower = null;
        RexNode upper = null;
        RangeKind lowerKind = RangeKind.OPEN;
        RangeKind upperKind = RangeKind.OPEN;
        List<RexNode> used = new ArrayList<>();
        for (RexNode conjunct : conjuncts) {
            for (SqlKind kind : List.of(SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL, SqlKind.LESS_THAN,
                    SqlKind.LESS_THAN_OR_EQUAL)) {
                RexNode value = comparedValue(conjunct, column, kind);
                if (value == null) {
                    continue;
                }
                boolean inclusive = kind == SqlKind.GREATER_THAN_OR_EQUAL || kind == SqlKind.LESS_THAN_OR_EQUAL;
                boolean isLower = kind == SqlKind.GREATER_THAN || kind == SqlKind.GREATER_THAN_OR_EQUAL;
                if (isLower && lower == null) {
                    lower = value;
                    lowerKind = inclusive ? RangeKind.INCLUSIVE : RangeKind.EXCLUSIVE;
                    used.add(conjunct);
                } else if (!isLower && upper == null) {
                    upper = value;
                    upperKind = inclusive ? RangeKind.INCLUSIVE : RangeKind.EXCLUSIVE;
                    used.add(conjunct);
                }
                break;
            }
        }
        if (used.isEmpty()) {
            return null;
        }
        return new IndexCondition(List.of(lower == null ? List.of() : List.of(lower)), lowerKind,
                upper == null ? List.of() : List.of(upper), upperKind, used);
    }

    /** {@code a = 1 OR a = 2 ...} (Calcite's expanded IN list): the values, one probe each. */
    private static List<List<RexNode>> inList(RexNode conjunct, int column) {
        if (conjunct.getKind() != SqlKind.OR) {
            return null;
        }
        List<List<RexNode>> values = new ArrayList<>();
        for (RexNode operand : ((RexCall) conjunct).getOperands()) {
            RexNode value = comparedValue(operand, column, SqlKind.EQUALS);
            if (value == null) {
                return null;
            }
            values.add(List.of(value));
        }
        return values;
    }

    /** The value in {@code column <kind> value} (either way round), or null when the node is not that. */
    private static RexNode comparedValue(RexNode node, int column, SqlKind kind) {
        if (!(node instanceof RexCall call) || call.getOperands().size() != 2) {
            return null;
        }
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        if (call.getKind() == kind && isColumn(left, column) && isValue(right)) {
            return right;
        }
        if (call.getKind() == kind.reverse() && isColumn(right, column) && isValue(left)) {
            return left;
        }
        return null;
    }

    private static boolean isColumn(RexNode node, int column) {
        return node instanceof RexInputRef ref && ref.getIndex() == column;
    }

    private static boolean isValue(RexNode node) {
        return !RexUtil.containsInputRef(node) && !RexUtil.containsCorrelation(node) && RexUtil.isDeterministic(node);
    }
}

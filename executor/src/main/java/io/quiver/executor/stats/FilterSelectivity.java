package io.quiver.executor.stats;

import com.google.common.collect.BoundType;
import com.google.common.collect.Range;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.Sarg;

/**
 * The share of a table's rows a filter passes, estimated from the column statistics: {@code =} from the
 * value's count (exact for columns of up to 1,000 distinct values) or 1 / n_distinct; {@code <}, {@code >},
 * {@code BETWEEN} and {@code IN} (which Calcite turns into SEARCH over ranges) from the value counts or
 * the sample; IS [NOT] NULL from the NULL count; AND multiplies, with the bounds of one column combined
 * into one range first; OR adds less the overlap; NOT complements. An equality with a parameter gets
 * 1 / n_distinct. What the statistics cannot judge (expressions over columns, a parameter in a range,
 * values of another type than the column's) gets PostgreSQL's defaults: 1/3 for a range, 1/200 for an
 * equality.
 */
public final class FilterSelectivity {
    /** PostgreSQL's DEFAULT_INEQ_SEL. */
    static final double DEFAULT_RANGE = 1.0 / 3;
    /** PostgreSQL's DEFAULT_EQ_SEL. */
    static final double DEFAULT_EQUALITY = 0.005;
    /** For a condition of no known form (PostgreSQL's DEFAULT_BOOL_SEL is 0.5; a filter on an expression is rarer). */
    static final double DEFAULT_OTHER = 0.25;

    private final TableStatistics table;

    private FilterSelectivity(TableStatistics table) {
        this.table = table;
    }

    /** The estimated share of {@code table}'s rows that pass {@code condition}, in [0, 1]. */
    public static double of(RexNode condition, TableStatistics table) {
        return clamp(new FilterSelectivity(table).estimate(condition));
    }

    private double estimate(RexNode node) {
        if (node instanceof RexLiteral literal) {
            return Boolean.TRUE.equals(literal.getValueAs(Boolean.class)) ? 1 : 0;
        }
        if (!(node instanceof RexCall call)) {
            return DEFAULT_OTHER;
        }
        return switch (call.getKind()) {
            case AND -> and(call.getOperands());
            case OR -> {
                double none = 1;
                for (RexNode operand : call.getOperands()) {
                    none *= 1 - clamp(estimate(operand));
                }
                yield 1 - none;
            }
            case NOT -> 1 - clamp(estimate(call.getOperands().get(0)));
            case IS_NULL -> column(call.getOperands().get(0)) instanceof ColumnStatistics c ? nullFraction(c)
                    : DEFAULT_EQUALITY;
            case IS_NOT_NULL -> column(call.getOperands().get(0)) instanceof ColumnStatistics c
                    ? 1 - nullFraction(c) : 1 - DEFAULT_EQUALITY;
            case SEARCH -> search(call);
            case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL ->
                    comparison(call);
            default -> DEFAULT_OTHER;
        };
    }

    /** Comparisons of one column with constants combine into one range; the rest multiply. */
    private double and(List<RexNode> operands) {
        Map<Integer, Bounds> ranges = new HashMap<>();
        double product = 1;
        for (RexNode operand : operands) {
            Bound bound = bound(operand);
            if (bound != null) {
                ranges.computeIfAbsent(bound.column(), c -> new Bounds()).add(bound);
            } else {
                product *= clamp(estimate(operand));
            }
        }
        for (Map.Entry<Integer, Bounds> range : ranges.entrySet()) {
            ScalarColumnStatistics column = scalar(range.getKey());
            Bounds b = range.getValue();
            product *= column == null || !b.comparableWith(column) ? DEFAULT_RANGE
                    : valueFraction(column)
                            * column.rangeFraction(b.lower, b.lowerInclusive, b.upper, b.upperInclusive);
        }
        return product;
    }

    private double comparison(RexCall call) {
        Operands operands = Operands.of(call);
        if (operands == null) {
            return call.getKind() == SqlKind.EQUALS ? DEFAULT_EQUALITY : DEFAULT_RANGE;
        }
        ScalarColumnStatistics column = scalar(operands.column());
        if (column == null || operands.value() == null && !(operands.constant() instanceof RexDynamicParam)
                || operands.value() != null && !column.comparesWith(operands.value())) {
            return call.getKind() == SqlKind.EQUALS ? DEFAULT_EQUALITY : DEFAULT_RANGE;
        }
        double values = valueFraction(column);
        if (operands.value() == null) {
            // A parameter: its value is not known when planning.
            return switch (call.getKind()) {
                case EQUALS -> values / Math.max(1, column.distinctCount());
                case NOT_EQUALS -> values * (1 - 1 / Math.max(1, column.distinctCount()));
                default -> DEFAULT_RANGE;
            };
        }
        Comparable<Object> value = operands.value();
        return values * switch (operands.kind()) {
            case EQUALS -> column.equalFraction(value);
            case NOT_EQUALS -> 1 - column.equalFraction(value);
            case LESS_THAN -> column.rangeFraction(null, false, value, false);
            case LESS_THAN_OR_EQUAL -> column.rangeFraction(null, false, value, true);
            case GREATER_THAN -> column.rangeFraction(value, false, null, false);
            default -> column.rangeFraction(value, true, null, false);
        };
    }

    /** {@code column SEARCH Sarg[...]}: IN lists, BETWEEN, NOT IN and unions of ranges. */
    private double search(RexCall call) {
        ScalarColumnStatistics column = scalar(columnOf(call.getOperands().get(0)));
        if (column == null || !(call.getOperands().get(1) instanceof RexLiteral literal)) {
            return DEFAULT_RANGE;
        }
        Sarg<?> sarg = literal.getValueAs(Sarg.class);
        if (sarg == null) {
            return DEFAULT_RANGE;
        }
        double inside = 0;
        for (Range<?> range : sarg.rangeSet.asRanges()) {
            Comparable<Object> lower = range.hasLowerBound() ? key(range.lowerEndpoint()) : null;
            Comparable<Object> upper = range.hasUpperBound() ? key(range.upperEndpoint()) : null;
            if (range.hasLowerBound() && !column.comparesWith(lower)
                    || range.hasUpperBound() && !column.comparesWith(upper)) {
                return DEFAULT_RANGE;
            }
            boolean point = lower != null && lower.equals(upper);
            inside += point ? column.equalFraction(lower) : column.rangeFraction(lower,
                    range.hasLowerBound() && range.lowerBoundType() == BoundType.CLOSED, upper,
                    range.hasUpperBound() && range.upperBoundType() == BoundType.CLOSED);
        }
        double nulls = sarg.nullAs == RexUnknownAs.TRUE ? nullFraction(column) : 0;
        return valueFraction(column) * Math.min(1, inside) + nulls;
    }

    private Bound bound(RexNode node) {
        if (!(node instanceof RexCall call) || !call.isA(List.of(SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL,
                SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL))) {
            return null;
        }
        Operands operands = Operands.of(call);
        return operands == null || operands.value() == null ? null
                : new Bound(operands.column(), operands.kind(), operands.value());
    }

    private ColumnStatistics column(RexNode node) {
        Integer column = columnOf(node);
        return column == null ? null : table.column(column);
    }

    private ScalarColumnStatistics scalar(Integer column) {
        return column != null && table.column(column) instanceof ScalarColumnStatistics s && s.values() > 0 ? s : null;
    }

    private double nullFraction(ColumnStatistics column) {
        return table.liveRows() == 0 ? 0 : column.nulls() / (double) table.liveRows();
    }

    private double valueFraction(ColumnStatistics column) {
        return 1 - nullFraction(column);
    }

    /** The column a (possibly cast) input reference reads, or null. */
    static Integer columnOf(RexNode node) {
        RexNode stripped = node;
        while (stripped instanceof RexCall cast && cast.getKind() == SqlKind.CAST) {
            stripped = cast.getOperands().get(0);
        }
        return stripped instanceof RexInputRef ref ? ref.getIndex() : null;
    }

    /** A Sarg endpoint or literal value as statistics compare it, or null when it has no such form. */
    static Comparable<Object> key(Object value) {
        return switch (value) {
            case org.apache.calcite.util.NlsString text -> StatisticsKey.of(text.getValue());
            case null -> null;
            default -> StatisticsKey.of(value);
        };
    }

    private static double clamp(double selectivity) {
        return Double.isNaN(selectivity) ? DEFAULT_OTHER : Math.max(0, Math.min(1, selectivity));
    }

    /** A comparison of a column with a constant, turned round so that the column is on the left. */
    private record Operands(int column, SqlKind kind, RexNode constant, Comparable<Object> value) {
        static Operands of(RexCall call) {
            RexNode left = call.getOperands().get(0);
            RexNode right = call.getOperands().get(1);
            Integer column = columnOf(left);
            SqlKind kind = call.getKind();
            if (column == null) {
                column = columnOf(right);
                RexNode swap = left;
                left = right;
                right = swap;
                kind = kind.reverse();
            }
            if (column == null || !(right instanceof RexLiteral || right instanceof RexDynamicParam)) {
                return null;
            }
            Comparable<Object> value = right instanceof RexLiteral literal ? key(literal.getValue()) : null;
            return new Operands(column, kind, right, value);
        }
    }

    private record Bound(int column, SqlKind kind, Comparable<Object> value) {
    }

    /** The tightest bounds the comparisons on one column give. */
    private static final class Bounds {
        private Comparable<Object> lower;
        private boolean lowerInclusive;
        private Comparable<Object> upper;
        private boolean upperInclusive;

        boolean comparableWith(ScalarColumnStatistics column) {
            return (lower == null || column.comparesWith(lower)) && (upper == null || column.comparesWith(upper));
        }

        void add(Bound bound) {
            if (lower != null && lower.getClass() != bound.value().getClass()
                    || upper != null && upper.getClass() != bound.value().getClass()) {
                return;
            }
            boolean inclusive = bound.kind() == SqlKind.LESS_THAN_OR_EQUAL
                    || bound.kind() == SqlKind.GREATER_THAN_OR_EQUAL;
            boolean isUpper = bound.kind() == SqlKind.LESS_THAN || bound.kind() == SqlKind.LESS_THAN_OR_EQUAL;
            if (isUpper) {
                int c = upper == null ? 1 : upper.compareTo(bound.value());
                if (c > 0 || c == 0 && !inclusive) {
                    upper = bound.value();
                    upperInclusive = inclusive;
                }
            } else {
                int c = lower == null ? -1 : lower.compareTo(bound.value());
                if (c < 0 || c == 0 && !inclusive) {
                    lower = bound.value();
                    lowerInclusive = inclusive;
                }
            }
        }
    }
}

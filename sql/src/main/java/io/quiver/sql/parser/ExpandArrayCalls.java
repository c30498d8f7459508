package io.quiver.sql.parser;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.sql.function.NamedRowOperator;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.Litmus;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL's set-returning {@code information_schema._pg_expandarray(a)} in a select list, which pgjdbc's
 * getPrimaryKeys uses: each row of the FROM clause is repeated once per element of {@code a}, the call being the
 * row (x, n) of the element and its 1-based position. That is a lateral {@code UNNEST(a) WITH ORDINALITY}
 * joined to the FROM clause, so the select list's {@code (_pg_expandarray(a)).n} becomes that join's column
 * for n and a bare call a named row of x and n. The join's columns have names no query uses, so that they
 * capture no unqualified reference to a column of the FROM clause.
 *
 * <p>Only the case with the same array in every call of a select list without GROUP BY or HAVING is taken:
 * there PostgreSQL runs the calls in lockstep over the filtered rows, which is what the join computes.
 */
final class ExpandArrayCalls extends SqlShuttle {
    private static final String FUNCTION = "_pg_expandarray";
    private static final String SCHEMA = "information_schema";
    private static final List<String> FIELDS = List.of("x", "n");
    private static final List<String> COLUMNS = FIELDS.stream().map(field -> FUNCTION + "_" + field).toList();
    private static final ExpandArrayCalls INSTANCE = new ExpandArrayCalls();

    private ExpandArrayCalls() {
    }

    static SqlNode rewrite(SqlNode node) {
        return node.accept(INSTANCE);
    }

    @Override
    public @Nullable SqlNode visit(SqlCall call) {
        SqlNode visited = super.visit(call);
        if (visited instanceof SqlSelect select) {
            expand(select);
        }
        return visited;
    }

    private static void expand(SqlSelect select) {
        SelectListRewriter rewriter = new SelectListRewriter();
        SqlNodeList selectList = (SqlNodeList) select.getSelectList().accept(rewriter);
        if (rewriter.arrays.isEmpty()) {
            return;
        }
        SqlNode array = rewriter.arrays.get(0);
        boolean sameArray = rewriter.arrays.stream().allMatch(a -> a.equalsDeep(array, Litmus.IGNORE));
        if (!sameArray || select.getGroup() != null || select.getHaving() != null) {
            throw QuiverException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "set-returning function %s is supported only over one array and without GROUP BY", FUNCTION);
        }
        SqlParserPos pos = array.getParserPosition();
        List<SqlNode> aliased = new ArrayList<>(List.of(
                SqlStdOperatorTable.UNNEST_WITH_ORDINALITY.createCall(pos, array), new SqlIdentifier(FUNCTION, pos)));
        COLUMNS.forEach(column -> aliased.add(new SqlIdentifier(column, pos)));
        SqlNode elements = SqlStdOperatorTable.AS.createCall(pos, aliased);
        select.setSelectList(selectList);
        select.setFrom(select.getFrom() == null ? elements
                : new SqlJoin(pos, select.getFrom(), SqlLiteral.createBoolean(false, pos),
                        JoinType.COMMA.symbol(pos), elements, JoinConditionType.NONE.symbol(pos), null));
    }

    private static boolean isExpandArray(SqlNode node) {
        if (!(node instanceof SqlCall call) || !(call.getOperator() instanceof SqlUnresolvedFunction function)
                || call.operandCount() != 1) {
            return false;
        }
        List<String> names = function.getSqlIdentifier().names;
        return names.get(names.size() - 1).equals(FUNCTION)
                && (names.size() == 1 || (names.size() == 2 && names.get(0).equals(SCHEMA)));
    }

    private static SqlIdentifier column(int field, SqlParserPos pos) {
        return new SqlIdentifier(List.of(FUNCTION, COLUMNS.get(field)), pos);
    }

    /** Replaces the calls in a select list, outside subqueries, noting their arrays. */
    private static final class SelectListRewriter extends SqlShuttle {
        private final List<SqlNode> arrays = new ArrayList<>();

        @Override
        public @Nullable SqlNode visit(SqlCall call) {
            if (call instanceof SqlSelect) {
                return call;
            }
            SqlParserPos pos = call.getParserPosition();
            if (call.getKind() == SqlKind.DOT && isExpandArray(call.operand(0))
                    && call.operand(1) instanceof SqlIdentifier field && FIELDS.contains(field.getSimple())) {
                arrays.add(((SqlCall) call.operand(0)).operand(0));
                return column(FIELDS.indexOf(field.getSimple()), pos);
            }
            if (isExpandArray(call)) {
                arrays.add(call.operand(0));
                return new NamedRowOperator(FIELDS).createCall(pos, column(0, pos), column(1, pos));
            }
            return super.visit(call);
        }
    }
}

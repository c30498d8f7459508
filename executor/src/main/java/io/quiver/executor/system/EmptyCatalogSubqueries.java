package io.quiver.executor.system;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Simplifies {@code ARRAY(SELECT ... FROM <always-empty catalog> ...)}, which is always an empty array, so that
 * its select list (never evaluated) need not be plannable: psql's {@code \dp} lists row-security policies with
 * {@code polroles <> '{0}'}, an array compared with an untyped literal, which Quiver's planner does not take. The
 * list becomes {@code ''}; only a subquery over nothing but one of {@link EmptyCatalogQuery#ALWAYS_EMPTY},
 * without aggregates, GROUP BY or HAVING (which could make a row out of no input), qualifies.
 */
public final class EmptyCatalogSubqueries extends SqlShuttle {
    private static final EmptyCatalogSubqueries INSTANCE = new EmptyCatalogSubqueries();

    private EmptyCatalogSubqueries() {
    }

    public static SqlNode simplify(SqlNode node) {
        return node.accept(INSTANCE);
    }

    @Override
    public @Nullable SqlNode visit(SqlCall call) {
        if (call.getKind() == SqlKind.ARRAY_QUERY_CONSTRUCTOR && call.operandCount() == 1
                && call.operand(0) instanceof SqlSelect select && readsOnlyEmptyCatalog(select)) {
            select.setSelectList(SqlNodeList.of(SqlLiteral.createCharString("", select.getParserPosition())));
            return call;
        }
        return super.visit(call);
    }

    private static boolean readsOnlyEmptyCatalog(SqlSelect select) {
        if (select.getGroup() != null || select.getHaving() != null || select.getSelectList().size() != 1
                || hasAggregate(select.getSelectList())) {
            return false;
        }
        SqlNode from = select.getFrom();
        if (from != null && from.getKind() == SqlKind.AS) {
            from = ((SqlBasicCall) from).operand(0);
        }
        if (!(from instanceof SqlIdentifier identifier)) {
            return false;
        }
        List<String> names = identifier.names;
        boolean catalogName = names.size() == 1
                || (names.size() == 2 && names.get(0).equals(PgCatalogSchema.NAME));
        return catalogName && EmptyCatalogQuery.ALWAYS_EMPTY.contains(names.get(names.size() - 1));
    }

    private static boolean hasAggregate(SqlNodeList items) {
        boolean[] found = {false};
        items.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                found[0] |= call.getOperator().isAggregator() || EmptyCatalogQuery.AGGREGATES.contains(
                        call.getOperator().getName().toLowerCase(Locale.ROOT));
                return super.visit(call);
            }
        });
        return found[0];
    }
}

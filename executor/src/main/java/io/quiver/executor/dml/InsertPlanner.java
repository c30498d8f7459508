package io.quiver.executor.dml;

import io.quiver.catalog.ColumnDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.catalog.TablePrivilege;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import io.quiver.executor.plan.CompiledPlan;
import io.quiver.executor.plan.PlanEnvironment;
import io.quiver.executor.schema.QuiverDataContext;
import io.quiver.executor.security.RequiredPrivileges;
import io.quiver.executor.statement.QuiverPreparedStatement;
import io.quiver.executor.statement.TransactionUse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;

/**
 * INSERT: the source (VALUES or a query) is rewritten into a query producing complete rows of the table — each
 * value cast to its column's type, omitted columns and DEFAULT filled from the column defaults — compiled
 * like any query, and its rows stored after PostgreSQL's assignment checks.
 */
public final class InsertPlanner {
    private final PlanEnvironment env;

    public InsertPlanner(PlanEnvironment env) {
        this.env = env;
    }

    public QuiverPreparedStatement plan(String sql, SqlInsert insert, String returningList, List<PgType> declared) {
        TableDefinition table = env.targetTable(insert.getTargetTable());
        int[] targets = targetColumns(table, insert.getTargetColumnList());
        SqlNode source = insert.getSource();
        SqlNode rows = source.getKind() == SqlKind.VALUES ? values(sql, table, targets, (SqlCall) source)
                : fromQuery(sql, table, targets, source);
        CompiledPlan plan = env.compile(sql, sql, rows, declared);
        Returning returning = Returning.plan(env, table, table.name(), returningList);
        RequiredPrivileges required = Returning.addTo(RequiredPrivileges.of(table, TablePrivilege.INSERT)
                .andReadsOf(plan), returning, table, table.name());
        return new QuiverPreparedStatement(plan.parameterTypes(), Returning.columns(returning),
                required.guard(env.session(), parameters -> {
            QuiverDataContext context = env.dataContext(plan.parameterTypes(), parameters);
            TableInserter inserter = new TableInserter(env.engine(), context.execution(), table);
            List<Object[]> inserted = returning == null ? null : new ArrayList<>();
            long count = 0;
            for (Iterator<Object[]> it = plan.run(context); it.hasNext(); ) {
                Object[] row = inserter.insert(it.next());
                count++;
                if (inserted != null) {
                    inserted.add(row);
                }
            }
            return Returning.result(returning, context, inserted, "INSERT 0 " + count);
        }), TransactionUse.NORMAL, env.session());
    }

    static int[] targetColumns(TableDefinition table, SqlNodeList columnList) {
        if (columnList == null || columnList.isEmpty()) {
            int[] all = new int[table.columns().size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] indexes = new int[columnList.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < indexes.length; i++) {
            String name = ((SqlIdentifier) columnList.get(i)).getSimple();
            int index = table.columnIndex(name);
            if (index < 0) {
                throw QuiverException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" of relation \"%s\" does not exist",
                        name, table.name()).withPosition(columnList.get(i).getParserPosition().getColumnNum());
            }
            if (!seen.add(name)) {
                throw QuiverException.of(SqlState.DUPLICATE_COLUMN, "column \"%s\" specified more than once", name);
            }
            indexes[i] = index;
        }
        return indexes;
    }

    private SqlNode values(String sql, TableDefinition table, int[] targets, SqlCall values) {
        List<SqlNode> rows = new ArrayList<>();
        for (SqlNode rowNode : values.getOperandList()) {
            List<SqlNode> given = ((SqlCall) rowNode).getOperandList();
            checkArity(given.size(), targets.length);
            SqlNode[] full = defaults(table);
            for (int i = 0; i < targets.length; i++) {
                SqlNode value = given.get(i);
                if (value.getKind() != SqlKind.DEFAULT) {
                    full[targets[i]] = assigned(sql, value, table.column(targets[i]));
                }
            }
            rows.add(SqlNodes.row(List.of(full)));
        }
        return SqlNodes.values(rows);
    }

    private SqlNode fromQuery(String sql, TableDefinition table, int[] targets, SqlNode query) {
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < targets.length; i++) {
            aliases.add("c" + i);
        }
        SqlNode[] full = defaults(table);
        for (int i = 0; i < targets.length; i++) {
            full[targets[i]] = AssignmentCoercion.castFor(env.sqlNodes(), SqlNodes.identifier("s", aliases.get(i)),
                    table.column(targets[i]));
        }
        if (query instanceof SqlSelect select) {
            assignUnknownLiterals(sql, table, targets, select);
        }
        return SqlNodes.select(List.of(full), SqlNodes.as(query, "s", aliases), null);
    }

    /**
     * PostgreSQL leaves a quoted literal in the select list of INSERT ... SELECT untyped and reads it with the
     * target column's input function, as in VALUES; so the literal is assigned to its column right in the
     * select list. Not under DISTINCT, which resolves it to text first (and a set operation, not a SqlSelect,
     * does too), and not past a {@code *}, whose columns are not known yet.
     */
    private void assignUnknownLiterals(String sql, TableDefinition table, int[] targets, SqlSelect select) {
        if (select.isDistinct()) {
            return;
        }
        SqlNodeList items = select.getSelectList();
        for (int i = 0; i < Math.min(items.size(), targets.length); i++) {
            SqlNode item = items.get(i);
            if (item instanceof SqlIdentifier identifier && identifier.isStar()) {
                return;
            }
            ColumnDefinition column = table.column(targets[i]);
            if (item instanceof SqlCharStringLiteral) {
                items.set(i, assigned(sql, item, column));
            } else if (item.getKind() == SqlKind.AS && ((SqlCall) item).operand(0) instanceof SqlCharStringLiteral) {
                ((SqlCall) item).setOperand(0, assigned(sql, ((SqlCall) item).operand(0), column));
            }
        }
    }

    /** A value given for {@code column}, cast for storing there; a quoted literal read as the column's type. */
    private SqlNode assigned(String sql, SqlNode value, ColumnDefinition column) {
        return AssignmentCoercion.castFor(env.sqlNodes(), UnknownLiterals.read(value, column.type(), sql), column);
    }

    /** Every column's default expression, cast to its type (NULL for columns without one). */
    private SqlNode[] defaults(TableDefinition table) {
        SqlNode[] values = new SqlNode[table.columns().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = env.sqlNodes().cast(defaultExpression(table, table.column(i)),
                    AssignmentCoercion.castTarget(table.column(i).type()));
        }
        return values;
    }

    private SqlNode defaultExpression(TableDefinition table, ColumnDefinition column) {
        return ColumnDefaults.expression(env.sqlNodes(), table, column);
    }

    private static void checkArity(int given, int targets) {
        if (given > targets) {
            throw new QuiverException(SqlState.SYNTAX_ERROR, "INSERT has more expressions than target columns");
        }
        if (given < targets) {
            throw new QuiverException(SqlState.SYNTAX_ERROR, "INSERT has more target columns than expressions");
        }
    }
}

package io.quiver.executor.dml;

import io.quiver.catalog.ColumnDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.common.error.QuiverException;
import io.quiver.executor.plan.CompiledPlan;
import io.quiver.executor.plan.PlanEnvironment;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlNode;

/**
 * A column's DEFAULT evaluated outside an INSERT: for ALTER TABLE ADD COLUMN (the value of the existing rows)
 * and SET DEFAULT (checking the expression as PostgreSQL does when it stores it).
 */
public final class ColumnDefaults {
    /** The functions whose every call may differ: PostgreSQL evaluates such a default once per existing row. */
    private static final Pattern VOLATILE = Pattern.compile(
            "\\b(nextval|random|gen_random_uuid|uuid_generate_v4|clock_timestamp|timeofday)\\s*\\(");

    private final PlanEnvironment env;
    private final TableDefinition table;
    private final int column;
    private final CompiledPlan plan;

    private ColumnDefaults(PlanEnvironment env, TableDefinition table, int column, CompiledPlan plan) {
        this.env = env;
        this.table = table;
        this.column = column;
        this.plan = plan;
    }

    /** Compiles the default of {@code table}'s column at {@code column}, cast to its type. */
    public static ColumnDefaults compile(PlanEnvironment env, TableDefinition table, int column) {
        ColumnDefinition definition = table.column(column);
        String sql = "SELECT " + (definition.defaultSql() == null ? "NULL" : definition.defaultSql());
        SqlNode value;
        try {
            value = env.sqlNodes().cast(UnknownLiterals.read(expression(env.sqlNodes(), table, definition),
                    definition.type(), sql), AssignmentCoercion.castTarget(definition.type()));
        } catch (QuiverException e) {
            throw e.withPosition(0); // the expression is not where the statement has it: PostgreSQL gives none
        }
        return new ColumnDefaults(env, table, column,
                env.compile(sql, null, SqlNodes.select(List.of(value), null, null), List.of()));
    }

    /** The expression INSERT uses for the column when no value is given: its default, or NULL. */
    static SqlNode expression(SqlNodes nodes, TableDefinition table, ColumnDefinition column) {
        String sequence = column.sequenceName();
        if (sequence != null) {
            return nodes.expression("nextval('" + table.schema() + "." + sequence + "')");
        }
        if (column.defaultSql() != null) {
            return nodes.expression(column.defaultSql());
        }
        return SqlNodes.nullLiteral();
    }

    /** Whether two evaluations of the column's default may differ (a sequence, a random value). */
    public static boolean isVolatile(ColumnDefinition column) {
        return column.defaultSql() != null
                && VOLATILE.matcher(column.defaultSql().toLowerCase(Locale.ROOT)).find();
    }

    /** Evaluates the default once more, checked as an assignment to the column; the value in storage form. */
    public Object next() {
        Object computed = plan.run(env.dataContext(List.of(), List.of())).next()[0];
        return AssignmentCoercion.assign(table, column, computed);
    }
}

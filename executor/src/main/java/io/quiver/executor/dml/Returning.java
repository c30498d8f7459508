package io.quiver.executor.dml;

import io.quiver.catalog.TableDefinition;
import io.quiver.catalog.TablePrivilege;
import io.quiver.executor.api.ColumnDescription;
import io.quiver.executor.plan.CompiledPlan;
import io.quiver.executor.plan.PlanEnvironment;
import io.quiver.executor.schema.QuiverDataContext;
import io.quiver.executor.schema.RootSchemaFactory;
import io.quiver.executor.security.RequiredPrivileges;
import io.quiver.executor.statement.StatementResult;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

/**
 * A DML statement's RETURNING list, planned as {@code SELECT list FROM <changed rows> AS table}: the changed
 * rows are handed to the plan through the data context when the statement has run.
 */
final class Returning {
    private final CompiledPlan plan;
    private final SqlSelect select;

    private Returning(CompiledPlan plan, SqlSelect select) {
        this.plan = plan;
        this.select = select;
    }

    /** Plans the list, or returns null when the statement has none. */
    static Returning plan(PlanEnvironment env, TableDefinition table, String alias, String returningList) {
        if (returningList == null) {
            return null;
        }
        // Parsed twice: validation rewrites the tree it compiles, the privilege check reads the list as written.
        SqlSelect select = (SqlSelect) io.quiver.sql.parser.QuiverSqlParser.parse("SELECT " + returningList);
        SqlNode from = SqlNodes.as(SqlNodes.identifier(RootSchemaFactory.RETURNING_SCHEMA, Long.toString(table.oid())),
                alias);
        SqlSelect compiled = (SqlSelect) io.quiver.sql.parser.QuiverSqlParser.parse("SELECT " + returningList);
        compiled.setFrom(from);
        return new Returning(env.compile("SELECT " + returningList, null, compiled, List.of()), select);
    }

    /**
     * {@code required} plus what the list reads: SELECT on the changed table if it names its columns, and on
     * every table its subqueries read. Nothing without a list.
     */
    static RequiredPrivileges addTo(RequiredPrivileges required, Returning returning, TableDefinition table,
                                    String alias) {
        if (returning == null) {
            return required;
        }
        return required.andReadsOf(returning.plan).andIf(ColumnReferences.readsTarget(table, alias,
                returning.select.getSelectList().getList()), table, TablePrivilege.SELECT);
    }

    static List<ColumnDescription> columns(Returning returning) {
        return returning == null ? List.of() : returning.plan.columns();
    }

    /** The statement's result: the RETURNING rows if any, and its command tag. */
    static StatementResult result(Returning returning, QuiverDataContext context, List<Object[]> changedRows,
                                  String tag) {
        LongFunction<String> tagger = rows -> tag;
        if (returning == null) {
            return new StatementResult(Collections.emptyIterator(), tagger, List.of(), Map.of(), () -> { });
        }
        Iterator<Object[]> rows = returning.plan.run(context.withReturningRows(changedRows));
        return new StatementResult(rows, tagger, List.of(), Map.of(), () -> { });
    }
}

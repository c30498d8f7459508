package io.quiver.executor.plan;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import io.quiver.executor.QuiverEngine;
import io.quiver.executor.api.ColumnDescription;
import io.quiver.executor.dml.DeletePlanner;
import io.quiver.executor.dml.DirectInsertPlanner;
import io.quiver.executor.dml.InsertPlanner;
import io.quiver.executor.dml.ReturningClause;
import io.quiver.executor.dml.UpdatePlanner;
import io.quiver.executor.schema.QuiverDataContext;
import io.quiver.executor.security.RequiredPrivileges;
import io.quiver.executor.session.QuiverSession;
import io.quiver.executor.statement.QuiverPreparedStatement;
import io.quiver.executor.statement.StatementResult;
import io.quiver.executor.statement.Statements;
import io.quiver.executor.statement.TransactionUse;
import io.quiver.executor.system.EmptyCatalogQuery;
import io.quiver.executor.system.EmptyCatalogSubqueries;
import io.quiver.executor.vector.VectorSearch;
import io.quiver.sql.parser.QuiverSqlParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;

/** Plans the statements Calcite parses: queries, INSERT, UPDATE, DELETE and EXPLAIN. */
public final class SqlPlanner {
    private final QuiverEngine engine;
    private final QuiverSession session;

    public SqlPlanner(QuiverEngine engine, QuiverSession session) {
        this.engine = engine;
        this.session = session;
    }

    public QuiverPreparedStatement plan(String sql, int[] parameterTypeOids) {
        try {
            return planSupported(sql, parameterTypeOids);
        } catch (QuiverException e) {
            // psql's \d reads catalogs Quiver never has rows in with SQL beyond Quiver's dialect; such a query
            // certainly returns nothing, so it is answered as empty rather than failed.
            List<String> emptyColumns = EmptyCatalogQuery.columnsIfAlwaysEmpty(sql).orElseThrow(() -> e);
            return Statements.query(session, emptyColumns.stream().map(Statements::textColumn).toList(),
                    parameters -> StatementResult.rows(List.of(), "SELECT"));
        }
    }

    private QuiverPreparedStatement planSupported(String sql, int[] parameterTypeOids) {
        List<PgType> declared = PlanEnvironment.declaredTypes(parameterTypeOids);
        Optional<ExplainOptions> explain = ExplainOptions.parse(sql);
        if (explain.isPresent()) {
            return explain(new PlanEnvironment(engine, session), explain.get(), declared);
        }
        ReturningClause returning = isDml(sql) ? ReturningClause.split(sql) : new ReturningClause(sql, null);
        SqlNode node = QuiverSqlParser.parse(returning.statement());
        PlanEnvironment env = new PlanEnvironment(engine, session);
        return switch (node.getKind()) {
            case INSERT -> new DirectInsertPlanner(env).plan((SqlInsert) node, returning.returningList(), declared)
                    .orElseGet(() -> new InsertPlanner(env).plan(sql, (SqlInsert) node, returning.returningList(), declared));
            case UPDATE -> new UpdatePlanner(env).plan(sql, (SqlUpdate) node, returning.returningList(), declared);
            case DELETE -> new DeletePlanner(env).plan(sql, (SqlDelete) node, returning.returningList(), declared);
            default -> query(env, sql, node, declared);
        };
    }

    private static boolean isDml(String sql) {
        String start = sql.stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("insert") || start.startsWith("update") || start.startsWith("delete")
                || start.startsWith("with");
    }

    private QuiverPreparedStatement query(PlanEnvironment env, String sql, SqlNode node, List<PgType> declared) {
        CompiledPlan plan = env.compile(sql, sql, EmptyCatalogSubqueries.simplify(node), declared);
        return new QuiverPreparedStatement(plan.parameterTypes(), plan.columns(),
                RequiredPrivileges.none().andReadsOf(plan).guard(session, parameters -> {
                    var rows = plan.run(env.dataContext(plan.parameterTypes(), parameters));
                    return new StatementResult(rows, count -> "SELECT " + count, List.of(), Map.of(), () -> { });
                }), TransactionUse.NORMAL, session);
    }

    private QuiverPreparedStatement explain(PlanEnvironment env, ExplainOptions options, List<PgType> declared) {
        SqlNode node = QuiverSqlParser.parse(options.statement());
        if (!node.isA(SqlKind.QUERY)) {
            throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED,
                    "EXPLAIN of " + node.getKind() + " statements is not supported yet");
        }
        CompiledPlan plan = env.compile(options.statement(), null, node, declared);
        List<ColumnDescription> columns = List.of(Statements.textColumn("QUERY PLAN"));
        // As PostgreSQL's EXPLAIN, which starts the executor, even without ANALYZE.
        return new QuiverPreparedStatement(plan.parameterTypes(), columns,
                RequiredPrivileges.none().andReadsOf(plan).guard(session, parameters -> {
            List<String> lines = new ArrayList<>(VectorSearch.explainLines(plan.explain()));
            if (options.analyze()) {
                long start = System.nanoTime();
                long rows = 0;
                QuiverDataContext context = env.dataContext(plan.parameterTypes(), parameters);
                for (var it = plan.run(context); it.hasNext(); it.next()) {
                    rows++;
                }
                context.searchReports().forEach(report -> lines.add(report.line()));
                lines.add("Actual Rows: " + rows);
                lines.add(String.format(Locale.ROOT, "Execution Time: %.3f ms", (System.nanoTime() - start) / 1e6));
            }
            List<Object[]> rows = lines.stream().map(line -> new Object[] {line}).toList();
            return new StatementResult(rows.iterator(), count -> "EXPLAIN", List.of(), Map.of(), () -> { });
        }), TransactionUse.NORMAL, session);
    }
}

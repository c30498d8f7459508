package io.quiver.executor.plan;

import io.quiver.catalog.CatalogState;
import io.quiver.catalog.TableDefinition;
import io.quiver.common.type.PgType;
import io.quiver.executor.PlanCache;
import io.quiver.executor.QuiverEngine;
import io.quiver.executor.dml.SqlNodes;
import io.quiver.executor.index.IndexScanRule;
import io.quiver.executor.schema.CalciteValues;
import io.quiver.executor.schema.QuiverDataContext;
import io.quiver.executor.session.ExecutionContext;
import io.quiver.executor.session.QuiverSession;
import io.quiver.executor.session.SearchPath;
import io.quiver.executor.vector.VectorSearchRule;
import io.quiver.sql.parser.QuiverSqlParser;
import io.quiver.sql.utility.QualifiedName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/**
 * What planning one statement needs: the catalog version it sees, the schema tree built from it, the
 * compiler and the plan cache, and the session it runs for.
 */
public final class PlanEnvironment {
    private final QuiverEngine engine;
    private final QuiverSession session;
    private final CatalogState catalog;
    private final boolean catalogHasPendingChanges;
    private final SchemaPlus root;
    private final SqlNodes sqlNodes = new SqlNodes(QuiverSqlParser::parse);

    PlanEnvironment(QuiverEngine engine, QuiverSession session) {
        this.engine = engine;
        this.session = session;
        ExecutionContext open = session.transaction().openContext();
        this.catalog = open != null ? open.catalogView() : engine.catalog().current();
        this.catalogHasPendingChanges = open != null && open.catalog().hasChanges();
        this.root = engine.schemas().rootFor(catalog);
    }

    /** The environment for planning in {@code session}'s current transaction (DDL that evaluates expressions). */
    public static PlanEnvironment of(QuiverEngine engine, QuiverSession session) {
        return new PlanEnvironment(engine, session);
    }

    public CatalogState catalog() {
        return catalog;
    }

    public SchemaPlus root() {
        return root;
    }

    public QuiverSession session() {
        return session;
    }

    public QuiverEngine engine() {
        return engine;
    }

    public SqlNodes sqlNodes() {
        return sqlNodes;
    }

    public SearchPath searchPath() {
        return SearchPath.parse(session.settings().show("search_path"), session.options().user());
    }

    /** The table a DML target names, failing with 42P01 when there is none. */
    public TableDefinition targetTable(SqlNode target) {
        SqlIdentifier identifier = (SqlIdentifier) target;
        List<String> names = identifier.names;
        QualifiedName name = names.size() == 1 ? QualifiedName.of(names.get(0))
                : new QualifiedName(names.get(names.size() - 2), names.get(names.size() - 1));
        return searchPath().requireTable(catalog, name.schema(), name.name());
    }

    /**
     * Compiles {@code query}, parsed from {@code sql}; with a {@code cacheKey} (the statement's text), reuses a
     * plan compiled for the same key, parameter types and catalog version.
     */
    public CompiledPlan compile(String sql, String cacheKey, SqlNode query, List<PgType> declaredParameterTypes) {
        List<RelOptRule> rules = new ArrayList<>(VectorSearchRule.forStatement(engine.vectorIndexes(),
                engine.statistics(), engine.tableStorage(), session.settings()));
        rules.add(IndexScanRule.forStatement(engine.statistics(), engine.tableStorage(), session.settings()));
        Supplier<CompiledPlan> compile = () -> engine.compiler().compile(query, sql, root, declaredParameterTypes,
                rules);
        if (catalogHasPendingChanges || cacheKey == null) {
            return compile.get();
        }
        PlanCache.Key key = new PlanCache.Key(cacheKey, declaredParameterTypes.toString(), catalog.version(),
                session.settings().show("search_path"), session.settings().show("enable_indexscan"));
        return engine.planCache().get(key, CompiledPlan.class, compile);
    }

    /** The logical plan of {@code query}, parsed from {@code sql}: not optimised, compiled or cached. */
    public RelNode logicalPlan(String sql, SqlNode query) {
        return engine.compiler().logicalPlan(query, sql, root);
    }

    /** The data context to run a plan with, in the statement's transaction. */
    public QuiverDataContext dataContext(List<PgType> parameterTypes, List<Object> parameters) {
        List<Object> converted = new ArrayList<>(parameters.size());
        for (int i = 0; i < parameters.size(); i++) {
            converted.add(CalciteValues.toCalcite(parameterTypes.get(i), parameters.get(i)));
        }
        ExecutionContext context = session.transaction().context();
        // Plans compiled for this catalog version find their tables in the same tree.
        return new QuiverDataContext(engine.schemas().rootFor(context.catalogView()), engine.typeFactory(), context,
                converted, session.cancelFlag(), session.options().user(), session.settings());
    }

    /** Declared parameter types from Parse's OIDs (0 or unknown OIDs leave the type to inference). */
    public static List<PgType> declaredTypes(int[] oids) {
        return Arrays.stream(oids).mapToObj(oid -> oid == 0 ? null : PgType.byOid(oid)).toList();
    }
}

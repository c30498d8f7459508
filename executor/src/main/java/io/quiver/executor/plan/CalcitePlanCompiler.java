package io.quiver.executor.plan;

import io.quiver.common.type.PgType;
import io.quiver.executor.system.PgCatalogSchema;
import io.quiver.sql.calcite.SqlCompiler;
import io.quiver.sql.type.QuiverTypeFactory;
import io.quiver.sql.type.QuiverTypeSystem;
import java.util.List;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlNode;

/**
 * Compiles queries with Quiver's Calcite dialect, resolving unqualified names as PostgreSQL does: pg_catalog
 * first, then the public schema.
 */
public final class CalcitePlanCompiler implements PlanCompiler {
    private static final List<List<String>> SEARCH_PATH =
            List.of(List.of(PgCatalogSchema.NAME), List.of("public"), List.of());

    private final QuiverTypeFactory typeFactory = new QuiverTypeFactory(QuiverTypeSystem.INSTANCE);

    public JavaTypeFactory typeFactory() {
        return typeFactory;
    }

    @Override
    public CompiledPlan compile(SqlNode query, String sql, SchemaPlus root, List<PgType> declaredParameterTypes,
                                List<? extends RelOptRule> rules) {
        SqlCompiler.Builder builder = builder(root);
        rules.forEach(builder::addRule);
        SqlCompiler compiler = builder.build();
        return new CalciteCompiledPlan(compiler.compile(DeclaredParameterTypes.apply(query, declaredParameterTypes),
                sql), declaredParameterTypes);
    }

    @Override
    public RelNode logicalPlan(SqlNode query, String sql, SchemaPlus root) {
        return builder(root).build().logicalPlan(query, sql);
    }

    private SqlCompiler.Builder builder(SchemaPlus root) {
        return SqlCompiler.builder(root).searchPath(SEARCH_PATH).typeFactory(typeFactory);
    }
}

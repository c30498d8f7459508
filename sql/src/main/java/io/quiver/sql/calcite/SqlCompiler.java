package io.quiver.sql.calcite;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.sql.function.NumericSemantics;
import io.quiver.sql.function.QuiverConvertletTable;
import io.quiver.sql.function.QuiverOperatorTable;
import io.quiver.sql.parser.QuiverSqlParser;
import io.quiver.sql.type.QuiverTypeFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRules;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.schema.Table;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.SqlToRelConverter;

/**
 * Quiver's query compiler: parses a statement with Quiver's dialect, validates it against a Calcite schema,
 * converts and optimises it to an Enumerable plan, and compiles that to Java once. Errors are QuiverExceptions
 * with PostgreSQL's SQLSTATEs, messages and 1-based positions. Thread-safe; each compile uses fresh planner state.
 */
public final class SqlCompiler {
    private final SchemaPlus rootSchema;
    private final List<List<String>> searchPath;
    private final QuiverTypeFactory typeFactory;
    private final SqlOperatorTable operatorTable;
    private final List<RelOptRule> extraRules;

    private SqlCompiler(Builder builder) {
        this.rootSchema = builder.rootSchema;
        this.searchPath = List.copyOf(builder.searchPath);
        this.typeFactory = builder.typeFactory;
        this.operatorTable = QuiverOperatorTable.create(builder.extraOperatorTables.toArray(SqlOperatorTable[]::new));
        this.extraRules = List.copyOf(builder.extraRules);
    }

    public static Builder builder(SchemaPlus rootSchema) {
        return new Builder(rootSchema);
    }

    public QuiverTypeFactory typeFactory() {
        return typeFactory;
    }

    /** The syntax tree of {@code sql}, for statements the caller handles itself (EXPLAIN, DML). */
    public SqlNode parse(String sql) {
        return QuiverSqlParser.parse(sql);
    }

    /** Compiles the query {@code sql}. */
    public CompiledQuery compile(String sql) {
        return compile(parse(sql), sql);
    }

    /**
     * Compiles a parsed (possibly rewritten) query; {@code sql} is the text error positions refer to.
     */
    public CompiledQuery compile(SqlNode query, String sql) {
        return translatingErrors(sql, () -> compileValidated(query, sql));
    }

    /**
     * The query as the validator and converter leave it, before any planning: the row expressions of an
     * expression index's key, for instance, as they appear in the plans of queries ordering by them.
     */
    public RelNode logicalPlan(SqlNode query, String sql) {
        return translatingErrors(sql, () -> {
            CalciteCatalogReader catalogReader = catalogReader();
            SqlValidator validator = validator(catalogReader);
            return converter(validator, catalogReader, newPlanner()).convertQuery(validator.validate(query), false,
                    true).project();
        });
    }

    private static <T> T translatingErrors(String sql, Supplier<T> compilation) {
        try {
            return compilation.get();
        } catch (CalciteContextException e) {
            QuiverException quiver = QuiverErrors.find(e);
            throw quiver != null ? quiver : ValidationErrors.translate(sql, e);
        } catch (RelOptPlanner.CannotPlanException e) {
            // The planner's message goes on with its whole search state; its first line says what is missing.
            throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED,
                    "this query's plan is not supported yet: " + e.getMessage().lines().findFirst().orElse(""), e);
        } catch (RuntimeException e) {
            throw QuiverErrors.unwrap(e);
        }
    }

    private CompiledQuery compileValidated(SqlNode query, String sql) {
        CalciteCatalogReader catalogReader = catalogReader();
        SqlValidator validator = validator(catalogReader);
        SqlNode validated = validator.validate(query);
        List<RelDataType> parameterTypes = validator.getParameterRowType(validated).getFieldList().stream()
                .map(RelDataTypeField::getType).toList();

        VolcanoPlanner planner = newPlanner();
        SqlToRelConverter converter = converter(validator, catalogReader, planner);
        RelOptCluster cluster = converter.getCluster();
        RelRoot root = converter.convertQuery(validated, false, true);
        RelNode logical = VectorSortKeys.rewrite(windowsOutOfProjects(root.withRel(VectorAggregateResolver.resolve(
                decorrelate(removeSubQueries(root.rel), cluster, catalogReader))).project()));

        // simplify(): a VALUES is sorted on every column, and the planner wants one collation to aim for.
        RelNode physical = planner.changeTraits(logical,
                logical.getTraitSet().replace(EnumerableConvention.INSTANCE).simplify());
        planner.setRoot(physical);
        EnumerableRel best = (EnumerableRel) NumericSemantics.apply(toCalcs(planner.findBestExp()));
        Map<String, Object> compiledValues = new HashMap<>();
        @SuppressWarnings("unchecked")
        Bindable<Object> bindable = EnumerableInterpretable.toBindable(compiledValues, null,
                FastSortComparators.wrap(best), EnumerableRel.Prefer.ARRAY);
        return new CompiledQuery(bindable, root.validatedRowType,
                PgColumnNames.of(validated, root.validatedRowType.getFieldNames()), parameterTypes, compiledValues,
                rootSchema, typeFactory, RelOptUtil.toString(best, SqlExplainLevel.EXPPLAN_ATTRIBUTES),
                RelOptUtil.findAllTables(logical).stream().map(t -> t.unwrap(Table.class)).filter(Objects::nonNull)
                        .distinct().toList());
    }

    private SqlValidator validator(CalciteCatalogReader catalogReader) {
        // Functions defined in the schemas (pg_catalog's) are found through the catalog reader, after Quiver's.
        return new PgValidator(
                SqlOperatorTables.chain(operatorTable, catalogReader), catalogReader, typeFactory,
                SqlValidator.Config.DEFAULT
                        .withIdentifierExpansion(true)
                        .withConformance(QuiverSqlParser.CONFORMANCE)
                        // PostgreSQL sorts NULLs as larger than any value.
                        .withDefaultNullCollation(NullCollation.HIGH));
    }

    private SqlToRelConverter converter(SqlValidator validator, CalciteCatalogReader catalogReader,
                                        VolcanoPlanner planner) {
        RelOptCluster cluster = RelOptCluster.create(planner, new RexBuilder(typeFactory));
        return new SqlToRelConverter((rowType, queryString, schemaPath, viewPath) -> {
            throw new UnsupportedOperationException("views are not supported");
        }, validator, catalogReader, cluster, QuiverConvertletTable.INSTANCE,
                SqlToRelConverter.config().withTrimUnusedFields(true).withExpand(false));
    }

    private CalciteCatalogReader catalogReader() {
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
        // The protected constructor is the one that takes several schemas to search.
        return new CalciteCatalogReader(CalciteSchema.from(rootSchema), SqlNameMatchers.withCaseSensitive(true),
                searchPath, typeFactory, new CalciteConnectionConfigImpl(properties)) { };
    }

    private VolcanoPlanner newPlanner() {
        VolcanoPlanner planner = new VolcanoPlanner();
        planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
        planner.addRelTraitDef(RelCollationTraitDef.INSTANCE);
        EnumerableRules.ENUMERABLE_RULES.forEach(planner::addRule);
        List.of(CoreRules.PROJECT_MERGE, CoreRules.PROJECT_REMOVE, CoreRules.FILTER_INTO_JOIN,
                CoreRules.JOIN_CONDITION_PUSH, CoreRules.FILTER_PROJECT_TRANSPOSE, CoreRules.FILTER_MERGE,
                CoreRules.AGGREGATE_REDUCE_FUNCTIONS, CoreRules.SORT_REMOVE, CoreRules.SORT_PROJECT_TRANSPOSE,
                // Enumerable aggregates take DISTINCT on every call or none: count(*), count(DISTINCT c) is
                // split into aggregates of aggregates first.
                CoreRules.AGGREGATE_EXPAND_DISTINCT_AGGREGATES)
                .forEach(planner::addRule);
        extraRules.forEach(planner::addRule);
        return planner;
    }

    /** Enumerable code generation implements projections and filters only as calcs. */
    private static RelNode toCalcs(RelNode rel) {
        HepProgramBuilder program = new HepProgramBuilder();
        RelOptRules.CALC_RULES.forEach(program::addRuleInstance);
        HepPlanner hep = new HepPlanner(program.build());
        hep.setRoot(rel);
        return hep.findBestExp();
    }

    private static RelNode removeSubQueries(RelNode rel) {
        HepPlanner hep = new HepPlanner(new HepProgramBuilder()
                .addRuleInstance(CoreRules.FILTER_SUB_QUERY_TO_CORRELATE)
                .addRuleInstance(CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE)
                .addRuleInstance(CoreRules.JOIN_SUB_QUERY_TO_CORRELATE)
                .build());
        hep.setRoot(rel);
        return hep.findBestExp();
    }

    /** Enumerable evaluates window functions (row_number() OVER ...) only as Window nodes, not in projections. */
    private static RelNode windowsOutOfProjects(RelNode rel) {
        HepPlanner hep = new HepPlanner(new HepProgramBuilder()
                .addRuleInstance(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW)
                .build());
        hep.setRoot(rel);
        return hep.findBestExp();
    }

    private static RelNode decorrelate(RelNode rel, RelOptCluster cluster, CalciteCatalogReader catalogReader) {
        return RelDecorrelator.decorrelateQuery(rel, RelFactories.LOGICAL_BUILDER.create(cluster, catalogReader));
    }

    /** Configures a {@link SqlCompiler}. */
    public static final class Builder {
        private final SchemaPlus rootSchema;
        private List<List<String>> searchPath = List.of(List.of());
        private QuiverTypeFactory typeFactory = new QuiverTypeFactory();
        private final List<SqlOperatorTable> extraOperatorTables = new ArrayList<>();
        private final List<RelOptRule> extraRules = new ArrayList<>();

        private Builder(SchemaPlus rootSchema) {
            this.rootSchema = rootSchema;
        }

        /** The schema unqualified names are looked up in, e.g. {@code List.of("public")}. */
        public Builder defaultSchemaPath(List<String> path) {
            return searchPath(List.of(path, List.of()));
        }

        /**
         * The schemas unqualified names are looked up in, in order (PostgreSQL searches pg_catalog, then the
         * search_path); include the empty path to allow fully qualified names.
         */
        public Builder searchPath(List<List<String>> paths) {
            this.searchPath = List.copyOf(paths);
            return this;
        }

        public Builder typeFactory(QuiverTypeFactory factory) {
            this.typeFactory = factory;
            return this;
        }

        /** Operators looked up after pgvector's and before Calcite's, e.g. session functions. */
        public Builder addOperatorTable(SqlOperatorTable table) {
            extraOperatorTables.add(table);
            return this;
        }

        /** A planner rule applied with Quiver's, e.g. to use an index. */
        public Builder addRule(RelOptRule rule) {
            extraRules.add(rule);
            return this;
        }

        public SqlCompiler build() {
            return new SqlCompiler(this);
        }
    }
}

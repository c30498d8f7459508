package io.quiver.executor.system;

import io.quiver.catalog.ColumnDefinition;
import io.quiver.catalog.IndexDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.executor.QuiverEngine;
import io.quiver.executor.stats.QueryStatistics;
import io.quiver.executor.stats.TableStatistics;
import io.quiver.index.IndexOptions;
import io.quiver.index.IndexStats;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The statistics views: Quiver's own in the {@code quiver_stat} schema, and PostgreSQL's
 * {@code pg_stat_user_tables}, {@code pg_stat_all_tables} and {@code pg_stats} where they apply. They read
 * the statistics kept with every commit (see {@link io.quiver.executor.stats.Statistics}); nothing here scans
 * a table, except the first read of a table whose statistics were lost in a crash.
 */
public final class StatisticsViews {
    public static final String SCHEMA = "quiver_stat";
    /** Like PostgreSQL's default_statistics_target: at most 100 most common values and 100 histogram buckets. */
    private static final int STATISTICS_TARGET = 100;

    static final SystemTable COLLECTIONS = new SystemTable(
            "relid:oid schemaname:name relname:name n_live_tup:int8 n_dead_tup:int8 n_tup_ins:int8 n_tup_upd:int8 "
                    + "n_tup_del:int8 n_mod_since_analyze:int8 last_analyze:timestamptz analyze_count:int8 "
                    + "vector_columns:int4 vector_indexes:int4",
            (context, rows) -> forEachTable(context, (table, stats) -> rows.add()
                    .set("relid", table.oid()).set("schemaname", table.schema()).set("relname", table.name())
                    .set("n_live_tup", stats.liveRows()).set("n_dead_tup", stats.deadRows())
                    .set("n_tup_ins", stats.inserts()).set("n_tup_upd", stats.updates())
                    .set("n_tup_del", stats.deletes()).set("n_mod_since_analyze", stats.modifiedSinceAnalyze())
                    .set("last_analyze", stats.lastAnalyze()).set("analyze_count", stats.analyzeCount())
                    .set("vector_columns", table.columns().stream().filter(c -> c.type().dimensions() > 0).count())
                    .set("vector_indexes", table.vectorIndexes().size())));

    static final SystemTable VECTOR_COLUMNS = new SystemTable(
            "schemaname:name relname:name attname:name dimensions:int4 n_vectors:int8 null_frac:float4 "
                    + "mean:vector min_norm:float4 max_norm:float4 norm_histogram_bounds:_float8 "
                    + "norm_histogram_counts:_int8",
            (context, rows) -> forEachTable(context, (table, stats) -> {
                for (int c = 0; c < table.columns().size(); c++) {
                    TableStatistics.VectorSummary vector = stats.vector(c);
                    ColumnDefinition column = table.column(c);
                    if (vector == null || column.type().dimensions() < 1) {
                        continue;
                    }
                    rows.add().set("schemaname", table.schema()).set("relname", table.name())
                            .set("attname", column.name()).set("dimensions", column.type().dimensions())
                            .set("n_vectors", vector.vectors())
                            .set("null_frac", fraction(vector.nulls(), stats.liveRows()))
                            .set("mean", vector.mean()).set("min_norm", vector.minNorm())
                            .set("max_norm", vector.maxNorm())
                            .set("norm_histogram_bounds", Arrays.stream(vector.histogramBounds()).boxed()
                                    .toArray(Object[]::new))
                            .set("norm_histogram_counts", Arrays.stream(vector.histogramCounts()).boxed()
                                    .toArray(Object[]::new));
                }
            }));

    static final SystemTable COLUMNS = new SystemTable(
            "schemaname:name relname:name attname:name null_frac:float4 n_distinct:float8 exact:bool "
                    + "most_common_vals:text most_common_freqs:_float4 histogram_bounds:text",
            (context, rows) -> forEachScalarColumn(context, (table, column, summary) -> rows.add()
                    .set("schemaname", table.schema()).set("relname", table.name()).set("attname", column.name())
                    .set("null_frac", summary.nullFraction()).set("n_distinct", summary.distinct())
                    .set("exact", summary.exact())
                    .set("most_common_vals", arrayText(summary.mostCommonValues()))
                    .set("most_common_freqs", frequencies(summary))
                    .set("histogram_bounds", arrayText(summary.histogramBounds()))));

    static final SystemTable INDEXES = new SystemTable(
            "schemaname:name relname:name indexname:name attname:name access_method:name loaded:bool entries:int8 "
                    + "build_ms:float8 memory_bytes:int8 disk_bytes:int8 avg_degree:float8 lists:int4 quantization:text",
            StatisticsViews::indexes);

    static final SystemTable QUERIES = new SystemTable(
            "query:text calls:int8 total_ms:float8 mean_ms:float8 p50_ms:float8 p95_ms:float8 p99_ms:float8 "
                    + "total_rows:int8 plan:text",
            (context, rows) -> {
                for (QueryStatistics.ShapeRow shape : engine(context).queryStatistics().rows()) {
                    rows.add().set("query", shape.shape()).set("calls", shape.calls())
                            .set("total_ms", shape.totalMillis()).set("mean_ms", shape.meanMillis())
                            .set("p50_ms", shape.p50Millis()).set("p95_ms", shape.p95Millis())
                            .set("p99_ms", shape.p99Millis()).set("total_rows", shape.rows()).set("plan", shape.plan());
                }
            });

    /** PostgreSQL 15's pg_stat_user_tables; scan counters Quiver does not keep are 0, vacuum columns NULL/0. */
    static final SystemTable PG_STAT_USER_TABLES = pgStatTables();
    static final SystemTable PG_STAT_ALL_TABLES = pgStatTables();

    /** PostgreSQL 15's pg_stats over scalar columns (anyarray columns as their text form). */
    static final SystemTable PG_STATS = new SystemTable(
            "schemaname:name tablename:name attname:name inherited:bool null_frac:float4 avg_width:int4 "
                    + "n_distinct:float4 most_common_vals:text most_common_freqs:_float4 histogram_bounds:text "
                    + "correlation:float4 most_common_elems:text most_common_elem_freqs:_float4 "
                    + "elem_count_histogram:_float4",
            (context, rows) -> forEachScalarColumn(context, (table, column, summary) -> {
                long live = context.session().engine().statistics().read(table, TableStatistics::liveRows);
                rows.add().set("schemaname", table.schema()).set("tablename", table.name())
                        .set("attname", column.name()).set("inherited", false)
                        .set("null_frac", summary.nullFraction())
                        .set("n_distinct", pgDistinct(summary.distinct(), live))
                        .set("most_common_vals", arrayText(summary.mostCommonValues()))
                        .set("most_common_freqs", frequencies(summary))
                        .set("histogram_bounds", arrayText(summary.histogramBounds()));
            }));

    private StatisticsViews() {
    }

    /** Adds the {@code quiver_stat} schema and its views. */
    public static void addTo(SchemaPlus root) {
        SchemaPlus schema = root.add(SCHEMA, new AbstractSchema());
        schema.add("collections", COLLECTIONS);
        schema.add("vector_columns", VECTOR_COLUMNS);
        schema.add("columns", COLUMNS);
        schema.add("indexes", INDEXES);
        schema.add("queries", QUERIES);
    }

    private static SystemTable pgStatTables() {
        return new SystemTable(
                "relid:oid schemaname:name relname:name seq_scan:int8 seq_tup_read:int8 idx_scan:int8 "
                        + "idx_tup_fetch:int8 n_tup_ins:int8 n_tup_upd:int8 n_tup_del:int8 n_tup_hot_upd:int8 "
                        + "n_live_tup:int8 n_dead_tup:int8 n_mod_since_analyze:int8 n_ins_since_vacuum:int8 "
                        + "last_vacuum:timestamptz last_autovacuum:timestamptz last_analyze:timestamptz "
                        + "last_autoanalyze:timestamptz vacuum_count:int8 autovacuum_count:int8 analyze_count:int8 "
                        + "autoanalyze_count:int8",
                (context, rows) -> forEachTable(context, (table, stats) -> rows.add()
                        .set("relid", table.oid()).set("schemaname", table.schema()).set("relname", table.name())
                        .set("seq_scan", 0).set("seq_tup_read", 0).set("idx_scan", table.indexes().isEmpty() ? null : 0)
                        .set("idx_tup_fetch", table.indexes().isEmpty() ? null : 0)
                        .set("n_tup_ins", stats.inserts()).set("n_tup_upd", stats.updates())
                        .set("n_tup_del", stats.deletes()).set("n_tup_hot_upd", 0)
                        .set("n_live_tup", stats.liveRows()).set("n_dead_tup", stats.deadRows())
                        .set("n_mod_since_analyze", stats.modifiedSinceAnalyze())
                        .set("n_ins_since_vacuum", stats.inserts()).set("last_analyze", stats.lastAnalyze())
                        .set("last_vacuum", stats.lastVacuum()).set("last_autovacuum", stats.lastAutovacuum())
                        .set("vacuum_count", stats.vacuumCount()).set("autovacuum_count", stats.autovacuumCount())
                        .set("analyze_count", stats.analyzeCount())
                        .set("autoanalyze_count", 0)));
    }

    private static void indexes(SystemContext context, SystemTable.Rows rows) {
        var vectors = engine(context).vectorIndexes();
        for (TableDefinition table : context.catalog().tables()) {
            for (IndexDefinition index : table.vectorIndexes()) {
                IndexStats stats = vectors.loadedStats(table, index);
                SystemTable.Row row = rows.add().set("schemaname", table.schema()).set("relname", table.name())
                        .set("indexname", index.name()).set("attname", table.column(index.column()).name())
                        .set("access_method", index.method()).set("loaded", stats != null)
                        .set("disk_bytes", vectors.diskBytes(index))
                        .set("quantization", IndexOptions.quantization(index.options())
                                .describe(table.column(index.column()).type().dimensions()));
                if (stats != null) {
                    row.set("entries", stats.entries()).set("memory_bytes", stats.memoryBytes())
                            .set("build_ms", stats.buildTime() == null ? null : stats.buildTime().toNanos() / 1e6)
                            .set("avg_degree", Double.isNaN(stats.averageDegree()) ? null : stats.averageDegree())
                            .set("lists", stats.lists() == 0 ? null : stats.lists());
                }
            }
        }
    }

    /** PostgreSQL's convention: a distinct count above a tenth of the rows is given as minus its share of them. */
    private static double pgDistinct(double distinct, long rows) {
        return rows > 0 && distinct > rows / 10.0 ? -Math.min(1, distinct / rows) : distinct;
    }

    private static Float fraction(long part, long whole) {
        return whole == 0 ? 0f : (float) part / whole;
    }

    private static Object[] frequencies(TableStatistics.ScalarSummary summary) {
        return summary.mostCommonFrequencies().isEmpty() ? null
                : summary.mostCommonFrequencies().stream().map(Double::floatValue).toArray(Object[]::new);
    }

    /** An array's text form as PostgreSQL prints anyarray: {a,b}, elements quoted when they need it. */
    private static String arrayText(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder("{");
        for (String value : values) {
            if (text.length() > 1) {
                text.append(',');
            }
            boolean quote = value.isEmpty() || value.equalsIgnoreCase("null")
                    || value.chars().anyMatch(ch -> ch == ',' || ch == '{' || ch == '}' || ch == '"' || ch == '\\'
                            || Character.isWhitespace(ch));
            text.append(quote ? '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"' : value);
        }
        return text.append('}').toString();
    }

    private interface TableVisitor {
        void visit(TableDefinition table, TableStatistics stats);
    }

    private interface ScalarColumnVisitor {
        void visit(TableDefinition table, ColumnDefinition column, TableStatistics.ScalarSummary summary);
    }

    private static void forEachTable(SystemContext context, TableVisitor visitor) {
        for (TableDefinition table : context.catalog().tables()) {
            engine(context).statistics().read(table, stats -> {
                visitor.visit(table, stats);
                return null;
            });
        }
    }

    private static void forEachScalarColumn(SystemContext context, ScalarColumnVisitor visitor) {
        for (TableDefinition table : context.catalog().tables()) {
            List<TableStatistics.ScalarSummary> summaries = engine(context).statistics().read(table, stats ->
                    IntStream.range(0, table.columns().size())
                            .mapToObj(c -> stats.scalar(c, STATISTICS_TARGET, STATISTICS_TARGET)).toList());
            for (int c = 0; c < summaries.size(); c++) {
                if (summaries.get(c) != null && table.column(c).type().dimensions() < 1) {
                    visitor.visit(table, table.column(c), summaries.get(c));
                }
            }
        }
    }

    private static QuiverEngine engine(SystemContext context) {
        return context.session().engine();
    }
}

package io.quiver.executor.system;

import io.quiver.catalog.ColumnDefinition;
import io.quiver.catalog.IndexDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.index.DistanceKind;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * Quiver's own catalog views (schema {@code quiver_catalog}): collections (tables) with their identity, life
 * cycle state and version; their columns with vector dimensions and the metric of the index on them; and
 * their vector indexes with options and build state. They show the statement's catalog version, so inside a
 * transaction its own uncommitted DDL (INIT tables, BUILDING indexes, DROPPED tables). The schema is not in
 * pg_namespace, so that tools list what they list against PostgreSQL.
 */
public final class QuiverCatalogViews {
    public static final String NAME = "quiver_catalog";

    static final SystemTable COLLECTIONS = new SystemTable(
            "oid:oid collection_uuid:text schema:name name:name state:text ddl_version:int8 columns:int4 "
                    + "primary_key:text comment:text created:timestamptz",
            (context, rows) -> Stream.concat(context.catalog().tables().stream(),
                    context.catalog().droppedTables().stream()).forEach(table -> rows.add()
                    .set("oid", table.oid()).set("collection_uuid", table.uuid().toString())
                    .set("schema", table.schema()).set("name", table.name()).set("state", table.state().name()).set("ddl_version", table.version())
                    .set("columns", table.columns().size())
                    .set("primary_key", table.primaryKey().isEmpty() ? null : table.primaryKey().stream()
                            .map(i -> table.column(i).name()).collect(Collectors.joining(", ")))
                    .set("comment", table.comment()).set("created", timestamp(table.createdAtMillis()))));
    static final SystemTable COLUMNS = new SystemTable(
            "table_oid:oid schema:name table_name:name attnum:int2 name:name type:text dimension:int4 "
                    + "not_null:bool default_value:text primary_key:bool metric:text comment:text",
            (context, rows) -> context.catalog().tables().forEach(table -> {
                for (int i = 0; i < table.columns().size(); i++) {
                    ColumnDefinition column = table.column(i);
                    int dimension = column.type().dimensions();
                    rows.add().set("table_oid", table.oid()).set("schema", table.schema())
                            .set("table_name", table.name()).set("attnum", i + 1).set("name", column.name()).set("type", column.type().displayName())
                            .set("dimension", dimension < 0 ? null : dimension).set("not_null", column.notNull())
                            .set("default_value", column.defaultSql())
                            .set("primary_key", table.primaryKey().contains(i))
                            .set("metric", metrics(table.indexesOn(i))).set("comment", column.comment());
                }
            }));
    static final SystemTable INDEXES = new SystemTable(
            "oid:oid schema:name table_name:name name:name access_method:name column_name:name expression:text "
                    + "opclass:name "
                    + "metric:text options:text state:text created:timestamptz comment:text",
            (context, rows) -> context.catalog().tables().forEach(table -> {
                for (IndexDefinition index : table.indexes()) {
                    rows.add().set("oid", index.oid()).set("schema", table.schema()).set("table_name", table.name())
                            .set("name", index.name()).set("access_method", index.method())
                            .set("column_name", table.column(index.column()).name())
                            .set("expression", IndexDefinitions.expression(table, index, true))
                            .set("opclass", index.opclass())
                            .set("metric", metric(index))
                            .set("options", index.options().entrySet().stream()
                                    .map(o -> o.getKey() + "=" + o.getValue()).collect(Collectors.joining(", ")))
                            .set("state", index.state().name()).set("created", timestamp(index.createdAtMillis()))
                            .set("comment", index.comment());
                }
            }));

    private QuiverCatalogViews() {
    }

    public static void addTo(SchemaPlus root) {
        SchemaPlus schema = root.add(NAME, new AbstractSchema());
        schema.add("collections", COLLECTIONS);
        schema.add("columns", COLUMNS);
        schema.add("indexes", INDEXES);
    }

    /** The distance an index orders by: l2, inner_product, cosine or l1. */
    private static String metric(IndexDefinition index) {
        if (index.isScalar()) {
            return null;
        }
        return DistanceKind.forOpclass(index.opclass(), index.method()).name().toLowerCase(Locale.ROOT);
    }

    private static String metrics(List<IndexDefinition> indexes) {
        List<IndexDefinition> vector = indexes.stream().filter(i -> !i.isScalar()).toList();
        return vector.isEmpty() ? null
                : vector.stream().map(QuiverCatalogViews::metric).distinct().collect(Collectors.joining(", "));
    }

    private static OffsetDateTime timestamp(long millis) {
        return millis == 0 ? null : OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }
}

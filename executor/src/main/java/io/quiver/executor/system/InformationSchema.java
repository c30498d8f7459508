package io.quiver.executor.system;

import io.quiver.catalog.ColumnDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.common.type.PgType;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The SQL-standard {@code information_schema} views BI tools read, over user tables. PostgreSQL's domains
 * (sql_identifier, character_data, yes_or_no, cardinal_number) appear as their base types.
 */
public final class InformationSchema {
    public static final String NAME = "information_schema";

    static final SystemTable SCHEMATA = new SystemTable(
            "catalog_name:name schema_name:name schema_owner:name default_character_set_catalog:name "
                    + "default_character_set_schema:name default_character_set_name:name sql_path:text",
            (context, rows) -> context.catalog().schemas().forEach(schema -> rows.add()
                    .set("catalog_name", context.session().options().database()).set("schema_name", schema)
                    .set("schema_owner", schema.equals("public") ? "pg_database_owner"
                            : context.session().options().user())));
    static final SystemTable TABLES = new SystemTable(
            "table_catalog:name table_schema:name table_name:name table_type:text "
                    + "self_referencing_column_name:name reference_generation:text user_defined_type_catalog:name "
                    + "user_defined_type_schema:name user_defined_type_name:name is_insertable_into:text "
                    + "is_typed:text commit_action:text",
            (context, rows) -> context.catalog().tables().forEach(table -> rows.add()
                    .set("table_catalog", context.session().options().database()).set("table_schema", table.schema())
                    .set("table_name", table.name()).set("table_type", "BASE TABLE")
                    .set("is_insertable_into", "YES").set("is_typed", "NO")));
    static final SystemTable COLUMNS = new SystemTable(
            "table_catalog:name table_schema:name table_name:name column_name:name ordinal_position:int4 "
                    + "column_default:text is_nullable:text data_type:text character_maximum_length:int4 "
                    + "character_octet_length:int4 numeric_precision:int4 numeric_precision_radix:int4 "
                    + "numeric_scale:int4 datetime_precision:int4 udt_catalog:name udt_schema:name udt_name:name "
                    + "dtd_identifier:name is_self_referencing:text is_identity:text identity_generation:text "
                    + "is_generated:text is_updatable:text",
            InformationSchema::columns);

    private InformationSchema() {
    }

    public static void addTo(SchemaPlus root) {
        SchemaPlus schema = root.add(NAME, new AbstractSchema());
        for (SystemCatalogs.Definition definition : SystemCatalogs.all()) {
            if (definition.schema().equals(NAME)) {
                schema.add(definition.name(), definition.table());
            }
        }
    }

    private static void columns(SystemContext context, SystemTable.Rows rows) {
        String database = context.session().options().database();
        for (TableDefinition table : context.catalog().tables()) {
            for (int i = 0; i < table.columns().size(); i++) {
                ColumnDefinition column = table.column(i);
                PgType type = column.type().type();
                boolean vector = isExtensionType(type);
                rows.add().set("table_catalog", database).set("table_schema", table.schema())
                        .set("table_name", table.name()).set("column_name", column.name())
                        .set("ordinal_position", i + 1)
                        .set("column_default", column.identity() ? null : column.defaultSql())
                        .set("is_nullable", column.notNull() ? "NO" : "YES").set("data_type", dataType(column))
                        .set("udt_catalog", database)
                        .set("udt_schema", vector ? "public" : PgCatalogSchema.NAME).set("udt_name", type.typname())
                        .set("dtd_identifier", String.valueOf(i + 1)).set("is_self_referencing", "NO")
                        .set("is_identity", column.identity() ? "YES" : "NO")
                        .set("identity_generation", column.identity() ? "BY DEFAULT" : null)
                        .set("is_generated", "NEVER").set("is_updatable", "YES");
            }
        }
    }

    /** pgvector's types, which live in the schema the extension was created in. */
    private static boolean isExtensionType(PgType type) {
        return type == PgType.VECTOR || type == PgType.HALFVEC || type == PgType.SPARSEVEC;
    }

    /** information_schema's data_type: the standard name, or USER-DEFINED for extension types. */
    private static String dataType(ColumnDefinition column) {
        if (isExtensionType(column.type().type())) {
            return "USER-DEFINED";
        }
        if (column.type().type().isArray()) {
            return "ARRAY";
        }
        String display = column.type().displayName();
        int paren = display.indexOf('(');
        return paren < 0 ? display : display.substring(0, paren);
    }
}

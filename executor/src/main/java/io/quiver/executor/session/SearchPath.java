package io.quiver.executor.session;

import io.quiver.catalog.CatalogState;
import io.quiver.catalog.QualifiedTableName;
import io.quiver.catalog.TableDefinition;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/** Resolves unqualified names as PostgreSQL's search_path does ({@code "$user", public} by default). */
public final class SearchPath {
    private final List<String> schemas;

    private SearchPath(List<String> schemas) {
        this.schemas = List.copyOf(schemas);
    }

    /** Parses a search_path value for {@code user}; pg_catalog is always searched first, as in PostgreSQL. */
    public static SearchPath parse(String value, String user) {
        List<String> schemas = new ArrayList<>();
        for (String part : value.split(",")) {
            String schema = part.trim();
            if (schema.startsWith("\"") && schema.endsWith("\"") && schema.length() >= 2) {
                schema = schema.substring(1, schema.length() - 1);
            }
            if (schema.equals("$user")) {
                schema = user;
            }
            if (!schema.isEmpty()) {
                schemas.add(schema);
            }
        }
        return new SearchPath(schemas);
    }

    /** The schemas in search order, those that exist only. */
    public List<String> existing(CatalogState catalog) {
        return schemas.stream().filter(catalog::hasSchema).toList();
    }

    /** Where CREATE puts an unqualified object: the first existing schema of the path. */
    public String creationSchema(CatalogState catalog) {
        List<String> existing = existing(catalog);
        if (existing.isEmpty()) {
            throw new QuiverException(SqlState.INVALID_SCHEMA_NAME, "no schema has been selected to create in");
        }
        return existing.get(0);
    }

    /** The table an optionally qualified name refers to, or null. */
    public TableDefinition findTable(CatalogState catalog, String schema, String name) {
        if (schema != null) {
            return catalog.table(new QualifiedTableName(schema, name));
        }
        for (String candidate : existing(catalog)) {
            TableDefinition table = catalog.table(new QualifiedTableName(candidate, name));
            if (table != null) {
                return table;
            }
        }
        return null;
    }

    /** Like {@link #findTable} but fails with 42P01 as PostgreSQL does. */
    public TableDefinition requireTable(CatalogState catalog, String schema, String name) {
        TableDefinition table = findTable(catalog, schema, name);
        if (table == null) {
            throw QuiverException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist",
                    schema == null ? name : schema + "." + name);
        }
        return table;
    }

    /** The first schema of the path that exists (current_schema()), or null. */
    public String currentSchema(CatalogState catalog) {
        List<String> existing = existing(catalog);
        return existing.isEmpty() ? null : existing.get(0);
    }
}

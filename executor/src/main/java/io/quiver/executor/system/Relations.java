package io.quiver.executor.system;

import io.quiver.catalog.CatalogState;
import io.quiver.catalog.ColumnDefinition;
import io.quiver.catalog.IndexDefinition;
import io.quiver.catalog.TableDefinition;
import java.util.ArrayList;
import java.util.List;

/** Every relation pg_class lists for one catalog version, and lookups by OID and name. */
public final class Relations {
    private Relations() {
    }

    public static List<Relation> all(CatalogState catalog) {
        List<Relation> relations = new ArrayList<>(SystemCatalogs.relations());
        for (TableDefinition table : catalog.tables()) {
            relations.addAll(ofTable(table));
        }
        return relations;
    }

    /**
     * A user table with the relations that belong to it: its primary key index, its vector indexes and its
     * sequences.
     */
    public static List<Relation> ofTable(TableDefinition table) {
        List<Relation> relations = new ArrayList<>();
        relations.add(new Relation(table.oid(), table.schema(), table.name(), Relation.TABLE, table, 0));
        if (!table.primaryKey().isEmpty()) {
            relations.add(new Relation(SystemObjects.primaryKeyIndexOid(table), table.schema(),
                    table.primaryKeyName(), Relation.INDEX, table, 0));
        }
        for (IndexDefinition index : table.indexes()) {
            relations.add(Relation.ofIndex(table, index));
        }
        for (int i = 0; i < table.columns().size(); i++) {
            ColumnDefinition column = table.column(i);
            if (column.sequenceName() != null) {
                relations.add(new Relation(SystemObjects.sequenceOid(table, i + 1), table.schema(),
                        column.sequenceName(), Relation.SEQUENCE, table, i + 1));
            }
        }
        return relations;
    }

    public static Relation byOid(CatalogState catalog, long oid) {
        for (Relation relation : all(catalog)) {
            if (relation.oid() == oid) {
                return relation;
            }
        }
        return null;
    }

    /** The relation {@code schema.name}, or with a null schema the first one found along {@code searchPath}. */
    public static Relation byName(CatalogState catalog, List<String> searchPath, String schema, String name) {
        List<Relation> all = all(catalog);
        for (String candidate : schema != null ? List.of(schema) : searchPath) {
            for (Relation relation : all) {
                if (relation.schema().equals(candidate) && relation.name().equals(name)) {
                    return relation;
                }
            }
        }
        return null;
    }
}

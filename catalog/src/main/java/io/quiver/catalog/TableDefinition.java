package io.quiver.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table (a collection): its identity, columns and primary key.
 *
 * @param oid the table's OID (pg_class.oid), also its storage id
 * @param schema the schema it lives in
 * @param name the table name
 * @param columns its columns in attribute order (attnum = index + 1)
 * @param primaryKey the indexes of the primary key columns, empty when there is none
 * @param primaryKeyName the primary key constraint's name ({@code items_pkey}), or null
 * @param comment COMMENT ON TABLE text, or null
 * @param indexes its vector indexes, in creation order
 */
public record TableDefinition(long oid, String schema, String name, List<ColumnDefinition> columns,
                              List<Integer> primaryKey, String primaryKeyName, String comment,
                              List<IndexDefinition> indexes) {
    public TableDefinition {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        indexes = List.copyOf(indexes);
    }

    /** A table without vector indexes (a new one). */
    public TableDefinition(long oid, String schema, String name, List<ColumnDefinition> columns,
                           List<Integer> primaryKey, String primaryKeyName, String comment) {
        this(oid, schema, name, columns, primaryKey, primaryKeyName, comment, List.of());
    }

    /** The index of the named column, or -1. */
    public int columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        return -1;
    }

    public ColumnDefinition column(int index) {
        return columns.get(index);
    }

    public QualifiedTableName qualifiedName() {
        return new QualifiedTableName(schema, name);
    }

    /** A name derived from the table's as PostgreSQL derives constraint and sequence names. */
    public static String derivedName(String table, String column, String suffix) {
        return (column == null ? table : table + "_" + column) + "_" + suffix.toLowerCase(Locale.ROOT);
    }

    public TableDefinition withComment(String newComment) {
        return new TableDefinition(oid, schema, name, columns, primaryKey, primaryKeyName, newComment, indexes);
    }

    /** The index named {@code indexName}, or null. */
    public IndexDefinition index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst().orElse(null);
    }

    public TableDefinition withIndex(IndexDefinition index) {
        List<IndexDefinition> more = new ArrayList<>(indexes);
        more.add(index);
        return new TableDefinition(oid, schema, name, columns, primaryKey, primaryKeyName, comment, more);
    }

    public TableDefinition withoutIndex(String indexName) {
        return new TableDefinition(oid, schema, name, columns, primaryKey, primaryKeyName, comment,
                indexes.stream().filter(i -> !i.name().equals(indexName)).toList());
    }
}

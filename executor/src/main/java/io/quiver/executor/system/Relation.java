package io.quiver.executor.system;

import io.quiver.catalog.IndexDefinition;
import io.quiver.catalog.TableDefinition;

/**
 * One row of pg_class: a user table, its primary key index, one of its vector indexes, a serial column's
 * sequence, or a system catalog.
 *
 * @param oid the relation's OID
 * @param schema the schema it lives in
 * @param name its name
 * @param kind pg_class.relkind: 'r' table, 'i' index, 'S' sequence, 'v' view
 * @param table the user table it is or belongs to; null for system catalogs
 * @param attnum for a sequence, the column that owns it; 0 otherwise
 * @param index for a vector index, its definition; null otherwise (a primary key index has none)
 */
public record Relation(long oid, String schema, String name, char kind, TableDefinition table, int attnum,
                       IndexDefinition index) {
    public static final char TABLE = 'r';
    public static final char INDEX = 'i';
    public static final char SEQUENCE = 'S';
    public static final char VIEW = 'v';

    public Relation(long oid, String schema, String name, char kind, TableDefinition table, int attnum) {
        this(oid, schema, name, kind, table, attnum, null);
    }

    /** A vector index of {@code table}. */
    public static Relation ofIndex(TableDefinition table, IndexDefinition index) {
        return new Relation(index.oid(), table.schema(), index.name(), INDEX, table, 0, index);
    }

    public boolean isUserRelation() {
        return table != null;
    }
}

package io.quiver.executor.system;

import io.quiver.catalog.TableDefinition;

/**
 * One row of pg_class: a user table, its primary key index, a serial column's sequence, or a system catalog.
 *
 * @param oid the relation's OID
 * @param schema the schema it lives in
 * @param name its name
 * @param kind pg_class.relkind: 'r' table, 'i' index, 'S' sequence, 'v' view
 * @param table the user table it is or belongs to; null for system catalogs
 * @param attnum for a sequence, the column that owns it; 0 otherwise
 */
public record Relation(long oid, String schema, String name, char kind, TableDefinition table, int attnum) {
    public static final char TABLE = 'r';
    public static final char INDEX = 'i';
    public static final char SEQUENCE = 'S';
    public static final char VIEW = 'v';

    public boolean isUserRelation() {
        return table != null;
    }
}

package io.quiver.executor.system;

import io.quiver.catalog.CatalogState;
import io.quiver.catalog.ColumnDefinition;
import io.quiver.catalog.TableDefinition;
import java.util.Map;

/** Fixed OIDs of built-in objects (as PostgreSQL 15 numbers them) and lookups shared by the system tables. */
public final class SystemObjects {
    public static final long PG_CATALOG_NAMESPACE = 11;
    public static final long PUBLIC_NAMESPACE = 2200;
    public static final long INFORMATION_SCHEMA_NAMESPACE = 13207;
    public static final long BOOTSTRAP_SUPERUSER = 10;
    /** PostgreSQL 15 makes {@code public} owned by this role, which psql's \dn prints. */
    public static final long PG_DATABASE_OWNER = 6171;
    public static final long DATABASE_OID = 16384;
    public static final long HEAP_AM = 2;
    public static final long BTREE_AM = 403;
    public static final long HASH_AM = 405;
    public static final long DEFAULT_COLLATION = 100;
    public static final long PLPGSQL_EXTENSION = 13559;
    public static final long PG_CLASS = 1259;
    public static final long PG_EXTENSION = 3079;
    public static final long PG_DEFAULT_TABLESPACE = 1663;
    /**
     * pgvector's objects get their OIDs at CREATE EXTENSION in PostgreSQL; Quiver fixes them between the
     * database OID and the first table OID, next to the vector type's (16385, 16386).
     */
    public static final long VECTOR_EXTENSION = 16387;
    public static final long IVFFLAT_AM = 16388;
    public static final long HNSW_AM = 16389;
    /** The first of pgvector's operator classes, numbered in {@link OperatorClasses}' order. */
    public static final long FIRST_VECTOR_OPCLASS = 16390;
    /** OIDs below this are PostgreSQL's own objects. */
    public static final long FIRST_NORMAL_OBJECT_ID = 16384;

    /**
     * Objects that belong to a table (its primary key index and constraint, column defaults, serial
     * sequences) have no OID of their own in Quiver's catalog: they get one derived from the table's, in a range
     * above the catalog's table OIDs and below the schema OIDs, the same across restarts.
     */
    private static final long DERIVED_BASE = 0x10000000L;
    private static final long DERIVED_SLOTS = 4096;
    private static final long PRIMARY_KEY_INDEX_SLOT = 0;
    private static final long PRIMARY_KEY_CONSTRAINT_SLOT = 1;
    private static final long ATTRDEF_SLOTS = 1024;
    private static final long SEQUENCE_SLOTS = 2048;

    private static final Map<String, Long> BUILTIN_NAMESPACES = Map.of("pg_catalog", PG_CATALOG_NAMESPACE,
            "public", PUBLIC_NAMESPACE, "information_schema", INFORMATION_SCHEMA_NAMESPACE);

    private SystemObjects() {
    }

    /** A schema's OID: PostgreSQL's for the built-in ones, a stable one derived from the name otherwise. */
    public static long namespaceOid(String schema) {
        Long builtin = BUILTIN_NAMESPACES.get(schema);
        if (builtin != null) {
            return builtin;
        }
        // Above the table and derived OIDs and stable across restarts.
        return 0x40000000L | (schema.hashCode() & 0x3fffffffL);
    }

    public static boolean isSystemRelation(long oid) {
        return oid < FIRST_NORMAL_OBJECT_ID;
    }

    public static long primaryKeyIndexOid(TableDefinition table) {
        return derived(table, PRIMARY_KEY_INDEX_SLOT);
    }

    public static long primaryKeyConstraintOid(TableDefinition table) {
        return derived(table, PRIMARY_KEY_CONSTRAINT_SLOT);
    }

    /** The pg_attrdef OID of the default of column {@code attnum}. */
    public static long attrdefOid(TableDefinition table, int attnum) {
        return derived(table, ATTRDEF_SLOTS + attnum);
    }

    /** The OID of the sequence a serial column {@code attnum} owns. */
    public static long sequenceOid(TableDefinition table, int attnum) {
        return derived(table, SEQUENCE_SLOTS + attnum);
    }

    private static long derived(TableDefinition table, long slot) {
        return DERIVED_BASE + table.oid() * DERIVED_SLOTS + slot;
    }

    /** Whether a serial or identity column owns a sequence of this schema-qualified name. */
    public static boolean sequenceExists(CatalogState catalog, String qualifiedName) {
        for (TableDefinition table : catalog.tables()) {
            for (ColumnDefinition column : table.columns()) {
                String sequence = column.sequenceName();
                if (sequence != null && qualifiedName.equals(table.schema() + "." + sequence)) {
                    return true;
                }
            }
        }
        return false;
    }
}

package io.quiver.executor.system;

import io.quiver.catalog.CatalogState;
import io.quiver.catalog.IndexDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.executor.session.QuiverSession;
import io.quiver.executor.session.SessionScope;
import java.util.Locale;

/**
 * pg_relation_size, pg_table_size, pg_indexes_size, pg_total_relation_size and pg_size_pretty. A table's size
 * is its stored rows' (see {@link io.quiver.storage.TableStorage#estimatedBytes()}); a vector index's is its
 * saved files'; a primary key and the system catalogs report 0, as they occupy no space of their own.
 */
public final class RelationSizes {
    private static final long PRETTY_LIMIT = 10 * 1024;
    private static final String[] UNITS = {"kB", "MB", "GB", "TB", "PB"};

    private RelationSizes() {
    }

    public static Long pg_relation_size(Long oid) {
        return oid == null ? null : tableBytes(oid) + indexBytes(oid);
    }

    /** The same as pg_relation_size: Quiver has no TOAST, free space or visibility maps. */
    public static Long pg_table_size(Long oid) {
        return pg_relation_size(oid);
    }

    /** The size of a table's indexes. */
    public static Long pg_indexes_size(Long oid) {
        if (oid == null) {
            return null;
        }
        QuiverSession session = SessionScope.current();
        TableDefinition table = PgFunctions.catalog(session).tableByOid(oid);
        return table == null ? 0L : table.indexes().stream()
                .mapToLong(i -> session.engine().vectorIndexes().bytesOnDisk(i)).sum();
    }

    public static Long pg_total_relation_size(Long oid) {
        return oid == null ? null : pg_table_size(oid) + pg_indexes_size(oid);
    }

    // The same with the relation named by text (pg_total_relation_size('items')): an unknown literal is a regclass.

    public static Long pg_relation_size(String name) {
        return pg_relation_size(RegTypeFunctions.regclass(name));
    }

    public static Long pg_table_size(String name) {
        return pg_table_size(RegTypeFunctions.regclass(name));
    }

    public static Long pg_indexes_size(String name) {
        return pg_indexes_size(RegTypeFunctions.regclass(name));
    }

    public static Long pg_total_relation_size(String name) {
        return pg_total_relation_size(RegTypeFunctions.regclass(name));
    }

    /** PostgreSQL's pg_size_pretty(bigint): bytes below 10 kB, then the largest unit under 20480, half rounded up. */
    public static String pg_size_pretty(Long size) {
        if (size == null) {
            return null;
        }
        long value = size;
        if (Math.abs(value) < PRETTY_LIMIT) {
            return value + " bytes";
        }
        value >>= 9; // one extra bit for rounding
        int unit = 0;
        while (Math.abs(value) >= PRETTY_LIMIT * 2 - 1 && unit < UNITS.length - 1) {
            value >>= 10;
            unit++;
        }
        long rounded = (value + (value < 0 ? -1 : 1)) / 2;
        return String.format(Locale.ROOT, "%d %s", rounded, UNITS[unit]);
    }

    private static long tableBytes(long oid) {
        QuiverSession session = SessionScope.current();
        TableDefinition table = PgFunctions.catalog(session).tableByOid(oid);
        return table == null ? 0 : session.engine().tableStorage().storageOf(table).estimatedBytes();
    }

    private static long indexBytes(long oid) {
        QuiverSession session = SessionScope.current();
        CatalogState catalog = PgFunctions.catalog(session);
        for (TableDefinition table : catalog.tables()) {
            for (IndexDefinition index : table.indexes()) {
                if (index.oid() == oid) {
                    return session.engine().vectorIndexes().bytesOnDisk(index);
                }
            }
        }
        return 0;
    }
}

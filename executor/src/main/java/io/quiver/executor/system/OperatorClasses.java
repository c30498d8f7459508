package io.quiver.executor.system;

import io.quiver.common.type.PgType;
import io.quiver.index.DistanceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The operator classes pg_opclass lists: btree's default ones for Quiver's types, and pgvector's. */
final class OperatorClasses {
    /** One operator class; Quiver has no operator families, each class is its own. */
    record OperatorClass(long oid, long accessMethod, String name, PgType inputType, boolean isDefault,
                         long family) {
        /** pgvector's classes live where the extension was created, public; PostgreSQL's own in pg_catalog. */
        long namespace() {
            return accessMethod == SystemObjects.BTREE_AM ? SystemObjects.PG_CATALOG_NAMESPACE
                    : SystemObjects.PUBLIC_NAMESPACE;
        }
    }

    private static final List<OperatorClass> ALL = build();

    private OperatorClasses() {
    }

    static List<OperatorClass> all() {
        return ALL;
    }

    /** The default btree operator class of {@code type}, or null (a primary key on it cannot exist). */
    static OperatorClass defaultBtree(PgType type) {
        for (OperatorClass opclass : ALL) {
            if (opclass.accessMethod() == SystemObjects.BTREE_AM && opclass.inputType() == type) {
                return opclass;
            }
        }
        return null;
    }

    private static List<OperatorClass> build() {
        List<OperatorClass> list = new ArrayList<>();
        // PostgreSQL 15's OIDs and families of the default btree classes.
        btree(list, 1978, "int4_ops", PgType.INT4, 1976);
        btree(list, 1979, "int2_ops", PgType.INT2, 1976);
        btree(list, 1981, "oid_ops", PgType.OID, 1989);
        btree(list, 3122, "date_ops", PgType.DATE, 434);
        btree(list, 3123, "float8_ops", PgType.FLOAT8, 1970);
        btree(list, 3124, "int8_ops", PgType.INT8, 1976);
        btree(list, 3125, "numeric_ops", PgType.NUMERIC, 1988);
        btree(list, 3126, "text_ops", PgType.TEXT, 1994);
        btree(list, 3127, "timestamptz_ops", PgType.TIMESTAMPTZ, 434);
        btree(list, 3128, "timestamp_ops", PgType.TIMESTAMP, 434);
        btree(list, 10003, "bool_ops", PgType.BOOL, 424);
        btree(list, 10004, "bpchar_ops", PgType.BPCHAR, 426);
        btree(list, 10006, "bytea_ops", PgType.BYTEA, 428);
        btree(list, 10007, "char_ops", PgType.CHAR, 429);
        btree(list, 10012, "float4_ops", PgType.FLOAT4, 1970);
        btree(list, 10028, "name_ops", PgType.NAME, 1994);
        // varchar has no class of its own: PostgreSQL indexes it with text_ops.
        // vector's classes first, keeping their OIDs; halfvec's, bit's and sparsevec's follow (pg_opclass OIDs need only be
        // unique there).
        long next = SystemObjects.FIRST_VECTOR_OPCLASS;
        for (PgType type : List.of(PgType.VECTOR, PgType.HALFVEC, PgType.BIT, PgType.SPARSEVEC)) {
            for (Map.Entry<Long, String> method : List.of(Map.entry(SystemObjects.IVFFLAT_AM, "ivfflat"),
                    Map.entry(SystemObjects.HNSW_AM, "hnsw"))) {
                for (DistanceKind kind : DistanceKind.values()) {
                    if (!kind.types().contains(type) || !kind.supports(method.getValue(), type)) {
                        continue;
                    }
                    String name = kind.opclass(type);
                    boolean isDefault = method.getKey() == SystemObjects.IVFFLAT_AM && name.equals("vector_l2_ops");
                    list.add(new OperatorClass(next, method.getKey(), name, type, isDefault, next));
                    next++;
                }
            }
        }
        return List.copyOf(list);
    }

    private static void btree(List<OperatorClass> list, long oid, String name, PgType type, long family) {
        list.add(new OperatorClass(oid, SystemObjects.BTREE_AM, name, type, true, family));
    }
}

package io.quiver.executor.system;

import io.quiver.common.type.PgType;
import java.util.Map;

/**
 * What pg_type and pg_attribute say about a type beyond its OID and length: how it is passed and aligned, its
 * category, collation and I/O functions, with PostgreSQL 15's values.
 */
record TypeTraits(boolean byValue, String align, String storage, String category, boolean preferred,
                  String typtype, long collation, String input, String output, String receive, String send) {
    private static final long NAME_COLLATION = 950;

    /** I/O function stems that are not simply the type name ({@code int4in}, {@code int4out}). */
    private static final Map<PgType, String> UNDERSCORED_IO = Map.of(PgType.DATE, "date_", PgType.TIMESTAMP,
            "timestamp_", PgType.TIMESTAMPTZ, "timestamptz_", PgType.INTERVAL, "interval_", PgType.NUMERIC, "numeric_", PgType.VOID, "void_",
            PgType.VECTOR, "vector_", PgType.HALFVEC, "halfvec_", PgType.SPARSEVEC, "sparsevec_");

    static TypeTraits of(PgType type) {
        String typtype = type == PgType.VOID || type == PgType.UNKNOWN ? "p" : "b";
        if (type.isArray()) {
            String align = type.elementType().typlen() == 8 ? "d" : "i";
            return new TypeTraits(false, align, "x", "A", false, typtype, collation(type.elementType()),
                    "array_in", "array_out", "array_recv", "array_send");
        }
        String stem = UNDERSCORED_IO.getOrDefault(type, type.typname());
        return new TypeTraits(byValue(type), align(type), storage(type), category(type), preferred(type), typtype,
                collation(type), stem + "in", stem + "out", stem + "recv", stem + "send");
    }

    private static boolean byValue(PgType type) {
        int length = type.typlen();
        return length == 1 || length == 2 || length == 4 || length == 8;
    }

    private static String align(PgType type) {
        return switch (type.typlen()) {
            case 1, 64 -> "c";
            case 2 -> "s";
            case 8, 16 -> "d";
            default -> "i";
        };
    }

    private static String storage(PgType type) {
        if (type == PgType.VECTOR || type == PgType.HALFVEC || type == PgType.SPARSEVEC) {
            return "e";
        }
        return type.typlen() == -1 ? "x" : "p";
    }

    private static String category(PgType type) {
        return switch (type) {
            case BOOL -> "B";
            case INT2, INT4, INT8, FLOAT4, FLOAT8, NUMERIC, OID, REGCLASS, REGPROC -> "N";
            case TEXT, VARCHAR, BPCHAR, NAME -> "S";
            case DATE, TIMESTAMP, TIMESTAMPTZ -> "D";
            case INTERVAL -> "T";
            case BIT, VARBIT -> "V";
            case INT2VECTOR, OIDVECTOR -> "A";
            case CHAR -> "Z";
            case VOID -> "P";
            case UNKNOWN -> "X";
            default -> "U";
        };
    }

    private static boolean preferred(PgType type) {
        return type == PgType.BOOL || type == PgType.FLOAT8 || type == PgType.OID || type == PgType.TEXT
                || type == PgType.TIMESTAMPTZ;
    }

    private static long collation(PgType type) {
        return switch (type) {
            case TEXT, VARCHAR, BPCHAR -> SystemObjects.DEFAULT_COLLATION;
            case NAME -> NAME_COLLATION;
            default -> 0;
        };
    }
}

package io.quiver.common.type;

import java.util.HashMap;
import java.util.Map;

/**
 * The PostgreSQL types Quiver can put on the wire, with the OIDs PostgreSQL gives them and the Java class
 * that carries their values between the executor and the wire layer.
 *
 * <p>Canonical values: bool {@link Boolean}, int2 {@link Short}, int4 {@link Integer}, int8 {@link Long},
 * float4 {@link Float}, float8 {@link Double}, numeric {@link java.math.BigDecimal}, the text family
 * {@link String}, timestamp {@link java.time.LocalDateTime}, timestamptz {@link java.time.OffsetDateTime},
 * date {@link java.time.LocalDate}, interval {@link PgInterval}, bytea {@code byte[]}, oid {@link Long}, vector and
 * halfvec {@code float[]}, sparsevec {@link io.quiver.common.vector.SparseVector}, bit and varbit {@link PgBitString},
 * arrays {@code Object[]} of their element's canonical class.
 */
public enum PgType {
    BOOL(16, "bool", 1, 1000),
    BYTEA(17, "bytea", -1, 1001),
    CHAR(18, "char", 1, 1002),
    NAME(19, "name", 64, 1003),
    INT8(20, "int8", 8, 1016),
    INT2(21, "int2", 2, 1005),
    INT2VECTOR(22, "int2vector", -1, 1006),
    INT4(23, "int4", 4, 1007),
    REGPROC(24, "regproc", 4, 1008),
    TEXT(25, "text", -1, 1009),
    OID(26, "oid", 4, 1028),
    OIDVECTOR(30, "oidvector", -1, 1013),
    FLOAT4(700, "float4", 4, 1021),
    FLOAT8(701, "float8", 8, 1022),
    UNKNOWN(705, "unknown", -2, 0),
    BPCHAR(1042, "bpchar", -1, 1014),
    VARCHAR(1043, "varchar", -1, 1015),
    DATE(1082, "date", 4, 1182),
    TIMESTAMP(1114, "timestamp", 8, 1115),
    TIMESTAMPTZ(1184, "timestamptz", 8, 1185),
    INTERVAL(1186, "interval", 16, 1187),
    NUMERIC(1700, "numeric", -1, 1231),
    REGCLASS(2205, "regclass", 4, 2210),
    VOID(2278, "void", 4, 0),
    /** pgvector's {@code vector}; PostgreSQL assigns extension types an OID at install time, Quiver fixes one. */
    VECTOR(16385, "vector", -1, 16386),
    /** pgvector's {@code halfvec}; values are {@code float[]} holding half-precision values exactly. */
    HALFVEC(16387, "halfvec", -1, 16388),
    /** pgvector's {@code sparsevec}; values are {@link io.quiver.common.vector.SparseVector}. */
    SPARSEVEC(16389, "sparsevec", -1, 16390),
    BIT(1560, "bit", -1, 1561),
    VARBIT(1562, "varbit", -1, 1563),

    BOOL_ARRAY(1000, "_bool", -1, 0),
    INT2_ARRAY(1005, "_int2", -1, 0),
    INT4_ARRAY(1007, "_int4", -1, 0),
    INT8_ARRAY(1016, "_int8", -1, 0),
    TEXT_ARRAY(1009, "_text", -1, 0),
    NAME_ARRAY(1003, "_name", -1, 0),
    OID_ARRAY(1028, "_oid", -1, 0),
    FLOAT4_ARRAY(1021, "_float4", -1, 0),
    FLOAT8_ARRAY(1022, "_float8", -1, 0),
    NUMERIC_ARRAY(1231, "_numeric", -1, 0),
    VARCHAR_ARRAY(1015, "_varchar", -1, 0),
    CHAR_ARRAY(1002, "_char", -1, 0),
    VECTOR_ARRAY(16386, "_vector", -1, 0),
    HALFVEC_ARRAY(16388, "_halfvec", -1, 0),
    SPARSEVEC_ARRAY(16390, "_sparsevec", -1, 0),
    BIT_ARRAY(1561, "_bit", -1, 0),
    VARBIT_ARRAY(1563, "_varbit", -1, 0);

    private static final Map<Integer, PgType> BY_OID = new HashMap<>();
    private static final Map<String, PgType> BY_NAME = new HashMap<>();

    static {
        for (PgType t : values()) {
            BY_OID.put(t.oid, t);
            BY_NAME.put(t.typname, t);
        }
    }

    private final int oid;
    private final String typname;
    private final short typlen;
    private final int arrayOid;

    PgType(int oid, String typname, int typlen, int arrayOid) {
        this.oid = oid;
        this.typname = typname;
        this.typlen = (short) typlen;
        this.arrayOid = arrayOid;
    }

    public int oid() {
        return oid;
    }

    /** The name in {@code pg_type.typname}. */
    public String typname() {
        return typname;
    }

    /** {@code pg_type.typlen}: the fixed size in bytes, -1 for varlena, -2 for C strings. */
    public short typlen() {
        return typlen;
    }

    /** The OID of the array type whose elements are this type, 0 if there is none. */
    public int arrayOid() {
        return arrayOid;
    }

    /**
     * The name PostgreSQL prints for the type without a modifier, as format_type() and regtype output print
     * it ({@code integer}, {@code timestamp with time zone}, {@code vector[]}).
     */
    public String formatName() {
        if (isArray()) {
            return elementType().formatName() + "[]";
        }
        return switch (this) {
            case BOOL -> "boolean";
            case INT2 -> "smallint";
            case INT4 -> "integer";
            case INT8 -> "bigint";
            case FLOAT4 -> "real";
            case FLOAT8 -> "double precision";
            case VARCHAR -> "character varying";
            case TIMESTAMP -> "timestamp without time zone";
            case TIMESTAMPTZ -> "timestamp with time zone";
            case CHAR -> "\"char\"";
            case VARBIT -> "bit varying";
            default -> typname;
        };
    }

    public boolean isArray() {
        return typname.startsWith("_");
    }

    /** The element type of an array type. */
    public PgType elementType() {
        if (!isArray()) {
            throw new IllegalStateException(typname + " is not an array type");
        }
        return BY_NAME.get(typname.substring(1));
    }

    /** The array type of this element type, or null. */
    public PgType arrayType() {
        return BY_OID.get(arrayOid);
    }

    public static PgType byOid(int oid) {
        return BY_OID.get(oid);
    }

    public static PgType byName(String typname) {
        return BY_NAME.get(typname);
    }
}

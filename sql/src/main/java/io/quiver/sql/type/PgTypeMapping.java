package io.quiver.sql.type;

import io.quiver.common.type.PgType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/** Maps Calcite types to the PostgreSQL types clients see, and client-declared parameter types back. */
public final class PgTypeMapping {
    /** PostgreSQL stores a length or precision typmod with this offset (VARHDRSZ). */
    private static final int VARHDRSZ = 4;

    private PgTypeMapping() {
    }

    /** The PostgreSQL type of a result column or parameter of Calcite type {@code type}. */
    public static PgColumnType toPg(RelDataType type) {
        if (type instanceof VectorSqlType vector) {
            return new PgColumnType(vector.kind(), vector.dimension());
        }
        if (type instanceof BitSqlType bits) {
            return new PgColumnType(bits.isVarying() ? PgType.VARBIT : PgType.BIT, bits.length());
        }
        if (SqlTypeUtil.isInterval(type)) {
            return PgColumnType.of(PgType.INTERVAL);
        }
        return switch (type.getSqlTypeName()) {
            case BOOLEAN -> PgColumnType.of(PgType.BOOL);
            case TINYINT, SMALLINT -> PgColumnType.of(PgType.INT2);
            case INTEGER -> PgColumnType.of(PgType.INT4);
            case BIGINT -> PgColumnType.of(PgType.INT8);
            case REAL -> PgColumnType.of(PgType.FLOAT4);
            case FLOAT, DOUBLE -> PgColumnType.of(PgType.FLOAT8);
            case DECIMAL -> numeric(type);
            // Calcite types the literal 'abc' as char(3); PostgreSQL reports text for it.
            case CHAR -> PgColumnType.of(PgType.TEXT);
            case VARCHAR -> type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED
                    ? PgColumnType.of(PgType.TEXT)
                    : new PgColumnType(PgType.VARCHAR, type.getPrecision() + VARHDRSZ);
            case BINARY, VARBINARY -> PgColumnType.of(PgType.BYTEA);
            case DATE -> PgColumnType.of(PgType.DATE);
            case TIMESTAMP -> PgColumnType.of(PgType.TIMESTAMP);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> PgColumnType.of(PgType.TIMESTAMPTZ);
            case ARRAY -> array(type);
            default -> PgColumnType.of(PgType.TEXT);
        };
    }

    private static PgColumnType numeric(RelDataType type) {
        if (type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED) {
            return PgColumnType.of(PgType.NUMERIC);
        }
        int scale = Math.max(type.getScale(), 0);
        return new PgColumnType(PgType.NUMERIC, ((type.getPrecision() << 16) | scale) + VARHDRSZ);
    }

    private static PgColumnType array(RelDataType type) {
        PgType arrayType = toPg(type.getComponentType()).type().arrayType();
        return PgColumnType.of(arrayType == null ? PgType.TEXT_ARRAY : arrayType);
    }

    /**
     * The Calcite type, nullable, of a parameter or column the client declared as {@code type} with
     * {@code typmod} (-1 for none).
     */
    public static RelDataType toRel(RelDataTypeFactory typeFactory, PgType type, int typmod) {
        return typeFactory.createTypeWithNullability(notNullType(typeFactory, type, typmod), true);
    }

    private static RelDataType notNullType(RelDataTypeFactory typeFactory, PgType type, int typmod) {
        if (type.isArray()) {
            return typeFactory.createArrayType(toRel(typeFactory, type.elementType(), PgColumnType.NO_TYPMOD), -1);
        }
        return switch (type) {
            case VECTOR, HALFVEC, SPARSEVEC -> ((QuiverTypeFactory) typeFactory).createVectorType(type,
                    typmod > 0 ? typmod : VectorSqlType.ANY_DIMENSION);
            case BIT, VARBIT -> ((QuiverTypeFactory) typeFactory).createBitType(type == PgType.VARBIT,
                    typmod > 0 ? typmod : BitSqlType.ANY_LENGTH);
            case BOOL -> typeFactory.createSqlType(SqlTypeName.BOOLEAN);
            case INT2 -> typeFactory.createSqlType(SqlTypeName.SMALLINT);
            case INT4 -> typeFactory.createSqlType(SqlTypeName.INTEGER);
            case INT8, OID, REGCLASS, REGPROC -> typeFactory.createSqlType(SqlTypeName.BIGINT);
            case FLOAT4 -> typeFactory.createSqlType(SqlTypeName.REAL);
            case FLOAT8 -> typeFactory.createSqlType(SqlTypeName.DOUBLE);
            case NUMERIC -> typmod < VARHDRSZ
                    ? typeFactory.createSqlType(SqlTypeName.DECIMAL)
                    : typeFactory.createSqlType(SqlTypeName.DECIMAL, (typmod - VARHDRSZ) >> 16,
                            (typmod - VARHDRSZ) & 0xffff);
            case VARCHAR -> typmod < VARHDRSZ
                    ? typeFactory.createSqlType(SqlTypeName.VARCHAR)
                    : typeFactory.createSqlType(SqlTypeName.VARCHAR, typmod - VARHDRSZ);
            case BPCHAR, CHAR -> typmod < VARHDRSZ
                    ? typeFactory.createSqlType(SqlTypeName.CHAR)
                    : typeFactory.createSqlType(SqlTypeName.CHAR, typmod - VARHDRSZ);
            case BYTEA -> typeFactory.createSqlType(SqlTypeName.VARBINARY);
            case DATE -> typeFactory.createSqlType(SqlTypeName.DATE);
            case TIMESTAMP -> typeFactory.createSqlType(SqlTypeName.TIMESTAMP);
            case TIMESTAMPTZ -> typeFactory.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE);
            // Calcite reads an interval parameter's value as a count of its last field (seconds), so an interval
            // parameter arrives as its text and is read by the cast that types it ($1::interval).
            case INTERVAL -> typeFactory.createSqlType(SqlTypeName.VARCHAR);
            // Arrays to PostgreSQL too (pgjdbc's getIndexInfo expands and subscripts pg_index.indkey).
            case INT2VECTOR -> typeFactory.createArrayType(typeFactory.createSqlType(SqlTypeName.SMALLINT), -1);
            case OIDVECTOR -> typeFactory.createArrayType(typeFactory.createSqlType(SqlTypeName.BIGINT), -1);
            default -> typeFactory.createSqlType(SqlTypeName.VARCHAR);
        };
    }
}

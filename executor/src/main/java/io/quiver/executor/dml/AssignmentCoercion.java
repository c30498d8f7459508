package io.quiver.executor.dml;

import io.quiver.catalog.ColumnDefinition;
import io.quiver.catalog.SqlType;
import io.quiver.catalog.TableDefinition;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import io.quiver.common.type.PgBitString;
import io.quiver.common.vector.HalfvecText;
import io.quiver.common.vector.SparseVector;
import io.quiver.common.vector.SparsevecText;
import io.quiver.common.vector.VectorText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.calcite.sql.SqlNode;

/**
 * Stores a computed value into a column as PostgreSQL's assignment does: range and length checks that a
 * plain CAST would skip (Calcite truncates strings and wraps integers; PostgreSQL raises errors), and NOT NULL.
 */
public final class AssignmentCoercion {
    private static final int VARHDRSZ = 4;

    private AssignmentCoercion() {
    }

    /** The type a value is CAST to inside the plan before {@link #assign} finishes the job, or null for none. */
    public static String castTarget(SqlType type) {
        PgType pg = type.type();
        return switch (pg) {
            case INT2, INT4, INT8 -> "BIGINT";
            case FLOAT4 -> "REAL";
            case FLOAT8 -> "DOUBLE";
            // Lossless: Calcite's cast would round half-even, PostgreSQL rounds half away from zero (see numeric()).
            case NUMERIC -> "DECIMAL(1000, 500)";
            case TEXT, VARCHAR, BPCHAR, NAME -> "VARCHAR";
            case BOOL -> "BOOLEAN";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
            case TIMESTAMPTZ -> "TIMESTAMP WITH LOCAL TIME ZONE";
            case BYTEA -> "VARBINARY";
            case VECTOR, HALFVEC, SPARSEVEC -> type.displayName();
            // Without a length: the plan's CAST would pad or truncate, an assignment checks the length instead.
            case BIT, VARBIT -> "varbit";
            default -> null;
        };
    }

    /** {@code value} cast inside the plan for storing into {@code column}, with PostgreSQL's assignment rules. */
    static SqlNode castFor(SqlNodes nodes, SqlNode value, ColumnDefinition column) {
        return nodes.assign(value, castTarget(column.type()), column.name(),
                column.type().displayName().replaceAll("\\(.*\\)", ""));
    }

    /** Checks and converts a plan's value (canonical, already cast) into the value to store. */
    public static Object assign(TableDefinition table, int columnIndex, Object value) {
        ColumnDefinition column = table.column(columnIndex);
        SqlType type = column.type();
        if (value == null) {
            if (column.notNull()) {
                throw QuiverException.of(SqlState.NOT_NULL_VIOLATION,
                        "null value in column \"%s\" of relation \"%s\" violates not-null constraint",
                        column.name(), table.name());
            }
            return null;
        }
        return switch (type.type()) {
            case INT2 -> (short) checkRange(value, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
            case INT4 -> (int) checkRange(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
            case INT8 -> checkRange(value, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
            case VARCHAR, BPCHAR -> checkLength(type, value.toString());
            case NUMERIC -> numeric(type, value);
            case VECTOR -> vector(type, value);
            case HALFVEC -> value instanceof float[] v ? checkDimension(type, v.length, v)
                    : HalfvecText.parse(value.toString(), type.typmod());
            case SPARSEVEC -> value instanceof SparseVector v ? checkDimension(type, v.dimensions(), v)
                    : SparsevecText.parse(value.toString(), type.typmod());
            case BIT, VARBIT -> (value instanceof PgBitString bits ? bits : PgBitString.parse(value.toString()))
                    .withLength(type.typmod(), type.type() == PgType.VARBIT, false);
            default -> value;
        };
    }

    private static long checkRange(Object value, long min, long max, String typeName) {
        if (value instanceof BigDecimal decimal) {
            BigDecimal rounded = decimal.setScale(0, RoundingMode.HALF_UP);
            if (rounded.compareTo(BigDecimal.valueOf(min)) < 0 || rounded.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw outOfRange(typeName);
            }
            return rounded.longValue();
        }
        long v = ((Number) value).longValue();
        if (v < min || v > max) {
            throw outOfRange(typeName);
        }
        return v;
    }

    private static QuiverException outOfRange(String typeName) {
        return QuiverException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "%s out of range", typeName);
    }

    private static String checkLength(SqlType type, String value) {
        if (type.typmod() < VARHDRSZ) {
            return value;
        }
        int max = type.typmod() - VARHDRSZ;
        String trimmed = value;
        if (value.codePointCount(0, value.length()) > max) {
            // PostgreSQL lets trailing spaces be cut, anything else is an error.
            trimmed = value.stripTrailing();
            if (trimmed.codePointCount(0, trimmed.length()) > max) {
                throw QuiverException.of(SqlState.STRING_DATA_RIGHT_TRUNCATION, "value too long for type %s",
                        type.displayName());
            }
        }
        if (type.type() == PgType.BPCHAR) {
            StringBuilder padded = new StringBuilder(trimmed);
            while (padded.codePointCount(0, padded.length()) < max) {
                padded.append(' ');
            }
            return padded.toString();
        }
        return trimmed;
    }

    private static BigDecimal numeric(SqlType type, Object value) {
        BigDecimal decimal = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        if (type.typmod() < VARHDRSZ) {
            BigDecimal stripped = decimal.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
        int precision = (type.typmod() - VARHDRSZ) >> 16;
        int scale = (type.typmod() - VARHDRSZ) & 0xffff;
        BigDecimal rounded = decimal.setScale(scale, RoundingMode.HALF_UP); // half away from zero, as PostgreSQL
        if (rounded.precision() - rounded.scale() > precision - scale && rounded.signum() != 0) {
            throw new QuiverException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow",
                    String.format("A field with precision %d, scale %d must round to an absolute value less than "
                            + "10^%d.", precision, scale, precision - scale), null, 0, null);
        }
        return rounded;
    }

    private static float[] vector(SqlType type, Object value) {
        float[] vector = value instanceof float[] v ? v : VectorText.parse(value.toString());
        return checkDimension(type, vector.length, vector);
    }

    /** pgvector's CheckExpectedDim of a value of {@code dimensions} stored into a column of {@code type}. */
    private static <T> T checkDimension(SqlType type, int dimensions, T value) {
        if (type.typmod() > 0 && dimensions != type.typmod()) {
            throw QuiverException.of(SqlState.DATA_EXCEPTION, "expected %d dimensions, not %d", type.typmod(),
                    dimensions);
        }
        return value;
    }
}

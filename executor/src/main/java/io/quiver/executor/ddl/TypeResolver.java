package io.quiver.executor.ddl;

import io.quiver.catalog.SqlType;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgBitString;
import io.quiver.common.type.PgType;
import io.quiver.common.vector.HalfvecText;
import io.quiver.common.vector.SparseVector;
import io.quiver.common.vector.VectorText;
import io.quiver.sql.utility.TypeName;
import java.util.List;
import java.util.function.IntConsumer;

/** Turns a type as written in DDL into a {@link SqlType}, checking modifiers as PostgreSQL does. */
public final class TypeResolver {
    private static final int NUMERIC_MAX_PRECISION = 1000;
    private static final int VARCHAR_MAX_LENGTH = 10485760;
    /** PostgreSQL stores varlena modifiers with this header added. */
    private static final int VARHDRSZ = 4;

    private TypeResolver() {
    }

    public static SqlType resolve(TypeName name) {
        SqlType base = resolveBase(name.name(), name.modifiers());
        if (name.arrayDimensions() == 0) {
            return base;
        }
        PgType array = base.type().arrayType();
        if (array == null) {
            throw QuiverException.of(SqlState.UNDEFINED_OBJECT, "type \"%s[]\" does not exist", name.name());
        }
        return new SqlType(array, base.typmod());
    }

    private static SqlType resolveBase(String name, List<Integer> modifiers) {
        return switch (name) {
            case "vector" -> vector(modifiers);
            case "halfvec" -> dimensioned(PgType.HALFVEC, modifiers, HalfvecText::checkTypmod);
            case "sparsevec" -> dimensioned(PgType.SPARSEVEC, modifiers, SparseVector::checkTypmod);
            case "bit" -> bitString(PgType.BIT, "bit", modifiers);
            case "varbit" -> bitString(PgType.VARBIT, "varbit", modifiers);
            case "numeric" -> numeric(modifiers);
            case "varchar" -> characterType(PgType.VARCHAR, "varchar", modifiers, -1);
            case "bpchar" -> characterType(PgType.BPCHAR, "char", modifiers, 1);
            default -> plain(name, modifiers);
        };
    }

    private static SqlType plain(String name, List<Integer> modifiers) {
        PgType type = switch (name) {
            case "int2", "int4", "int8", "float4", "float8", "bool", "text", "date", "timestamp", "timestamptz",
                 "bytea", "name", "oid" -> PgType.byName(name);
            default -> null;
        };
        if (type == null) {
            throw QuiverException.of(SqlState.UNDEFINED_OBJECT, "type \"%s\" does not exist", name);
        }
        boolean takesPrecision = type == PgType.TIMESTAMP || type == PgType.TIMESTAMPTZ;
        if (!modifiers.isEmpty() && !takesPrecision) {
            throw QuiverException.of(SqlState.SYNTAX_ERROR, "type modifier is not allowed for type \"%s\"", name);
        }
        return SqlType.of(type);
    }

    private static SqlType vector(List<Integer> modifiers) {
        if (modifiers.isEmpty()) {
            return new SqlType(PgType.VECTOR, -1);
        }
        if (modifiers.size() > 1) {
            throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "invalid type modifier");
        }
        VectorText.checkTypmod(modifiers.get(0));
        return SqlType.vector(modifiers.get(0));
    }

    /** halfvec(n) and sparsevec(n): pgvector's typmod is the dimension, checked by the type's typmod_in. */
    private static SqlType dimensioned(PgType type, List<Integer> modifiers, IntConsumer checkTypmod) {
        if (modifiers.isEmpty()) {
            return SqlType.of(type);
        }
        if (modifiers.size() > 1) {
            throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "invalid type modifier");
        }
        checkTypmod.accept(modifiers.get(0));
        return new SqlType(type, modifiers.get(0));
    }

    /** bit(n) and bit varying(n), whose typmod is the length in bits (bittypmodin, varbittypmodin). */
    private static SqlType bitString(PgType type, String spelled, List<Integer> modifiers) {
        if (modifiers.isEmpty()) {
            return SqlType.of(type);
        }
        if (modifiers.size() > 1) {
            throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid type modifier");
        }
        int length = modifiers.get(0);
        if (length < 1) {
            throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE, "length for type %s must be at least 1",
                    spelled);
        }
        if (length > PgBitString.MAX_LENGTH) {
            throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE, "length for type %s cannot exceed %d",
                    spelled, PgBitString.MAX_LENGTH);
        }
        return new SqlType(type, length);
    }

    private static SqlType numeric(List<Integer> modifiers) {
        if (modifiers.isEmpty()) {
            return SqlType.of(PgType.NUMERIC);
        }
        if (modifiers.size() > 2) {
            throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "invalid NUMERIC type modifier");
        }
        int precision = modifiers.get(0);
        int scale = modifiers.size() == 2 ? modifiers.get(1) : 0;
        if (precision < 1 || precision > NUMERIC_MAX_PRECISION) {
            throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "NUMERIC precision %d must be between 1 and %d", precision, NUMERIC_MAX_PRECISION);
        }
        if (scale < 0 || scale > precision) {
            throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "NUMERIC scale %d must be between 0 and precision %d", scale, precision);
        }
        return new SqlType(PgType.NUMERIC, ((precision << 16) | scale) + VARHDRSZ);
    }

    private static SqlType characterType(PgType type, String spelled, List<Integer> modifiers, int defaultLength) {
        if (modifiers.isEmpty()) {
            return new SqlType(type, defaultLength < 0 ? -1 : defaultLength + VARHDRSZ);
        }
        int length = modifiers.get(0);
        if (length < 1) {
            throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE, "length for type %s must be at least 1",
                    spelled);
        }
        if (length > VARCHAR_MAX_LENGTH) {
            throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE, "length for type %s cannot exceed %d",
                    spelled, VARCHAR_MAX_LENGTH);
        }
        return new SqlType(type, length + VARHDRSZ);
    }
}

package io.quiver.sql.type;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgBitString;
import io.quiver.common.type.PgType;
import io.quiver.common.vector.HalfvecText;
import io.quiver.common.vector.SparseVector;
import io.quiver.common.vector.VectorText;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Resolves the PostgreSQL type names Calcite's grammar does not know ({@code text}, {@code int4},
 * {@code float8}, {@code bool}, {@code oid}, {@code vector(3)}, ...) to Calcite types. Names Calcite knows as
 * keywords ({@code integer}, {@code double precision}, {@code varchar(n)}, {@code numeric(p,s)}) never get here.
 */
public final class PgTypeNames {
    private static final List<String> TRANSPARENT_SCHEMAS = List.of("pg_catalog", "public");

    private PgTypeNames() {
    }

    /**
     * The type named {@code name} (possibly schema-qualified) with the given type modifiers, not null.
     *
     * @throws QuiverException 42704 when there is no such type
     */
    public static RelDataType resolve(RelDataTypeFactory typeFactory, List<String> name, List<Integer> modifiers) {
        String simpleName = simpleName(name);
        switch (simpleName) {
            case "vector" -> {
                return vector(typeFactory, PgType.VECTOR, modifiers, VectorText::checkTypmod);
            }
            case "halfvec" -> {
                return vector(typeFactory, PgType.HALFVEC, modifiers, HalfvecText::checkTypmod);
            }
            case "sparsevec" -> {
                return vector(typeFactory, PgType.SPARSEVEC, modifiers, SparseVector::checkTypmod);
            }
            case "bit", "varbit" -> {
                return bit(typeFactory, simpleName, modifiers);
            }
            default -> {
            }
        }
        if (simpleName.equals("interval") && modifiers.isEmpty()) {
            return PgIntervalTypes.dayTime(typeFactory);
        }
        SqlTypeName sqlTypeName = basicTypeName(simpleName);
        if (sqlTypeName == null) {
            throw QuiverException.of(SqlState.UNDEFINED_OBJECT, "type \"%s\" does not exist", String.join(".", name));
        }
        return switch (modifiers.size()) {
            case 0 -> typeFactory.createSqlType(sqlTypeName);
            case 1 -> typeFactory.createSqlType(sqlTypeName, modifiers.get(0));
            default -> typeFactory.createSqlType(sqlTypeName, modifiers.get(0), modifiers.get(1));
        };
    }

    private static String simpleName(List<String> name) {
        if (name.size() == 2 && TRANSPARENT_SCHEMAS.contains(name.get(0).toLowerCase(Locale.ROOT))) {
            return name.get(1).toLowerCase(Locale.ROOT);
        }
        if (name.size() != 1) {
            throw QuiverException.of(SqlState.UNDEFINED_OBJECT, "type \"%s\" does not exist", String.join(".", name));
        }
        return name.get(0).toLowerCase(Locale.ROOT);
    }

    private static RelDataType vector(RelDataTypeFactory typeFactory, PgType kind, List<Integer> modifiers,
            IntConsumer checkTypmod) {
        if (modifiers.size() > 1) {
            throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "invalid type modifier");
        }
        int dimension = VectorSqlType.ANY_DIMENSION;
        if (modifiers.size() == 1) {
            dimension = modifiers.get(0);
            checkTypmod.accept(dimension);
        }
        return ((QuiverTypeFactory) typeFactory).createVectorType(kind, dimension);
    }

    /** bit(n) and varbit(n); a plain {@code bit} is bit(1), as PostgreSQL reads it. */
    private static RelDataType bit(RelDataTypeFactory typeFactory, String name, List<Integer> modifiers) {
        boolean varying = name.equals("varbit");
        if (modifiers.size() > 1) {
            throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "invalid type modifier");
        }
        int length = varying ? BitSqlType.ANY_LENGTH : 1;
        if (modifiers.size() == 1) {
            length = modifiers.get(0);
            if (length < 1) {
                throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE, "length for type %s must be at least 1",
                        name);
            }
            if (length > PgBitString.MAX_LENGTH) {
                throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE, "length for type %s cannot exceed %d",
                        name, PgBitString.MAX_LENGTH);
            }
        }
        return ((QuiverTypeFactory) typeFactory).createBitType(varying, length);
    }

    private static SqlTypeName basicTypeName(String name) {
        return switch (name) {
            case "int", "int4", "integer" -> SqlTypeName.INTEGER;
            case "int2", "smallint" -> SqlTypeName.SMALLINT;
            case "int8", "bigint" -> SqlTypeName.BIGINT;
            case "float4", "real" -> SqlTypeName.REAL;
            case "float8", "double" -> SqlTypeName.DOUBLE;
            case "numeric", "decimal" -> SqlTypeName.DECIMAL;
            case "text", "name", "varchar" -> SqlTypeName.VARCHAR;
            case "bpchar", "char" -> SqlTypeName.CHAR;
            case "bool", "boolean" -> SqlTypeName.BOOLEAN;
            // PostgreSQL OIDs are unsigned 32-bit, so they need a Java long.
            case "oid", "regclass", "regproc", "regtype", "regnamespace" -> SqlTypeName.BIGINT;
            case "bytea" -> SqlTypeName.VARBINARY;
            case "date" -> SqlTypeName.DATE;
            case "timestamp" -> SqlTypeName.TIMESTAMP;
            case "timestamptz" -> SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
            default -> SqlTypeName.get(name.toUpperCase(Locale.ROOT));
        };
    }
}

package io.quiver.sql.type;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/** Calcite's type system adjusted to PostgreSQL's rules where query results would otherwise differ. */
public final class QuiverTypeSystem extends RelDataTypeSystemImpl {
    public static final QuiverTypeSystem INSTANCE = new QuiverTypeSystem();
    private static final int NUMERIC_MAX_DIGITS = 1000;

    private QuiverTypeSystem() {
    }

    /** PostgreSQL's sum(int2) and sum(int4) are int8, so that sums of many rows do not overflow. */
    @Override
    public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        return switch (argumentType.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER -> typeFactory.createTypeWithNullability(
                    typeFactory.createSqlType(SqlTypeName.BIGINT), argumentType.isNullable());
            default -> super.deriveSumType(typeFactory, argumentType);
        };
    }

    /**
     * PostgreSQL's avg of integers or numerics is an unconstrained numeric (avg(int) of 1 and 2 is 1.5), of
     * float4 or float8 a float8.
     */
    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        SqlTypeName result = switch (argumentType.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL -> SqlTypeName.DECIMAL;
            case REAL, FLOAT, DOUBLE -> SqlTypeName.DOUBLE;
            default -> null;
        };
        return result == null ? super.deriveAvgAggType(typeFactory, argumentType)
                : typeFactory.createTypeWithNullability(typeFactory.createSqlType(result), argumentType.isNullable());
    }

    /** Whether {@code type} is numeric without a precision and scale: Calcite's DECIMAL with its defaults. */
    public static boolean isUnconstrainedNumeric(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.DECIMAL && type.getPrecision() == NUMERIC_MAX_DIGITS
                && type.getScale() == 0;
    }

    /** PostgreSQL's numeric holds up to 1000 digits, any of them after the point. */
    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? NUMERIC_MAX_DIGITS : super.getMaxPrecision(typeName);
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? NUMERIC_MAX_DIGITS : super.getMaxScale(typeName);
    }

    /** UNION of 'a' and 'bb' is text in PostgreSQL, not a blank-padded char(2). */
    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }
}

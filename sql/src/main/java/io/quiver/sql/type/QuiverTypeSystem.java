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

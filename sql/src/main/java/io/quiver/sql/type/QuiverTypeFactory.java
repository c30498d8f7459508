package io.quiver.sql.type;

import java.lang.reflect.Type;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeMappingRule;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's Java type factory taught Quiver's types: it creates and canonizes {@link VectorSqlType}s and maps
 * them to {@code float[]} for Enumerable code generation.
 */
public class QuiverTypeFactory extends JavaTypeFactoryImpl {
    public QuiverTypeFactory() {
        this(QuiverTypeSystem.INSTANCE);
    }

    public QuiverTypeFactory(RelDataTypeSystem typeSystem) {
        super(typeSystem);
    }

    /** {@code vector(dimension)}, not null; {@link VectorSqlType#ANY_DIMENSION} for a plain {@code vector}. */
    public RelDataType createVectorType(int dimension) {
        return canonize(new VectorSqlType(dimension, false));
    }

    /** An array of {@code componentType} as PostgreSQL's {@code type[]}: arrays of unknown length. */
    public RelDataType createPgArrayType(RelDataType componentType) {
        return createArrayType(componentType, -1);
    }

    @Override
    public RelDataType createTypeWithNullability(RelDataType type, boolean nullable) {
        if (type instanceof VectorSqlType vector) {
            return vector.isNullable() == nullable ? type : canonize(new VectorSqlType(vector.dimension(), nullable));
        }
        return super.createTypeWithNullability(type, nullable);
    }

    @Override
    public Type getJavaClass(RelDataType type) {
        if (type instanceof VectorSqlType) {
            return float[].class;
        }
        return super.getJavaClass(type);
    }

    /**
     * Vectors combine only with vectors (in UNION, CASE, VALUES): the common type keeps the dimension when all
     * agree, as PostgreSQL keeps the typmod only when every input has the same one.
     */
    @Override
    public @Nullable RelDataType leastRestrictive(List<RelDataType> types, SqlTypeMappingRule mappingRule) {
        if (types.stream().noneMatch(VectorSqlType.class::isInstance)) {
            return super.leastRestrictive(types, mappingRule);
        }
        int dimension = VectorSqlType.ANY_DIMENSION;
        boolean nullable = false;
        for (int i = 0; i < types.size(); i++) {
            RelDataType type = types.get(i);
            nullable |= type.isNullable();
            if (type.getSqlTypeName() == SqlTypeName.NULL) {
                continue;
            }
            if (!(type instanceof VectorSqlType vector)) {
                return null;
            }
            dimension = i == 0 || vector.dimension() == dimension ? vector.dimension() : VectorSqlType.ANY_DIMENSION;
        }
        return createTypeWithNullability(createVectorType(dimension), nullable);
    }
}

package io.quiver.sql.type;

import io.quiver.common.type.PgBitString;
import io.quiver.common.type.PgType;
import io.quiver.common.vector.SparseVector;
import io.quiver.common.vector.VectorSortKey;
import java.lang.reflect.Type;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeMappingRule;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's Java type factory taught Quiver's types: it creates and canonizes {@link VectorSqlType}s and
 * {@link BitSqlType}s and maps them to their run-time classes for Enumerable code generation.
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
        return createVectorType(PgType.VECTOR, dimension);
    }

    /** {@code kind(dimension)} of pgvector's vector, halfvec or sparsevec, not null. */
    public RelDataType createVectorType(PgType kind, int dimension) {
        return canonize(new VectorSqlType(kind, dimension, false));
    }

    /** The type of {@link VectorSortKey}s, not null. */
    public RelDataType createVectorSortKeyType() {
        return canonize(new VectorSortKeyType(false));
    }

    /** {@code bit(length)} or {@code bit varying(length)}, not null; length {@link BitSqlType#ANY_LENGTH} for none. */
    public RelDataType createBitType(boolean varying, int length) {
        return canonize(new BitSqlType(varying, length, false));
    }

    /** An array of {@code componentType} as PostgreSQL's {@code type[]}: arrays of unknown length. */
    public RelDataType createPgArrayType(RelDataType componentType) {
        return createArrayType(componentType, -1);
    }

    @Override
    public RelDataType createTypeWithNullability(RelDataType type, boolean nullable) {
        if (type instanceof VectorSqlType vector) {
            return vector.isNullable() == nullable ? type
                    : canonize(new VectorSqlType(vector.kind(), vector.dimension(), nullable));
        }
        if (type instanceof VectorSortKeyType key) {
            return key.isNullable() == nullable ? type : canonize(new VectorSortKeyType(nullable));
        }
        if (type instanceof BitSqlType bits) {
            return bits.isNullable() == nullable ? type
                    : canonize(new BitSqlType(bits.isVarying(), bits.length(), nullable));
        }
        return super.createTypeWithNullability(type, nullable);
    }

    @Override
    public Type getJavaClass(RelDataType type) {
        if (type instanceof VectorSqlType vector) {
            return vector.isSparse() ? SparseVector.class : float[].class;
        }
        if (type instanceof BitSqlType) {
            return PgBitString.class;
        }
        if (type instanceof VectorSortKeyType) {
            return VectorSortKey.class;
        }
        return super.getJavaClass(type);
    }

    /**
     * Vectors combine only with vectors of their kind (in UNION, CASE, VALUES): the common type keeps the
     * dimension when all agree, as PostgreSQL keeps the typmod only when every input has the same one. Bit
     * strings likewise.
     */
    @Override
    public @Nullable RelDataType leastRestrictive(List<RelDataType> types, SqlTypeMappingRule mappingRule) {
        if (types.stream().anyMatch(BitSqlType.class::isInstance)) {
            return leastRestrictiveBits(types);
        }
        if (types.stream().noneMatch(VectorSqlType.class::isInstance)) {
            return super.leastRestrictive(types, mappingRule);
        }
        PgType kind = types.stream().filter(VectorSqlType.class::isInstance)
                .map(type -> ((VectorSqlType) type).kind()).findFirst().orElseThrow();
        int dimension = VectorSqlType.ANY_DIMENSION;
        boolean nullable = false;
        for (int i = 0; i < types.size(); i++) {
            RelDataType type = types.get(i);
            nullable |= type.isNullable();
            if (type.getSqlTypeName() == SqlTypeName.NULL) {
                continue;
            }
            if (!(type instanceof VectorSqlType vector) || vector.kind() != kind) {
                return null;
            }
            dimension = i == 0 || vector.dimension() == dimension ? vector.dimension() : VectorSqlType.ANY_DIMENSION;
        }
        return createTypeWithNullability(createVectorType(kind, dimension), nullable);
    }

    private @Nullable RelDataType leastRestrictiveBits(List<RelDataType> types) {
        boolean varying = false;
        Integer length = null;
        boolean nullable = false;
        for (RelDataType type : types) {
            nullable |= type.isNullable();
            if (type.getSqlTypeName() == SqlTypeName.NULL) {
                continue;
            }
            if (!(type instanceof BitSqlType bits)) {
                return null;
            }
            varying |= bits.isVarying();
            length = length == null || length == bits.length() ? Integer.valueOf(bits.length()) : BitSqlType.ANY_LENGTH;
        }
        return createTypeWithNullability(createBitType(varying, length == null ? BitSqlType.ANY_LENGTH : length),
                nullable);
    }
}

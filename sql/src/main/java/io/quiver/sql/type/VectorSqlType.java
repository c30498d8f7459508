package io.quiver.sql.type;

import org.apache.calcite.rel.type.RelDataTypeFamily;
import org.apache.calcite.sql.type.AbstractSqlType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * pgvector's {@code vector} type: {@code vector(n)} with a fixed dimension, or {@code vector} when the dimension
 * is not declared. Values are {@code float[]} at run time (see {@link QuiverTypeFactory#getJavaClass}). Its
 * family is {@link QuiverTypeFamily#VECTOR}, so Calcite never coerces it to or from another type on its own.
 */
public final class VectorSqlType extends AbstractSqlType {
    /** The dimension of a {@code vector} declared without one. */
    public static final int ANY_DIMENSION = -1;

    private final int dimension;

    VectorSqlType(int dimension, boolean nullable) {
        super(SqlTypeName.OTHER, nullable, null);
        this.dimension = dimension;
        computeDigest();
    }

    /** The declared dimension, or {@link #ANY_DIMENSION}. It is pgvector's typmod. */
    public int dimension() {
        return dimension;
    }

    public boolean hasDimension() {
        return dimension != ANY_DIMENSION;
    }

    @Override
    public RelDataTypeFamily getFamily() {
        return QuiverTypeFamily.VECTOR;
    }

    @Override
    protected void generateTypeString(StringBuilder sb, boolean withDetail) {
        sb.append("vector");
        if (hasDimension()) {
            sb.append('(').append(dimension).append(')');
        }
    }
}

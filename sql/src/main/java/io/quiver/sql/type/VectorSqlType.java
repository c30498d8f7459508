package io.quiver.sql.type;

import io.quiver.common.type.PgType;
import org.apache.calcite.rel.type.RelDataTypeFamily;
import org.apache.calcite.sql.type.AbstractSqlType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * pgvector's {@code vector}, {@code halfvec} and {@code sparsevec} types: {@code vector(n)} with a fixed
 * dimension, or {@code vector} when the dimension is not declared. Values are {@code float[]} at run time (a
 * halfvec's elements all exact halves), a sparsevec's {@link io.quiver.common.vector.SparseVector} (see
 * {@link QuiverTypeFactory#getJavaClass}). Its family is {@link QuiverTypeFamily#VECTOR}, so Calcite never
 * coerces it to or from another type on its own; the three kinds only meet through explicit casts.
 */
public final class VectorSqlType extends AbstractSqlType {
    /** The dimension of a {@code vector} declared without one. */
    public static final int ANY_DIMENSION = -1;

    private final PgType kind;
    private final int dimension;

    VectorSqlType(PgType kind, int dimension, boolean nullable) {
        super(SqlTypeName.OTHER, nullable, null);
        this.kind = kind;
        this.dimension = dimension;
        computeDigest();
    }

    /** {@link PgType#VECTOR}, {@link PgType#HALFVEC} or {@link PgType#SPARSEVEC}. */
    public PgType kind() {
        return kind;
    }

    public boolean isSparse() {
        return kind == PgType.SPARSEVEC;
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
        sb.append(kind.typname());
        if (hasDimension()) {
            sb.append('(').append(dimension).append(')');
        }
    }
}

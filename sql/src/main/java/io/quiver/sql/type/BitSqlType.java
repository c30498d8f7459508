package io.quiver.sql.type;

import org.apache.calcite.rel.type.RelDataTypeFamily;
import org.apache.calcite.sql.type.AbstractSqlType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * PostgreSQL's {@code bit(n)} and {@code bit varying(n)}. Values are {@link io.quiver.common.type.PgBitString}s
 * at run time. Its own family keeps Calcite from coercing it to or from other types.
 */
public final class BitSqlType extends AbstractSqlType {
    /** The length of a {@code bit varying} (or the {@code bit} of an expression) declared without one. */
    public static final int ANY_LENGTH = -1;

    private final boolean varying;
    private final int length;

    BitSqlType(boolean varying, int length, boolean nullable) {
        super(SqlTypeName.OTHER, nullable, null);
        this.varying = varying;
        this.length = length;
        computeDigest();
    }

    public boolean isVarying() {
        return varying;
    }

    /** The declared length in bits (PostgreSQL's typmod), or {@link #ANY_LENGTH}. */
    public int length() {
        return length;
    }

    @Override
    public RelDataTypeFamily getFamily() {
        return QuiverTypeFamily.BIT;
    }

    @Override
    protected void generateTypeString(StringBuilder sb, boolean withDetail) {
        sb.append(varying ? "varbit" : "bit");
        if (length != ANY_LENGTH) {
            sb.append('(').append(length).append(')');
        }
    }
}

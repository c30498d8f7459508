package io.quiver.sql.type;

import org.apache.calcite.rel.type.RelDataTypeFamily;
import org.apache.calcite.sql.type.AbstractSqlType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The internal type of the sort keys that order vectors ({@link io.quiver.common.vector.VectorSortKey} at run
 * time); it never reaches a client.
 */
final class VectorSortKeyType extends AbstractSqlType {
    VectorSortKeyType(boolean nullable) {
        super(SqlTypeName.OTHER, nullable, null);
        computeDigest();
    }

    @Override
    public RelDataTypeFamily getFamily() {
        return QuiverTypeFamily.VECTOR;
    }

    @Override
    protected void generateTypeString(StringBuilder sb, boolean withDetail) {
        sb.append("vector_sort_key");
    }
}

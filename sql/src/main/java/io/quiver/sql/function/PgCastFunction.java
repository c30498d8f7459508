package io.quiver.sql.function;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.sql.type.BitSqlType;
import io.quiver.sql.type.PgTypeMapping;
import io.quiver.sql.type.VectorSqlType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.fun.SqlCastFunction;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * CAST and {@code ::} with pgvector's casts added: text, int[], real[], double precision[] and numeric[] to
 * {@code vector(n)} and {@code halfvec(n)}, text to {@code sparsevec(n)}, any vector kind to any other (checking
 * the dimension), vector and halfvec to real[], every kind to text; and PostgreSQL's bit string casts. Other casts are
 * Calcite's. The validator finds CAST by name, so this one stands in for the standard one;
 * {@link QuiverConvertletTable} converts vector casts to functions and the rest back to the standard CAST.
 */
public class PgCastFunction extends SqlCastFunction {
    public static final PgCastFunction INSTANCE = new PgCastFunction();

    private PgCastFunction() {
    }

    /** A variant under another name, which the validator leaves in place rather than resolving it to CAST. */
    PgCastFunction(String name) {
        super(name, SqlKind.CAST);
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
        SqlNode source = binding.operand(0);
        RelDataType target = SqlTypeUtil.deriveType(binding, binding.operand(1));
        if (SqlUtil.isNullLiteral(source, false) || source instanceof SqlDynamicParam) {
            return true;
        }
        RelDataType sourceType = binding.getValidator().getValidatedNodeType(source);
        if (!isQuiverType(target) && !isQuiverType(sourceType)) {
            return super.checkOperandTypes(binding, throwOnFailure);
        }
        if (isVectorCast(sourceType, target)) {
            return true;
        }
        if (throwOnFailure) {
            throw QuiverException.of(SqlState.CANNOT_COERCE, "cannot cast type %s to %s",
                    PgTypeMapping.toPg(sourceType).type().formatName(),
                    PgTypeMapping.toPg(target).type().formatName());
        }
        return false;
    }

    /** Whether the type is one of Quiver's own (a vector kind or a bit string), whose casts this class defines. */
    static boolean isQuiverType(RelDataType type) {
        return type instanceof VectorSqlType || type instanceof BitSqlType;
    }

    /**
     * Whether pgvector (or PostgreSQL, for bit strings) defines a cast from {@code source} to {@code target}, one
     * of which is a vector or a bit string.
     */
    static boolean isVectorCast(RelDataType source, RelDataType target) {
        if (target instanceof BitSqlType || source instanceof BitSqlType) {
            return source instanceof BitSqlType && (target instanceof BitSqlType || SqlTypeUtil.isCharacter(target))
                    || target instanceof BitSqlType && SqlTypeUtil.isCharacter(source);
        }
        if (target instanceof VectorSqlType vector) {
            return source instanceof VectorSqlType
                    || SqlTypeUtil.isCharacter(source)
                    || (!vector.isSparse() && SqlTypeUtil.isArray(source) && isNumeric(source.getComponentType()));
        }
        return SqlTypeUtil.isCharacter(target)
                || (!((VectorSqlType) source).isSparse() && SqlTypeUtil.isArray(target)
                        && target.getComponentType().getSqlTypeName() == SqlTypeName.REAL);
    }

    private static boolean isNumeric(RelDataType type) {
        return type != null && SqlTypeFamily.NUMERIC.contains(type);
    }

    @Override
    public RelDataType inferReturnType(SqlOperatorBinding binding) {
        RelDataType source = binding.getOperandType(0);
        RelDataType target = binding.getOperandType(1);
        if (isQuiverType(target) || isQuiverType(source)) {
            if (binding instanceof SqlCallBinding callBinding && callBinding.operand(0) instanceof SqlDynamicParam) {
                callBinding.getValidator().setValidatedNodeType(callBinding.operand(0), target);
            }
            return binding.getTypeFactory().createTypeWithNullability(target, source.isNullable());
        }
        return super.inferReturnType(binding);
    }
}

package io.quiver.sql.function;

import io.quiver.common.type.PgType;
import io.quiver.sql.type.BitSqlType;
import io.quiver.sql.type.QuiverTypeFactory;
import io.quiver.sql.type.VectorSqlType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlReturnTypeInference;

/** Return types of vector operators: nullable whenever an operand is, as for any strict PostgreSQL function. */
final class VectorReturnTypes {
    /** The type of the first vector operand (keeping its dimension), or null when no operand is a vector. */
    static final SqlReturnTypeInference FIRST_VECTOR_OR_NULL = binding -> {
        for (RelDataType type : binding.collectOperandTypes()) {
            if (type instanceof VectorSqlType) {
                return nullableIfAnyOperandIs(binding, type);
            }
        }
        return null;
    };

    /** The first vector operand's type, or {@code vector} when the vector operands are literals. */
    static final SqlReturnTypeInference FIRST_VECTOR = binding -> {
        RelDataType type = FIRST_VECTOR_OR_NULL.inferReturnType(binding);
        return type != null ? type : anyVector(binding);
    };

    /** The vector argument's type, nullable (an aggregate of no rows is NULL), or null for other arguments. */
    static final SqlReturnTypeInference AGGREGATE_OF_VECTOR_OR_NULL = binding -> {
        RelDataType type = FIRST_VECTOR_OR_NULL.inferReturnType(binding);
        return type == null ? null : binding.getTypeFactory().createTypeWithNullability(type, true);
    };

    /** The vector kind without a dimension, for results whose dimension depends on argument values. */
    static final SqlReturnTypeInference ANY_VECTOR = VectorReturnTypes::anyVector;

    private VectorReturnTypes() {
    }

    /** {@code bit} without a length, as binary_quantize returns. */
    static final SqlReturnTypeInference BIT = binding -> nullableIfAnyOperandIs(binding,
            ((QuiverTypeFactory) binding.getTypeFactory()).createBitType(false, BitSqlType.ANY_LENGTH));

    /** The kind of the first vector operand without its dimension; vector when the operands are literals. */
    private static RelDataType anyVector(SqlOperatorBinding binding) {
        QuiverTypeFactory typeFactory = (QuiverTypeFactory) binding.getTypeFactory();
        PgType kind = binding.collectOperandTypes().stream().filter(VectorSqlType.class::isInstance)
                .map(type -> ((VectorSqlType) type).kind()).findFirst().orElse(PgType.VECTOR);
        return nullableIfAnyOperandIs(binding, typeFactory.createVectorType(kind, VectorSqlType.ANY_DIMENSION));
    }

    private static RelDataType nullableIfAnyOperandIs(SqlOperatorBinding binding, RelDataType type) {
        boolean nullable = binding.collectOperandTypes().stream().anyMatch(RelDataType::isNullable);
        return binding.getTypeFactory().createTypeWithNullability(type, nullable);
    }
}

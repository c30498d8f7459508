package io.quiver.sql.function;

import io.quiver.sql.type.BitSqlType;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.type.SqlOperandTypeInference;

/**
 * A comparison ({@code = <> < <= > >=}) over anything as Calcite's standard operator, and over vector, halfvec
 * and sparsevec as pgvector's btree operators, with an unknown-typed literal on one side read as the other side's
 * vector type. The validator finds operators by name, so this one stands in for the standard one;
 * {@link QuiverConvertletTable} converts a call over vectors (or bit strings) into the standard comparison of
 * the type's compare function with zero.
 */
public final class VectorComparisonOperator extends SqlBinaryOperator {
    private final SqlBinaryOperator standard;
    private final VectorOperandChecker vectorChecker;
    private final VectorOperandChecker bitChecker = new VectorOperandChecker(VectorOperandChecker.DENSE_KINDS,
            VectorOperandChecker.Slot.BIT, VectorOperandChecker.Slot.BIT);

    VectorComparisonOperator(SqlBinaryOperator standard) {
        this(standard, new VectorOperandChecker(VectorOperandChecker.ALL_KINDS, VectorOperandChecker.Slot.VECTOR,
                VectorOperandChecker.Slot.VECTOR));
    }

    private VectorComparisonOperator(SqlBinaryOperator standard, VectorOperandChecker vectorChecker) {
        super(standard.getName(), standard.getKind(), standard.getLeftPrec(), true,
                standard.getReturnTypeInference(), null, standard.getOperandTypeChecker());
        this.standard = standard;
        this.vectorChecker = vectorChecker;
    }

    /** The standard comparison this one extends to vectors. */
    public SqlBinaryOperator standard() {
        return standard;
    }

    /**
     * The vector or bit string checker when an operand is of those types, else exactly the standard check,
     * whose implicit coercions ({@code oid = '16401'}) must run as they do without this operator.
     */
    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
        if (VectorOperandChecker.hasVectorOperand(binding)) {
            return vectorChecker.checkOperandTypes(binding, throwOnFailure);
        }
        if (binding.collectOperandTypes().stream().anyMatch(BitSqlType.class::isInstance)) {
            return bitChecker.checkOperandTypes(binding, throwOnFailure);
        }
        return standard.checkOperandTypes(binding, throwOnFailure);
    }

    @Override
    public SqlOperandTypeInference getOperandTypeInference() {
        return (binding, returnType, operandTypes) -> {
            if (VectorOperandChecker.hasVectorOperand(binding)) {
                vectorChecker.inferOperandTypes(binding, returnType, operandTypes);
            } else {
                SqlOperandTypeInference inference = standard.getOperandTypeInference();
                if (inference != null) {
                    inference.inferOperandTypes(binding, returnType, operandTypes);
                }
            }
        };
    }
}

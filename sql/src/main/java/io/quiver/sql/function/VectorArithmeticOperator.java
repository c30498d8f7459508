package io.quiver.sql.function;

import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandTypeInference;

/**
 * {@code +}, {@code -} or {@code *} over numbers (and dates, intervals, ...) as Calcite's standard operator, and
 * element-wise over vectors as pgvector's vector_add, vector_sub, vector_mul. The validator finds operators by
 * name, so this one stands in for the standard one; {@link QuiverConvertletTable} converts each call to whichever
 * of the two its operand types select.
 */
public final class VectorArithmeticOperator extends SqlBinaryOperator {
    private final SqlBinaryOperator standard;
    private final SqlOperator vectorImplementation;
    private final VectorOperandChecker vectorChecker;

    VectorArithmeticOperator(SqlBinaryOperator standard, SqlOperator vectorImplementation) {
        this(standard, vectorImplementation, new VectorOperandChecker(VectorOperandChecker.DENSE_KINDS,
                VectorOperandChecker.Slot.VECTOR, VectorOperandChecker.Slot.VECTOR));
    }

    private VectorArithmeticOperator(SqlBinaryOperator standard, SqlOperator vectorImplementation,
            VectorOperandChecker vectorChecker) {
        super(standard.getName(), standard.getKind(), standard.getLeftPrec(), true,
                ReturnTypes.chain(VectorReturnTypes.FIRST_VECTOR_OR_NULL, standard.getReturnTypeInference()),
                null, vectorChecker.or(standard.getOperandTypeChecker()));
        this.standard = standard;
        this.vectorImplementation = vectorImplementation;
        this.vectorChecker = vectorChecker;
    }

    /** The standard operator this one extends to vectors. */
    public SqlBinaryOperator standard() {
        return standard;
    }

    /** The function that computes this operator over vectors. */
    public SqlOperator vectorImplementation() {
        return vectorImplementation;
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

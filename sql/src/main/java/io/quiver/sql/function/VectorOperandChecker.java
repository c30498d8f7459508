package io.quiver.sql.function;

import io.quiver.sql.type.QuiverTypeFactory;
import io.quiver.sql.type.VectorSqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandMetadata;
import org.apache.calcite.sql.type.SqlOperandTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * Operand checking and inference for operators and functions over vectors. A vector operand may be a vector
 * value, a string literal or NULL (PostgreSQL's "unknown" literals, which take the vector type), or a
 * parameter; at least one operand must really be a vector so that {@code 'a' + 'b'} is left to other operators.
 * Parameters take the type of the first vector operand, as PostgreSQL resolves them.
 */
public final class VectorOperandChecker implements SqlOperandMetadata, SqlOperandTypeInference {
    /** What an operand position accepts. */
    public enum Slot {
        VECTOR,
        INTEGER
    }

    private final List<Slot> slots;

    VectorOperandChecker(Slot... slots) {
        this.slots = List.of(slots);
    }

    public List<Slot> slots() {
        return slots;
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
        inferParameterTypes(binding);
        boolean sawVector = false;
        boolean valid = true;
        for (int i = 0; i < slots.size() && valid; i++) {
            SqlNode operand = binding.operand(i);
            RelDataType type = binding.getOperandType(i);
            if (slots.get(i) == Slot.VECTOR) {
                sawVector |= type instanceof VectorSqlType;
                valid = type instanceof VectorSqlType || isUnknownLiteral(operand);
            } else {
                valid = SqlTypeUtil.isIntType(type) || SqlUtil.isNullLiteral(operand, false);
            }
        }
        if (valid && sawVector) {
            return true;
        }
        if (throwOnFailure) {
            throw binding.newValidationSignatureError();
        }
        return false;
    }

    /**
     * Types the parameters the validator left untyped: it infers operand types in the select list and WHERE, but
     * not in ORDER BY, where {@code ORDER BY embedding <-> $1} puts them.
     */
    private void inferParameterTypes(SqlCallBinding binding) {
        SqlValidator validator = binding.getValidator();
        RelDataType[] inferred = null;
        for (int i = 0; i < binding.getOperandCount(); i++) {
            SqlNode operand = binding.operand(i);
            RelDataType known = validator.getValidatedNodeTypeIfKnown(operand);
            if (operand instanceof SqlDynamicParam
                    && (known == null || known.equals(validator.getUnknownType()))) {
                if (inferred == null) {
                    inferred = new RelDataType[binding.getOperandCount()];
                    inferOperandTypes(binding, validator.getUnknownType(), inferred);
                }
                validator.setValidatedNodeType(operand, inferred[i]);
            }
        }
    }

    static boolean isUnknownLiteral(SqlNode operand) {
        return SqlUtil.isNullLiteral(operand, false)
                || (operand instanceof SqlLiteral literal && literal.getTypeName() == SqlTypeName.CHAR);
    }

    @Override
    public void inferOperandTypes(SqlCallBinding binding, RelDataType returnType, RelDataType[] operandTypes) {
        RelDataTypeFactory typeFactory = binding.getTypeFactory();
        RelDataType vector = null;
        for (SqlNode operand : binding.operands()) {
            if (SqlTypeUtil.deriveType(binding, operand) instanceof VectorSqlType known) {
                vector = known;
                break;
            }
        }
        if (vector == null) {
            vector = ((QuiverTypeFactory) typeFactory).createVectorType(VectorSqlType.ANY_DIMENSION);
        }
        for (int i = 0; i < operandTypes.length; i++) {
            RelDataType type = slots.get(i) == Slot.VECTOR ? vector : typeFactory.createSqlType(SqlTypeName.INTEGER);
            operandTypes[i] = typeFactory.createTypeWithNullability(type, true);
        }
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
        return SqlOperandCountRanges.of(slots.size());
    }

    @Override
    public String getAllowedSignatures(SqlOperator op, String opName) {
        return opName + slots.stream().map(slot -> slot == Slot.VECTOR ? "vector" : "integer")
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** Calcite must not filter overloads by these types: vectors of any dimension are accepted. */
    @Override
    public boolean isFixedParameters() {
        return false;
    }

    @Override
    public List<RelDataType> paramTypes(RelDataTypeFactory typeFactory) {
        List<RelDataType> types = new ArrayList<>();
        for (Slot slot : slots) {
            types.add(slot == Slot.VECTOR
                    ? ((QuiverTypeFactory) typeFactory).createVectorType(VectorSqlType.ANY_DIMENSION)
                    : typeFactory.createSqlType(SqlTypeName.INTEGER));
        }
        return types;
    }

    @Override
    public List<String> paramNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            names.add("arg" + i);
        }
        return names;
    }
}

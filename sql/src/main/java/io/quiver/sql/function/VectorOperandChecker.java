package io.quiver.sql.function;

import io.quiver.common.type.PgType;
import io.quiver.sql.type.BitSqlType;
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
 * Operand checking and inference for operators and functions over vectors (pgvector's vector, halfvec and
 * sparsevec; each function accepts some of these kinds, all its vector operands of one kind) and bit strings. A
 * vector operand may be a vector value, a string literal or NULL (PostgreSQL's "unknown" literals, which take
 * the vector type), or a parameter; at least one operand must really be a vector so that {@code 'a' + 'b'} is
 * left to other operators. Parameters and literals take the type of the first vector operand, as PostgreSQL
 * resolves them.
 */
public final class VectorOperandChecker implements SqlOperandMetadata, SqlOperandTypeInference {
    /** What an operand position accepts. */
    public enum Slot {
        VECTOR,
        INTEGER,
        BIT
    }

    /** The kinds of vector every pgvector distance accepts. */
    static final List<PgType> ALL_KINDS = List.of(PgType.VECTOR, PgType.HALFVEC, PgType.SPARSEVEC);
    /** The kinds with dense {@code float[]} values. */
    static final List<PgType> DENSE_KINDS = List.of(PgType.VECTOR, PgType.HALFVEC);

    private final List<Slot> slots;
    private final List<PgType> kinds;

    /** A checker of vector-only operands ({@code vector}, not halfvec or sparsevec). */
    VectorOperandChecker(Slot... slots) {
        this(List.of(PgType.VECTOR), slots);
    }

    /** @param kinds the vector kinds the VECTOR slots accept; the first is that of untyped literals */
    VectorOperandChecker(List<PgType> kinds, Slot... slots) {
        this.slots = List.of(slots);
        this.kinds = List.copyOf(kinds);
    }

    public List<Slot> slots() {
        return slots;
    }

    /** The kind a call's untyped vector literals take when no operand has a vector type. */
    public PgType defaultKind() {
        return kinds.get(0);
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
        inferParameterTypes(binding);
        boolean sawVector = false;
        boolean valid = true;
        PgType kind = null;
        for (int i = 0; i < slots.size() && valid; i++) {
            SqlNode operand = binding.operand(i);
            RelDataType type = binding.getOperandType(i);
            switch (slots.get(i)) {
                case VECTOR -> {
                    if (type instanceof VectorSqlType vector) {
                        sawVector = true;
                        valid = kinds.contains(vector.kind()) && (kind == null || kind == vector.kind());
                        kind = vector.kind();
                    } else {
                        valid = isUnknownLiteral(operand);
                    }
                }
                case BIT -> {
                    sawVector |= type instanceof BitSqlType;
                    valid = type instanceof BitSqlType || isUnknownLiteral(operand);
                }
                case INTEGER -> valid = SqlTypeUtil.isIntType(type) || SqlUtil.isNullLiteral(operand, false);
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

    /** Whether an operand of the call has one of the vector types. */
    static boolean hasVectorOperand(SqlCallBinding binding) {
        for (SqlNode operand : binding.operands()) {
            if (SqlTypeUtil.deriveType(binding, operand) instanceof VectorSqlType) {
                return true;
            }
        }
        return false;
    }

    static boolean isUnknownLiteral(SqlNode operand) {
        return SqlUtil.isNullLiteral(operand, false)
                || (operand instanceof SqlLiteral literal && literal.getTypeName() == SqlTypeName.CHAR);
    }

    @Override
    public void inferOperandTypes(SqlCallBinding binding, RelDataType returnType, RelDataType[] operandTypes) {
        QuiverTypeFactory typeFactory = (QuiverTypeFactory) binding.getTypeFactory();
        RelDataType vector = null;
        RelDataType bits = null;
        for (SqlNode operand : binding.operands()) {
            RelDataType type = SqlTypeUtil.deriveType(binding, operand);
            if (vector == null && type instanceof VectorSqlType) {
                vector = type;
            } else if (bits == null && type instanceof BitSqlType) {
                bits = type;
            }
        }
        if (vector == null) {
            vector = typeFactory.createVectorType(defaultKind(), VectorSqlType.ANY_DIMENSION);
        }
        if (bits == null) {
            bits = typeFactory.createBitType(true, BitSqlType.ANY_LENGTH);
        }
        for (int i = 0; i < operandTypes.length; i++) {
            RelDataType type = switch (slots.get(i)) {
                case VECTOR -> vector;
                case BIT -> bits;
                case INTEGER -> typeFactory.createSqlType(SqlTypeName.INTEGER);
            };
            operandTypes[i] = typeFactory.createTypeWithNullability(type, true);
        }
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
        return SqlOperandCountRanges.of(slots.size());
    }

    @Override
    public String getAllowedSignatures(SqlOperator op, String opName) {
        return opName + slots.stream().map(slot -> switch (slot) {
            case VECTOR -> defaultKind().typname();
            case BIT -> "bit";
            case INTEGER -> "integer";
        }).collect(Collectors.joining(", ", "(", ")"));
    }

    /** Calcite must not filter overloads by these types: vectors of any dimension are accepted. */
    @Override
    public boolean isFixedParameters() {
        return false;
    }

    @Override
    public List<RelDataType> paramTypes(RelDataTypeFactory typeFactory) {
        List<RelDataType> types = new ArrayList<>();
        QuiverTypeFactory quiverTypes = (QuiverTypeFactory) typeFactory;
        for (Slot slot : slots) {
            types.add(switch (slot) {
                case VECTOR -> quiverTypes.createVectorType(defaultKind(), VectorSqlType.ANY_DIMENSION);
                case BIT -> quiverTypes.createBitType(true, BitSqlType.ANY_LENGTH);
                case INTEGER -> typeFactory.createSqlType(SqlTypeName.INTEGER);
            });
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

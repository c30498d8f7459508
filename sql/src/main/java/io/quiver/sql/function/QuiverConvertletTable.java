package io.quiver.sql.function;

import io.quiver.common.type.PgType;
import io.quiver.sql.type.BitSqlType;
import io.quiver.sql.type.QuiverTypeFactory;
import io.quiver.sql.type.VectorSqlType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Converts Quiver's operators to row expressions: vector operators and casts become calls of the functions
 * that compute them, with PostgreSQL's unknown-typed literals turned into vectors; casts of text to dates and
 * times calls of PostgreSQL's input functions ({@link DateTimeCasts}); timestamptz plus or minus months a call of
 * {@link MonthArithmetic}; pg_typeof a constant; {@code + - *} and CAST over other types Calcite's standard
 * operators. Everything else is Calcite's standard conversion.
 */
public final class QuiverConvertletTable implements SqlRexConvertletTable {
    public static final QuiverConvertletTable INSTANCE = new QuiverConvertletTable();

    private QuiverConvertletTable() {
    }

    @Override
    public @Nullable SqlRexConvertlet get(SqlCall call) {
        SqlOperator op = call.getOperator();
        if (op instanceof VectorDistanceOperator distance) {
            return (cx, c) -> convertVectorCall(cx, c, (SqlUserDefinedFunction) distance.implementation());
        }
        if (op instanceof VectorArithmeticOperator arithmetic) {
            return (cx, c) -> {
                if (hasVectorOperand(cx, c)) {
                    return convertVectorCall(cx, c, (SqlUserDefinedFunction) arithmetic.vectorImplementation());
                }
                return MonthArithmetic.applies(cx, c) ? MonthArithmetic.convert(cx, c)
                        : convertStandard(cx, c, arithmetic.standard());
            };
        }
        if (op instanceof VectorComparisonOperator comparison) {
            return (cx, c) -> hasOperandOf(cx, c, PgCastFunction::isQuiverType)
                    ? convertComparison(cx, c, comparison.standard())
                    : convertStandard(cx, c, comparison.standard());
        }
        if (op instanceof NamedRowOperator) {
            return (cx, c) -> cx.getRexBuilder().makeCall(cx.getValidator().getValidatedNodeType(c),
                    SqlStdOperatorTable.ROW, c.getOperandList().stream().map(cx::convertExpression).toList());
        }
        if (op instanceof PgCastFunction || op == SqlStdOperatorTable.CAST) {
            // The validator's implicit coercions (now() > '2026-11-23 16:42:51+00') cast with the standard CAST.
            return QuiverConvertletTable::convertCast;
        }
        if (op == PgTypeofFunction.INSTANCE) {
            return PgTypeofFunction::convert;
        }
        if (op instanceof SqlUserDefinedFunction function
                && function.getOperandTypeChecker() instanceof VectorOperandChecker) {
            return (cx, c) -> convertVectorCall(cx, c, function);
        }
        return StandardConvertletTable.INSTANCE.get(call);
    }

    private static boolean hasVectorOperand(SqlRexContext cx, SqlCall call) {
        return hasOperandOf(cx, call, VectorSqlType.class::isInstance);
    }

    private static boolean hasOperandOf(SqlRexContext cx, SqlCall call, Predicate<RelDataType> type) {
        return call.getOperandList().stream()
                .anyMatch(operand -> type.test(cx.getValidator().getValidatedNodeType(operand)));
    }

    /** {@code a op b} over vectors or bit strings as {@code compare(a, b) op 0}, compare being the btree's. */
    private static RexNode convertComparison(SqlRexContext cx, SqlCall call, SqlOperator standard) {
        RexBuilder rexBuilder = cx.getRexBuilder();
        RexNode left = cx.convertExpression(call.operand(0));
        RexNode right = cx.convertExpression(call.operand(1));
        SqlUserDefinedFunction compare;
        if (left.getType() instanceof BitSqlType || right.getType() instanceof BitSqlType) {
            left = toBits(rexBuilder, left);
            right = toBits(rexBuilder, right);
            compare = VectorOperators.COMPARE_BITS;
        } else {
            PgType kind = (left.getType() instanceof VectorSqlType vector ? vector
                    : (VectorSqlType) right.getType()).kind();
            left = toVector(rexBuilder, left, kind);
            right = toVector(rexBuilder, right, kind);
            compare = kind == PgType.SPARSEVEC ? VectorOperators.COMPARE_SPARSE : VectorOperators.COMPARE_DENSE;
        }
        RelDataType integer = rexBuilder.getTypeFactory().createTypeWithNullability(
                rexBuilder.getTypeFactory().createSqlType(SqlTypeName.INTEGER),
                left.getType().isNullable() || right.getType().isNullable());
        return rexBuilder.makeCall(standard, rexBuilder.makeCall(integer, compare, List.of(left, right)),
                integer(rexBuilder, 0));
    }

    private static RexNode convertVectorCall(SqlRexContext cx, SqlCall call, SqlUserDefinedFunction function) {
        VectorOperandChecker checker = (VectorOperandChecker) function.getOperandTypeChecker();
        List<VectorOperandChecker.Slot> slots = checker.slots();
        RexBuilder rexBuilder = cx.getRexBuilder();
        List<RexNode> converted = new ArrayList<>();
        PgType kind = null;
        for (int i = 0; i < slots.size(); i++) {
            RexNode operand = cx.convertExpression(call.operand(i));
            converted.add(operand);
            if (kind == null && operand.getType() instanceof VectorSqlType vector) {
                kind = vector.kind();
            }
        }
        kind = kind == null ? checker.defaultKind() : kind;
        List<RexNode> operands = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            RexNode operand = converted.get(i);
            operands.add(switch (slots.get(i)) {
                case VECTOR -> toVector(rexBuilder, operand, kind);
                case BIT -> toBits(rexBuilder, operand);
                case INTEGER -> rexBuilder.ensureType(
                        rexBuilder.getTypeFactory().createSqlType(SqlTypeName.INTEGER), operand, true);
            });
        }
        RelDataType type = cx.getValidator().getValidatedNodeType(call);
        return rexBuilder.makeCall(type, VectorOperators.implementation(function, kind), operands);
    }

    /**
     * A vector operand as a vector of {@code kind}: PostgreSQL reads an unknown-typed literal with the type's
     * input function.
     */
    private static RexNode toVector(RexBuilder rexBuilder, RexNode operand, PgType kind) {
        if (operand.getType() instanceof VectorSqlType) {
            return operand;
        }
        RelDataType anyVector = ((QuiverTypeFactory) rexBuilder.getTypeFactory())
                .createVectorType(kind, VectorSqlType.ANY_DIMENSION);
        if (operand.getType().getSqlTypeName() == SqlTypeName.NULL) {
            return rexBuilder.makeNullLiteral(anyVector);
        }
        return switch (kind) {
            case HALFVEC -> rexBuilder.makeCall(anyVector, VectorOperators.HALFVEC_IN,
                    List.of(operand, integer(rexBuilder, VectorSqlType.ANY_DIMENSION)));
            case SPARSEVEC -> rexBuilder.makeCall(anyVector, VectorOperators.SPARSEVEC_IN,
                    List.of(operand, integer(rexBuilder, VectorSqlType.ANY_DIMENSION)));
            default -> rexBuilder.makeCall(anyVector, VectorOperators.VECTOR_IN, List.of(operand));
        };
    }

    /** A bit string operand: an unknown-typed literal read as {@code bit varying}, keeping its length. */
    private static RexNode toBits(RexBuilder rexBuilder, RexNode operand) {
        if (operand.getType() instanceof BitSqlType) {
            return operand;
        }
        RelDataType varbit = ((QuiverTypeFactory) rexBuilder.getTypeFactory())
                .createBitType(true, BitSqlType.ANY_LENGTH);
        if (operand.getType().getSqlTypeName() == SqlTypeName.NULL) {
            return rexBuilder.makeNullLiteral(varbit);
        }
        return rexBuilder.makeCall(varbit, VectorOperators.BIT_IN,
                List.of(operand, integer(rexBuilder, BitSqlType.ANY_LENGTH), rexBuilder.makeLiteral(true)));
    }

    private static RexNode integer(RexBuilder rexBuilder, int value) {
        return rexBuilder.makeExactLiteral(BigDecimal.valueOf(value),
                rexBuilder.getTypeFactory().createSqlType(SqlTypeName.INTEGER));
    }

    /** Converts {@code call} as Calcite converts the same call of {@code standard}. */
    private static RexNode convertStandard(SqlRexContext cx, SqlCall call, SqlOperator standard) {
        SqlCall standardCall = standard.createCall(call.getFunctionQuantifier(), call.getParserPosition(),
                call.getOperandList().toArray(new SqlNode[0]));
        SqlValidator validator = cx.getValidator();
        validator.setValidatedNodeType(standardCall, validator.getValidatedNodeType(call));
        return StandardConvertletTable.INSTANCE.get(standardCall).convertCall(cx, standardCall);
    }

    private static RexNode convertCast(SqlRexContext cx, SqlCall call) {
        SqlValidator validator = cx.getValidator();
        RelDataType target = validator.getValidatedNodeType(call);
        SqlNode sourceNode = call.operand(0);
        RelDataType sourceType = validator.getValidatedNodeType(sourceNode);
        RexBuilder rexBuilder = cx.getRexBuilder();
        if (NumericSemantics.isNumericCast(sourceType, target)) {
            return NumericSemantics.cast(rexBuilder, cx.convertExpression(sourceNode), target);
        }
        if (BooleanText.applies(sourceType, target)) {
            return BooleanText.cast(rexBuilder, cx.convertExpression(sourceNode), target);
        }
        if (!PgCastFunction.isQuiverType(target) && !PgCastFunction.isQuiverType(sourceType)) {
            return DateTimeCasts.isTextToDateTime(sourceType, target)
                    ? DateTimeCasts.convert(rexBuilder, cx.convertExpression(sourceNode), target)
                    : convertStandard(cx, call, SqlStdOperatorTable.CAST);
        }
        RexNode source = cx.convertExpression(sourceNode);
        if (source.getType().getSqlTypeName() == SqlTypeName.NULL) {
            return rexBuilder.makeNullLiteral(target);
        }
        if (target instanceof VectorSqlType vector) {
            return castToVector(rexBuilder, source, vector, target);
        }
        if (target instanceof BitSqlType bits) {
            return castToBits(rexBuilder, source, bits, target);
        }
        SqlUserDefinedFunction function;
        if (source.getType() instanceof BitSqlType) {
            function = VectorOperators.BIT_OUT;
        } else if (((VectorSqlType) source.getType()).isSparse()) {
            function = VectorOperators.SPARSEVEC_OUT;
        } else {
            function = target.getSqlTypeName() == SqlTypeName.ARRAY
                    ? VectorOperators.VECTOR_TO_REAL_ARRAY
                    : VectorOperators.VECTOR_OUT;
        }
        return rexBuilder.makeCall(target, function, List.of(source));
    }

    private static RexNode castToBits(RexBuilder rexBuilder, RexNode source, BitSqlType bits, RelDataType type) {
        RexNode length = integer(rexBuilder, bits.length());
        RexNode varying = rexBuilder.makeLiteral(bits.isVarying());
        if (source.getType() instanceof BitSqlType) {
            return rexBuilder.makeCall(type, VectorOperators.BIT_LENGTH, List.of(source, length, varying));
        }
        return rexBuilder.makeCall(type, VectorOperators.BIT_IN, List.of(source, length, varying));
    }

    private static RexNode castToVector(RexBuilder rexBuilder, RexNode source, VectorSqlType vector,
            RelDataType type) {
        RexNode typmod = integer(rexBuilder, vector.dimension());
        RelDataType sourceType = source.getType();
        PgType kind = vector.kind();
        if (sourceType instanceof VectorSqlType sourceVector) {
            SqlUserDefinedFunction function = vectorToVector(sourceVector.kind(), kind);
            if (function == null) {
                // Also from vector(n) to vector: the call's type must be the cast's, which Calcite checks.
                return vector.hasDimension() || sourceVector.hasDimension()
                        ? rexBuilder.makeCall(type, kind == PgType.SPARSEVEC ? VectorOperators.SPARSEVEC_TYPMOD
                                : VectorOperators.VECTOR_TYPMOD, List.of(source, typmod))
                        : source;
            }
            return rexBuilder.makeCall(type, function, List.of(source, typmod));
        }
        if (sourceType.getSqlTypeName() != SqlTypeName.ARRAY) {
            return switch (kind) {
                case HALFVEC -> rexBuilder.makeCall(type, VectorOperators.HALFVEC_IN, List.of(source, typmod));
                case SPARSEVEC -> rexBuilder.makeCall(type, VectorOperators.SPARSEVEC_IN, List.of(source, typmod));
                default -> vector.hasDimension()
                        ? rexBuilder.makeCall(type, VectorOperators.VECTOR_IN_TYPMOD, List.of(source, typmod))
                        : rexBuilder.makeCall(type, VectorOperators.VECTOR_IN, List.of(source));
            };
        }
        boolean half = kind == PgType.HALFVEC;
        SqlUserDefinedFunction function = switch (sourceType.getComponentType().getSqlTypeName()) {
            case INTEGER -> half ? VectorOperators.INT_ARRAY_TO_HALFVEC : VectorOperators.INT_ARRAY_TO_VECTOR;
            case REAL -> half ? VectorOperators.REAL_ARRAY_TO_HALFVEC : VectorOperators.REAL_ARRAY_TO_VECTOR;
            case DOUBLE, FLOAT -> half ? VectorOperators.DOUBLE_ARRAY_TO_HALFVEC
                    : VectorOperators.DOUBLE_ARRAY_TO_VECTOR;
            default -> half ? VectorOperators.NUMERIC_ARRAY_TO_HALFVEC : VectorOperators.NUMERIC_ARRAY_TO_VECTOR;
        };
        return rexBuilder.makeCall(type, function, List.of(source, typmod));
    }

    /**
     * The function casting one vector kind to another with a typmod argument, or null for the same kind, whose
     * value stays as it is apart from the typmod's dimension check.
     */
    private static @Nullable SqlUserDefinedFunction vectorToVector(PgType source, PgType target) {
        if (source == target) {
            return null;
        }
        if (source == PgType.HALFVEC && target == PgType.VECTOR) {
            return VectorOperators.HALFVEC_TO_VECTOR;
        }
        if (target == PgType.SPARSEVEC) {
            return VectorOperators.DENSE_TO_SPARSEVEC;
        }
        if (source == PgType.SPARSEVEC) {
            return target == PgType.HALFVEC ? VectorOperators.SPARSEVEC_TO_HALFVEC
                    : VectorOperators.SPARSEVEC_TO_VECTOR;
        }
        return VectorOperators.VECTOR_TO_HALFVEC;
    }
}

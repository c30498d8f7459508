package io.quiver.sql.function;

import io.quiver.sql.type.QuiverTypeFactory;
import io.quiver.sql.type.VectorSqlType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
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
        return call.getOperandList().stream()
                .anyMatch(operand -> cx.getValidator().getValidatedNodeType(operand) instanceof VectorSqlType);
    }

    private static RexNode convertVectorCall(SqlRexContext cx, SqlCall call, SqlUserDefinedFunction implementation) {
        List<VectorOperandChecker.Slot> slots =
                ((VectorOperandChecker) implementation.getOperandTypeChecker()).slots();
        RexBuilder rexBuilder = cx.getRexBuilder();
        List<RexNode> operands = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            RexNode operand = cx.convertExpression(call.operand(i));
            if (slots.get(i) == VectorOperandChecker.Slot.VECTOR) {
                operands.add(toVector(rexBuilder, operand));
            } else {
                operands.add(rexBuilder.ensureType(
                        rexBuilder.getTypeFactory().createSqlType(SqlTypeName.INTEGER), operand, true));
            }
        }
        RelDataType type = cx.getValidator().getValidatedNodeType(call);
        return rexBuilder.makeCall(type, implementation, operands);
    }

    /** A vector operand as a vector: PostgreSQL reads an unknown-typed literal with the type's input function. */
    private static RexNode toVector(RexBuilder rexBuilder, RexNode operand) {
        if (operand.getType() instanceof VectorSqlType) {
            return operand;
        }
        RelDataType anyVector = ((QuiverTypeFactory) rexBuilder.getTypeFactory())
                .createVectorType(VectorSqlType.ANY_DIMENSION);
        if (operand.getType().getSqlTypeName() == SqlTypeName.NULL) {
            return rexBuilder.makeNullLiteral(anyVector);
        }
        return rexBuilder.makeCall(anyVector, VectorOperators.VECTOR_IN, List.of(operand));
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
        if (!(target instanceof VectorSqlType) && !(sourceType instanceof VectorSqlType)) {
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
        SqlUserDefinedFunction function = target.getSqlTypeName() == SqlTypeName.ARRAY
                ? VectorOperators.VECTOR_TO_REAL_ARRAY
                : VectorOperators.VECTOR_OUT;
        return rexBuilder.makeCall(target, function, List.of(source));
    }

    private static RexNode castToVector(RexBuilder rexBuilder, RexNode source, VectorSqlType vector,
            RelDataType type) {
        RexNode typmod = rexBuilder.makeExactLiteral(BigDecimal.valueOf(vector.dimension()),
                rexBuilder.getTypeFactory().createSqlType(SqlTypeName.INTEGER));
        RelDataType sourceType = source.getType();
        if (sourceType instanceof VectorSqlType) {
            return vector.hasDimension()
                    ? rexBuilder.makeCall(type, VectorOperators.VECTOR_TYPMOD, List.of(source, typmod))
                    : source;
        }
        if (sourceType.getSqlTypeName() != SqlTypeName.ARRAY) {
            return vector.hasDimension()
                    ? rexBuilder.makeCall(type, VectorOperators.VECTOR_IN_TYPMOD, List.of(source, typmod))
                    : rexBuilder.makeCall(type, VectorOperators.VECTOR_IN, List.of(source));
        }
        SqlUserDefinedFunction function = switch (sourceType.getComponentType().getSqlTypeName()) {
            case INTEGER -> VectorOperators.INT_ARRAY_TO_VECTOR;
            case REAL -> VectorOperators.REAL_ARRAY_TO_VECTOR;
            case DOUBLE, FLOAT -> VectorOperators.DOUBLE_ARRAY_TO_VECTOR;
            default -> VectorOperators.NUMERIC_ARRAY_TO_VECTOR;
        };
        return rexBuilder.makeCall(type, function, List.of(source, typmod));
    }
}

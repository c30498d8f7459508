package io.quiver.sql.function;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.sql2rel.SqlRexContext;

/**
 * timestamptz plus or minus months ({@code now() + interval '1 month'}), which Calcite's own code gets wrong (it
 * adds the months as milliseconds). As in PostgreSQL, the day of month is kept and clamped to the month's last
 * day, in the session's time zone (UTC).
 */
public final class MonthArithmetic {
    private static final SqlUserDefinedFunction PLUS_MONTHS = new SqlUserDefinedFunction(
            new SqlIdentifier("timestamptz_pl_interval", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
            ReturnTypes.explicit(SqlTypeName.ANY), null, null,
            ScalarFunctionImpl.create(MonthArithmetic.class, "timestamptzPlusMonths"));

    private MonthArithmetic() {
    }

    /** Whether {@code call} is timestamptz + months, months + timestamptz or timestamptz - months. */
    static boolean applies(SqlRexContext cx, SqlCall call) {
        if (call.getKind() != SqlKind.PLUS && call.getKind() != SqlKind.MINUS) {
            return false;
        }
        RelDataType left = cx.getValidator().getValidatedNodeType(call.operand(0));
        RelDataType right = cx.getValidator().getValidatedNodeType(call.operand(1));
        return (isTimestamptz(left) && isMonths(right))
                || (call.getKind() == SqlKind.PLUS && isMonths(left) && isTimestamptz(right));
    }

    static RexNode convert(SqlRexContext cx, SqlCall call) {
        RexBuilder rexBuilder = cx.getRexBuilder();
        boolean timestampFirst = isTimestamptz(cx.getValidator().getValidatedNodeType(call.operand(0)));
        RexNode timestamp = cx.convertExpression(call.operand(timestampFirst ? 0 : 1));
        RexNode months = cx.convertExpression(call.operand(timestampFirst ? 1 : 0));
        if (call.getKind() == SqlKind.MINUS) {
            months = rexBuilder.makeCall(SqlStdOperatorTable.UNARY_MINUS, months);
        }
        return rexBuilder.makeCall(cx.getValidator().getValidatedNodeType(call), PLUS_MONTHS,
                List.of(timestamp, months));
    }

    private static boolean isTimestamptz(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    }

    private static boolean isMonths(RelDataType type) {
        return SqlTypeFamily.INTERVAL_YEAR_MONTH.contains(type);
    }

    public static Long timestamptzPlusMonths(Long epochMillis, Integer months) {
        if (epochMillis == null || months == null) {
            return null;
        }
        return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC).plusMonths(months).toInstant()
                .toEpochMilli();
    }
}

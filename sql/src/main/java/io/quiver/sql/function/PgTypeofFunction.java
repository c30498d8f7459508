package io.quiver.sql.function;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.sql.type.PgTypeMapping;
import java.util.stream.Collectors;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql2rel.SqlRexContext;

/**
 * PostgreSQL's {@code pg_typeof(any)}: the name of its argument's type as psql prints it ({@code integer},
 * {@code timestamp with time zone}, {@code vector}). The type is known once the call is validated, so the call
 * becomes a constant; its type is text, which prints as PostgreSQL's regtype result does.
 */
public final class PgTypeofFunction extends SqlFunction {
    public static final PgTypeofFunction INSTANCE = new PgTypeofFunction();

    private PgTypeofFunction() {
        super("pg_typeof", SqlKind.OTHER_FUNCTION, ReturnTypes.explicit(SqlTypeName.VARCHAR), null,
                OperandTypes.VARIADIC, SqlFunctionCategory.SYSTEM);
    }

    /** Any one argument; any other count is a function PostgreSQL does not have (42883). */
    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
        if (binding.getOperandCount() != 1) {
            String arguments = binding.collectOperandTypes().stream()
                    .map(type -> PgTypeMapping.toPg(type).type().formatName()).collect(Collectors.joining(", "));
            throw QuiverException.of(SqlState.UNDEFINED_FUNCTION, "function pg_typeof(%s) does not exist", arguments);
        }
        return true;
    }

    static RexNode convert(SqlRexContext cx, SqlCall call) {
        RelDataType argument = cx.getValidator().getValidatedNodeType(call.operand(0));
        String name = argument.getSqlTypeName() == SqlTypeName.NULL ? "unknown"
                : PgTypeMapping.toPg(argument).type().formatName();
        return cx.getRexBuilder().makeLiteral(name, cx.getValidator().getValidatedNodeType(call), true);
    }
}

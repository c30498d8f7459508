package io.quiver.sql.function;

import java.util.List;
import org.apache.calcite.linq4j.function.Strict;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/** boolean to text as PostgreSQL's boolout writes it ({@code true}, {@code false}); Calcite writes TRUE. */
@Strict
public final class BooleanText {
    private static final SqlUserDefinedFunction BOOL_OUT = new SqlUserDefinedFunction(
            new SqlIdentifier("boolout", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
            ReturnTypes.explicit(SqlTypeName.VARCHAR), null, null, ScalarFunctionImpl.create(BooleanText.class, "text"));

    private BooleanText() {
    }

    static boolean applies(RelDataType source, RelDataType target) {
        return source.getSqlTypeName() == SqlTypeName.BOOLEAN && SqlTypeFamily.CHARACTER.contains(target);
    }

    static RexNode cast(RexBuilder rexBuilder, RexNode source, RelDataType target) {
        return rexBuilder.makeCall(target, BOOL_OUT, List.of(source));
    }

    public static String text(boolean value) {
        return value ? "true" : "false";
    }
}

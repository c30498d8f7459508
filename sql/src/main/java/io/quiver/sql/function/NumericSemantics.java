package io.quiver.sql.function;

import io.quiver.sql.type.QuiverTypeSystem;
import java.util.List;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * Puts {@link PgNumeric}'s semantics in place of Calcite's for numeric casts and division: explicit casts as
 * they are converted (so that a cast of a literal is not folded into a truncated literal), and the casts and
 * divisions the planner itself makes (avg is reduced to sum / count) once the plan is final.
 */
public final class NumericSemantics {
    private static final SqlUserDefinedFunction TO_NUMERIC = function("numeric", "toNumeric");
    private static final SqlUserDefinedFunction TO_NUMERIC_TYPMOD = function("numeric", "toNumericTypmod");
    private static final SqlUserDefinedFunction DIVIDE = function("numeric_div", "divide");

    private NumericSemantics() {
    }

    /** Whether a cast of {@code source} to {@code target} is a conversion to numeric that PostgreSQL does its way. */
    public static boolean isNumericCast(RelDataType source, RelDataType target) {
        return target.getSqlTypeName() == SqlTypeName.DECIMAL
                && (SqlTypeFamily.NUMERIC.contains(source) || SqlTypeFamily.CHARACTER.contains(source));
    }

    /** {@code source::target} for a target of type numeric. */
    public static RexNode cast(RexBuilder rexBuilder, RexNode source, RelDataType target) {
        if (QuiverTypeSystem.isUnconstrainedNumeric(target)) {
            return rexBuilder.makeCall(target, TO_NUMERIC, List.of(source));
        }
        return rexBuilder.makeCall(target, TO_NUMERIC_TYPMOD, List.of(source,
                rexBuilder.makeLiteral(target.getPrecision(), intType(rexBuilder)),
                rexBuilder.makeLiteral(target.getScale(), intType(rexBuilder))));
    }

    /** {@code plan} with every remaining numeric cast and division computed as PostgreSQL does. */
    public static RelNode apply(RelNode plan) {
        RexShuttle calls = new NumericCalls(plan.getCluster().getRexBuilder());
        return plan.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                return super.visit(other).accept(calls);
            }
        });
    }

    private static RelDataType intType(RexBuilder rexBuilder) {
        return rexBuilder.getTypeFactory().createSqlType(SqlTypeName.INTEGER);
    }

    private static SqlUserDefinedFunction function(String name, String method) {
        return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                ReturnTypes.explicit(SqlTypeName.DECIMAL), null, null,
                ScalarFunctionImpl.create(PgNumeric.class, method));
    }

    private static final class NumericCalls extends RexShuttle {
        private final RexBuilder rexBuilder;

        NumericCalls(RexBuilder rexBuilder) {
            this.rexBuilder = rexBuilder;
        }

        @Override
        public RexNode visitCall(RexCall original) {
            RexCall call = (RexCall) super.visitCall(original);
            RelDataType type = call.getType();
            if (call.getKind() == SqlKind.CAST && isNumericCast(call.getOperands().get(0).getType(), type)) {
                return cast(rexBuilder, call.getOperands().get(0), type);
            }
            if ((call.getKind() == SqlKind.DIVIDE || call.getKind() == SqlKind.CHECKED_DIVIDE)
                    && type.getSqlTypeName() == SqlTypeName.DECIMAL) {
                return rexBuilder.makeCall(type, DIVIDE, call.getOperands());
            }
            return call;
        }
    }
}

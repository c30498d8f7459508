package io.quiver.sql.parser;

import io.quiver.sql.type.PgIntervalTypes;
import io.quiver.sql.type.QuiverTypeNameSpec;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL's interval constants as Calcite interval literals: {@code interval '1 day'} as the parser reads it,
 * and {@code '1 day'::interval} and {@code CAST('7 days' AS interval)}, rewritten after parsing. Reading them
 * while parsing gives a constant of {@code 1 month} its year-month type and rejects bad text early (22007).
 */
public final class PgIntervalLiterals extends SqlShuttle {
    private static final String TYPE_NAME = "interval";
    private static final PgIntervalLiterals INSTANCE = new PgIntervalLiterals();

    private PgIntervalLiterals() {
    }

    /** The text of an {@code interval '...'} token: between its quotes, with doubled quotes undoubled. */
    public static String quotedText(String image) {
        return image.substring(image.indexOf('\'') + 1, image.length() - 1).replace("''", "'");
    }

    public static SqlLiteral literal(String text, SqlParserPos pos) {
        return PgIntervalTypes.literal(text, pos);
    }

    public static QuiverTypeNameSpec typeName(SqlParserPos pos) {
        return new QuiverTypeNameSpec(new SqlIdentifier(TYPE_NAME, pos), List.of(), pos);
    }

    static SqlNode rewrite(SqlNode node) {
        return node.accept(INSTANCE);
    }

    @Override
    public @Nullable SqlNode visit(SqlCall call) {
        SqlCall visited = (SqlCall) super.visit(call);
        if (visited == null || visited.getKind() != SqlKind.CAST || !isInterval(visited.operand(1))) {
            return visited;
        }
        SqlParserPos pos = visited.getParserPosition();
        if (visited.operand(0) instanceof SqlCharStringLiteral text) {
            return literal(text.getValueAs(String.class), pos);
        }
        visited.setOperand(1, new SqlDataTypeSpec(typeName(visited.operand(1).getParserPosition()), pos));
        if (visited.operand(0) instanceof SqlDynamicParam parameter) {
            // $1::interval: the parameter is the interval's text (see PgTypeMapping), read by the cast.
            visited.setOperand(0, SqlStdOperatorTable.CAST.createCall(pos, parameter,
                    new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, pos), pos)));
        }
        return visited;
    }

    /**
     * Whether a cast's target is PostgreSQL's {@code interval}: the type name after {@code ::}, or the bare
     * {@code INTERVAL} of CAST(x AS INTERVAL), which Calcite's grammar reads as a qualifier of seconds.
     */
    private static boolean isInterval(SqlNode target) {
        if (target instanceof SqlIntervalQualifier qualifier) {
            return qualifier.timeUnitRange == TimeUnitRange.SECOND
                    && qualifier.getStartPrecisionPreservingDefault() == RelDataType.PRECISION_NOT_SPECIFIED
                    && qualifier.getFractionalSecondPrecisionPreservingDefault()
                            == RelDataType.PRECISION_NOT_SPECIFIED;
        }
        return target instanceof SqlDataTypeSpec spec
                && spec.getTypeNameSpec() instanceof QuiverTypeNameSpec name
                && name.getTypeName().isSimple() && name.getTypeName().getSimple().equals(TYPE_NAME)
                && name.modifiers().isEmpty();
    }
}

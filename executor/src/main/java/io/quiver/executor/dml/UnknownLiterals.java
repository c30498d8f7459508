package io.quiver.executor.dml;

import io.quiver.catalog.SqlType;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import io.quiver.sql.parser.SqlPositions;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A quoted literal has no type of its own in PostgreSQL: stored into a column it is read with that column's
 * input function, so {@code '42'} fills an integer column and {@code 'abc'} fails there with 22P02. Calcite
 * would cast it instead (silently, for some types); this reads numeric and boolean literals as PostgreSQL does.
 */
final class UnknownLiterals {
    private static final Set<String> TRUE = Set.of("t", "true", "y", "yes", "on", "1");
    private static final Set<String> FALSE = Set.of("f", "false", "n", "no", "off", "0");
    /**
     * The special values the text-to-float cast reads (Java's parser, so in this case only): PostgreSQL's
     * lower-case and {@code inf} spellings still fail, as the cast itself does.
     */
    private static final Set<String> FLOAT_WORDS = Set.of("NaN", "+NaN", "-NaN", "Infinity", "+Infinity",
            "-Infinity");

    private UnknownLiterals() {
    }

    /** The value to assign: {@code node} itself, or the literal read as the column's type. */
    static SqlNode read(SqlNode node, SqlType target, String sql) {
        if (!(node instanceof SqlCharStringLiteral literal)) {
            return node;
        }
        String text = literal.getValueAs(String.class);
        SqlParserPos pos = literal.getParserPosition();
        try {
            return switch (target.type()) {
                case INT2 -> integer(text, Short.MIN_VALUE, Short.MAX_VALUE, "smallint", pos);
                case INT4 -> integer(text, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer", pos);
                case INT8 -> integer(text, Long.MIN_VALUE, Long.MAX_VALUE, "bigint", pos);
                case FLOAT4, FLOAT8 -> FLOAT_WORDS.contains(text.strip())
                        ? floatCast(literal, target, pos)
                        : SqlLiteral.createExactNumeric(decimal(text, target).toPlainString(), pos);
                case NUMERIC -> SqlLiteral.createExactNumeric(decimal(text, target).toPlainString(), pos);
                case BOOL -> SqlLiteral.createBoolean(bool(text), pos);
                default -> node;
            };
        } catch (QuiverException e) {
            throw e.withPosition(SqlPositions.offset(sql, pos.getLineNum(), pos.getColumnNum()));
        }
    }

    /** NaN and the infinities, which no exact literal holds: the float types' own input reads them. */
    private static SqlNode floatCast(SqlLiteral literal, SqlType target, SqlParserPos pos) {
        SqlTypeName type = target.type() == PgType.FLOAT4 ? SqlTypeName.REAL : SqlTypeName.DOUBLE;
        return SqlStdOperatorTable.CAST.createCall(pos, literal,
                new SqlDataTypeSpec(new SqlBasicTypeNameSpec(type, pos), pos));
    }

    private static SqlNode integer(String text, long min, long max, String typeName, SqlParserPos pos) {
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            if (text.strip().matches("[+-]?\\d+")) {
                throw outOfRange(text, typeName);
            }
            throw invalid(text, typeName);
        }
        if (value < min || value > max) {
            throw outOfRange(text, typeName);
        }
        return SqlLiteral.createExactNumeric(Long.toString(value), pos);
    }

    private static BigDecimal decimal(String text, SqlType target) {
        String typeName = switch (target.type()) {
            case FLOAT4 -> "real";
            case FLOAT8 -> "double precision";
            default -> "numeric";
        };
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw invalid(text, typeName);
        }
    }

    private static boolean bool(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(word)) {
            return true;
        }
        if (FALSE.contains(word)) {
            return false;
        }
        throw invalid(text, "boolean");
    }

    private static QuiverException invalid(String text, String typeName) {
        return QuiverException.of(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type %s: \"%s\"",
                typeName, text);
    }

    private static QuiverException outOfRange(String text, String typeName) {
        return QuiverException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value \"%s\" is out of range for type %s",
                text, typeName);
    }
}

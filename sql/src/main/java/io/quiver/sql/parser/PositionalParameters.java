package io.quiver.sql.parser;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Gives PostgreSQL's {@code $n} parameters their number. The lexer hands {@code $n} to the grammar as a {@code ?}
 * (so that a parameter is accepted wherever Calcite accepts one), and the parser numbers {@code ?}s in order of
 * appearance; this pass reads n back from the text, so {@code $2 ... $1 ... $2} become indexes 1, 0, 1.
 */
final class PositionalParameters extends SqlShuttle {
    private final String sql;
    private boolean sawPositional;
    private boolean sawQuestionMark;

    private PositionalParameters(String sql) {
        this.sql = sql;
    }

    static SqlNode number(String sql, SqlNode node) {
        if (sql.indexOf('$') < 0) {
            return node;
        }
        return node.accept(new PositionalParameters(sql));
    }

    @Override
    public SqlNode visit(SqlDynamicParam param) {
        SqlParserPos pos = param.getParserPosition();
        int start = SqlPositions.offset(sql, pos.getLineNum(), pos.getColumnNum()) - 1;
        if (start < 0 || sql.charAt(start) != '$') {
            sawQuestionMark = true;
            checkNotMixed(start);
            return param;
        }
        sawPositional = true;
        checkNotMixed(start);
        int end = start + 1;
        while (end < sql.length() && Character.isDigit(sql.charAt(end))) {
            end++;
        }
        int number = parseNumber(sql.substring(start + 1, end), start);
        return new SqlDynamicParam(number - 1, pos);
    }

    private void checkNotMixed(int start) {
        if (sawPositional && sawQuestionMark) {
            throw new QuiverException(SqlState.SYNTAX_ERROR, "cannot mix $n and ? parameters", null, null,
                    start + 1, null);
        }
    }

    private static int parseNumber(String digits, int start) {
        int number;
        try {
            number = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            number = 0;
        }
        if (number < 1) {
            throw new QuiverException(SqlState.UNDEFINED_PARAMETER, "there is no parameter $" + digits, null, null,
                    start + 1, null);
        }
        return number;
    }
}

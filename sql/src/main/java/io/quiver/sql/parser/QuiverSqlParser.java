package io.quiver.sql.parser;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.sql.parser.impl.QuiverSqlParserImpl;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlConformance;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Parses one SQL statement with Quiver's generated parser and PostgreSQL's lexical rules: unquoted identifiers
 * fold to lower case, "quoted" ones keep their case, {@code $n} parameters are {@link
 * org.apache.calcite.sql.SqlDynamicParam}s of index n - 1. Syntax errors are 42601 with the position of the
 * offending token, worded as PostgreSQL words them.
 */
public final class QuiverSqlParser {
    /** PostgreSQL accepts {@code !=}, {@code %}, GROUP BY aliases and ordinals, and LIMIT/OFFSET. */
    public static final SqlConformance CONFORMANCE = SqlConformanceEnum.LENIENT;

    public static final SqlParser.Config CONFIG = SqlParser.config()
            .withParserFactory(QuiverSqlParserImpl.FACTORY)
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withUnquotedCasing(Casing.TO_LOWER)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(true)
            .withConformance(CONFORMANCE);

    /**
     * JavaCC reports the tokens its lookahead consumed ("+ &lt;EOF&gt;" for {@code SELECT 1 +}); when they run into
     * the end of the text, the statement is an unfinished prefix, which PostgreSQL reports at end of input.
     */
    private static final Pattern ENDS_AT_EOF = Pattern.compile("Encountered \"[^\"]*<EOF>\"");

    private QuiverSqlParser() {
    }

    /** The syntax tree of the single statement {@code sql}. */
    public static SqlNode parse(String sql) {
        SqlNode node;
        try {
            node = SqlParser.create(QualifiedUnnest.blankSchema(sql), CONFIG).parseStmt();
        } catch (SqlParseException e) {
            // The grammar's own checks (an unknown collation, say) fail with a QuiverException of their own.
            throw e.getCause() instanceof QuiverException quiver ? quiver : syntaxError(sql, e);
        }
        return ExpandArrayCalls.rewrite(PgIntervalLiterals.rewrite(TimestampWithTimeZone.rewrite(
                RegTypeCasts.rewrite(PositionalParameters.number(sql, node)))));
    }

    private static QuiverException syntaxError(String sql, SqlParseException e) {
        SqlParserPos pos = e.getPos();
        int position = pos == null ? 0 : SqlPositions.offset(sql, pos.getLineNum(), pos.getColumnNum());
        String message;
        if (position == 0 || position > sql.length() || ENDS_AT_EOF.matcher(e.getMessage()).find()) {
            message = "syntax error at end of input";
            position = sql.length() + 1;
        } else {
            message = "syntax error at or near \"" + SqlTokens.tokenAt(sql, position - 1) + "\"";
        }
        return new QuiverException(SqlState.SYNTAX_ERROR, message, null, null, position, e);
    }
}

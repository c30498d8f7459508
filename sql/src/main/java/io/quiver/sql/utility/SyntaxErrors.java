package io.quiver.sql.utility;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.sql.utility.grammar.PgUtilityLexer;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/** Turns the first ANTLR syntax error into the error PostgreSQL's scanner or grammar reports for that token. */
final class SyntaxErrors extends BaseErrorListener {
    static final SyntaxErrors INSTANCE = new SyntaxErrors();

    private SyntaxErrors() {
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String msg, RecognitionException e) {
        throw at((Token) offendingSymbol);
    }

    static QuiverException at(Token token) {
        String message = switch (token.getType()) {
            case Token.EOF -> "syntax error at end of input";
            case PgUtilityLexer.UNTERMINATED_STRING -> "unterminated quoted string at or near \"" + token.getText() + "\"";
            case PgUtilityLexer.UNTERMINATED_QUOTED_IDENT ->
                    "unterminated quoted identifier at or near \"" + token.getText() + "\"";
            case PgUtilityLexer.UNTERMINATED_BLOCK_COMMENT ->
                    "unterminated /* comment at or near \"" + token.getText() + "\"";
            case PgUtilityLexer.UNTERMINATED_DOLLAR_STRING ->
                    "unterminated dollar-quoted string at or near \"" + token.getText() + "\"";
            default -> "syntax error at or near \"" + token.getText() + "\"";
        };
        return error(SqlState.SYNTAX_ERROR, message, token);
    }

    /** An error positioned, as PostgreSQL positions it, at the 1-based character where {@code token} starts. */
    static QuiverException error(SqlState state, String message, Token token) {
        return new QuiverException(state, message).withPosition(token.getStartIndex() + 1);
    }
}

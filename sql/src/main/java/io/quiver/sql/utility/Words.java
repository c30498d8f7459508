package io.quiver.sql.utility;

import io.quiver.common.error.SqlState;
import io.quiver.sql.utility.grammar.PgUtilityLexer;
import io.quiver.sql.utility.grammar.PgUtilityParser.StringContext;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/** Decodes single-token names and literals, and recovers raw SQL text, the way PostgreSQL's scanner does. */
final class Words {
    private Words() {
    }

    /** A one-token name: unquoted words fold to lower case (ASCII only, as PostgreSQL), quoted ones keep case. */
    static String name(ParserRuleContext oneTokenName) {
        Token token = oneTokenName.getStart();
        String text = token.getText();
        if (token.getType() != PgUtilityLexer.QUOTED_IDENT) {
            return foldCase(text);
        }
        if (text.length() == 2) {
            throw SyntaxErrors.error(SqlState.SYNTAX_ERROR, "zero-length delimited identifier at or near \"\"\"\"", token);
        }
        return text.substring(1, text.length() - 1).replace("\"\"", "\"");
    }

    static String foldCase(String word) {
        StringBuilder folded = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return folded.toString();
    }

    static String string(StringContext literal) {
        Token token = literal.getStart();
        String text = token.getText();
        return switch (token.getType()) {
            case PgUtilityLexer.STRING -> text.substring(1, text.length() - 1).replace("''", "'");
            case PgUtilityLexer.ESCAPE_STRING -> EscapeStrings.decode(text.substring(2, text.length() - 1));
            case PgUtilityLexer.DOLLAR_STRING -> {
                int tagLength = text.indexOf('$', 1) + 1;
                yield text.substring(tagLength, text.length() - tagLength);
            }
            default -> throw new IllegalStateException("not a string literal: " + text);
        };
    }

    /** The statement text a rule matched, comments and spacing included, exactly as the client sent it. */
    static String rawText(ParserRuleContext ctx) {
        return text(ctx.getStart().getStartIndex(), ctx.getStop().getStopIndex(), ctx);
    }

    /** The raw text between a rule's first and last tokens (its brackets), trimmed. */
    static String textInside(ParserRuleContext ctx) {
        return text(ctx.getStart().getStopIndex() + 1, ctx.getStop().getStartIndex() - 1, ctx).strip();
    }

    private static String text(int firstChar, int lastChar, ParserRuleContext ctx) {
        return ctx.getStart().getInputStream().getText(Interval.of(firstChar, lastChar));
    }
}

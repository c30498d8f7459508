package io.quiver.sql.split;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a simple-query string into its statements at the semicolons PostgreSQL's scanner would see: not inside
 * quoted literals or identifiers, comments or dollar quotes. Statements holding only whitespace and comments are
 * dropped. An unterminated quote or comment runs to the end, leaving its statement for the parser to reject.
 */
public final class StatementSplitter {
    private final String sql;
    private final List<StatementText> statements = new ArrayList<>();
    private int position;
    private int statementStart;
    private boolean statementHasContent;

    private StatementSplitter(String sql) {
        this.sql = sql;
    }

    public static List<StatementText> split(String sql) {
        StatementSplitter splitter = new StatementSplitter(sql);
        splitter.scan();
        return List.copyOf(splitter.statements);
    }

    private void scan() {
        while (position < sql.length()) {
            char c = sql.charAt(position);
            if (c == ';') {
                endStatement();
                position++;
                statementStart = position;
            } else if (c == '-' && next() == '-') {
                skipLineComment();
            } else if (c == '/' && next() == '*') {
                skipBlockComment();
            } else if (Character.isWhitespace(c)) {
                position++;
            } else {
                statementHasContent = true;
                scanToken(c);
            }
        }
        endStatement();
    }

    private void scanToken(char c) {
        if (c == '\'') {
            skipQuoted('\'', false);
        } else if (c == '"') {
            skipQuoted('"', false);
        } else if ((c == 'e' || c == 'E') && next() == '\'' && !followsIdentifier()) {
            position++;
            skipQuoted('\'', true);
        } else if (c == '$' && !followsIdentifier()) {
            skipDollarQuoteOrParameter();
        } else {
            position++;
        }
    }

    /** A doubled quote is an escaped quote; with backslash escapes (E'...'), so is a backslashed one. */
    private void skipQuoted(char quote, boolean backslashEscapes) {
        position++;
        while (position < sql.length()) {
            char c = sql.charAt(position++);
            if (backslashEscapes && c == '\\') {
                position++;
            } else if (c == quote) {
                if (position < sql.length() && sql.charAt(position) == quote) {
                    position++;
                } else {
                    return;
                }
            }
        }
        position = sql.length();
    }

    private void skipLineComment() {
        int end = sql.indexOf('\n', position);
        position = end < 0 ? sql.length() : end + 1;
    }

    /** PostgreSQL's block comments nest. An unterminated one counts as content so that the parser reports it. */
    private void skipBlockComment() {
        int depth = 0;
        while (position < sql.length()) {
            if (sql.startsWith("/*", position)) {
                depth++;
                position += 2;
            } else if (sql.startsWith("*/", position)) {
                depth--;
                position += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                position++;
            }
        }
        statementHasContent = true;
    }

    /** {@code $tag$ ... $tag$} where the tag may be empty; {@code $1} is a parameter, not a quote. */
    private void skipDollarQuoteOrParameter() {
        int tagEnd = position + 1;
        while (tagEnd < sql.length() && isTagCharacter(sql.charAt(tagEnd), tagEnd == position + 1)) {
            tagEnd++;
        }
        if (tagEnd >= sql.length() || sql.charAt(tagEnd) != '$') {
            position++;
            return;
        }
        String tag = sql.substring(position, tagEnd + 1);
        int close = sql.indexOf(tag, tagEnd + 1);
        position = close < 0 ? sql.length() : close + tag.length();
    }

    private static boolean isTagCharacter(char c, boolean first) {
        boolean letter = Character.isLetter(c) || c == '_' || c >= 0x80;
        return letter || (!first && c >= '0' && c <= '9');
    }

    /** E'...' and $...$ only start a token: in {@code name'x'} or {@code a$b$} they belong to the identifier. */
    private boolean followsIdentifier() {
        if (position == 0) {
            return false;
        }
        char previous = sql.charAt(position - 1);
        return Character.isLetterOrDigit(previous) || previous == '_' || previous == '$' || previous >= 0x80;
    }

    private char next() {
        return position + 1 < sql.length() ? sql.charAt(position + 1) : 0;
    }

    private void endStatement() {
        if (statementHasContent) {
            int start = statementStart;
            int end = position;
            while (Character.isWhitespace(sql.charAt(start))) {
                start++;
            }
            while (Character.isWhitespace(sql.charAt(end - 1))) {
                end--;
            }
            statements.add(new StatementText(sql.substring(start, end), start));
        }
        statementHasContent = false;
    }
}

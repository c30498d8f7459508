package io.quiver.executor.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL text into the tokens {@link EmptyCatalogQuery} reasons about: lower-cased words, punctuation,
 * "quoted identifiers" with their opening quote, and literals collapsed to one {@code '} token each. Comments are dropped.
 */
public final class SqlTokens {
    static final String LITERAL = "'";
    /** Starts the token of a "quoted identifier", so that it is never mistaken for a key word. */
    static final String QUOTED = "\"";

    private SqlTokens() {
    }

    static List<String> of(String sql) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                i = end(sql.indexOf('\n', i), sql);
            } else if (sql.startsWith("/*", i)) {
                i = end(sql.indexOf("*/", i), sql) + 2;
            } else if (c == '\'' || ((c == 'e' || c == 'E') && i + 1 < sql.length() && sql.charAt(i + 1) == '\'')) {
                i = skipString(sql, c == '\'' ? i : i + 1, c != '\'');
                tokens.add(LITERAL);
            } else if (c == '"') {
                int close = end(sql.indexOf('"', i + 1), sql);
                tokens.add(QUOTED + sql.substring(i + 1, Math.min(close, sql.length())));
                i = close + 1;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int start = i;
                while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(sql.substring(start, i).toLowerCase(Locale.ROOT));
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
        return tokens;
    }

    private static int end(int found, String sql) {
        return found < 0 ? sql.length() : found;
    }

    /** The index after the string literal whose opening quote is at {@code quote}. */
    public static int skipString(String sql, int quote, boolean backslashEscapes) {
        int i = quote + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return i;
    }
}

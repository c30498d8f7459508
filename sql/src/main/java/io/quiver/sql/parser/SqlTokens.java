package io.quiver.sql.parser;

/** Finds the text of the SQL token at a position, to quote it in a syntax error as PostgreSQL does. */
final class SqlTokens {
    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?:";

    private SqlTokens() {
    }

    /** The token starting at the 0-based index {@code start} of {@code sql}. */
    static String tokenAt(String sql, int start) {
        char first = sql.charAt(start);
        int end = start + 1;
        if (Character.isLetter(first) || first == '_') {
            while (end < sql.length() && isIdentifierPart(sql.charAt(end))) {
                end++;
            }
        } else if (Character.isDigit(first)) {
            while (end < sql.length() && (Character.isDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                end++;
            }
        } else if (first == '\'' || first == '"') {
            int close = sql.indexOf(first, end);
            end = close < 0 ? sql.length() : close + 1;
        } else if (OPERATOR_CHARS.indexOf(first) >= 0) {
            while (end < sql.length() && OPERATOR_CHARS.indexOf(sql.charAt(end)) >= 0) {
                end++;
            }
        }
        return sql.substring(start, end);
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}

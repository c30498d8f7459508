package io.quiver.executor.dml;

import java.util.Locale;

/**
 * Separates PostgreSQL's {@code RETURNING} clause from an INSERT, UPDATE or DELETE: Calcite's grammar has no
 * such clause, so the statement is planned without it and the returned list is planned over the changed rows.
 *
 * @param statement the statement without the clause
 * @param returningList the select list after RETURNING, or null when there is none
 */
public record ReturningClause(String statement, String returningList) {
    private static final String KEYWORD = "returning";

    /** Finds a top-level RETURNING keyword (outside quotes, comments and parentheses). */
    public static ReturningClause split(String sql) {
        int depth = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipQuoted(sql, i, c);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '$' && i + 1 < n && sql.charAt(i + 1) == '$') {
                int end = sql.indexOf("$$", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '(') {
                depth++;
                i++;
            } else if (c == ')') {
                depth--;
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$')) {
                    i++;
                }
                if (depth == 0 && sql.substring(start, i).toLowerCase(Locale.ROOT).equals(KEYWORD)) {
                    return new ReturningClause(sql.substring(0, start).stripTrailing(), sql.substring(i).trim());
                }
            } else {
                i++;
            }
        }
        return new ReturningClause(sql, null);
    }

    private static int skipQuoted(String sql, int start, char quote) {
        int i = start + 1;
        boolean backslashEscapes = quote == '\'' && start > 0
                && Character.toLowerCase(sql.charAt(start - 1)) == 'e';
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
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

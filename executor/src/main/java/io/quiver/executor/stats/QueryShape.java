package io.quiver.executor.stats;

import io.quiver.executor.system.SqlTokens;

/**
 * A statement's shape, as pg_stat_statements normalizes it: constants and parameters become {@code $1},
 * {@code $2} ... in order, comments go and runs of white space become one space; the rest is kept as written.
 * So {@code SELECT * FROM t WHERE id = 7} and {@code SELECT * FROM t WHERE id = $1} have one shape.
 */
final class QueryShape {
    private QueryShape() {
    }

    static String of(String sql) {
        StringBuilder shape = new StringBuilder(sql.length());
        int parameter = 0;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
                    i++;
                }
                space(shape);
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else if (c == '\''
                    || (c == 'e' || c == 'E') && sql.startsWith("'", i + 1) && !identifierBefore(shape)) {
                i = SqlTokens.skipString(sql, c == '\'' ? i : i + 1, c != '\'');
                shape.append('$').append(++parameter);
            } else if (c == '$' && digitAt(sql, i + 1)
                    || (Character.isDigit(c) || c == '.' && digitAt(sql, i + 1)) && !identifierBefore(shape)) {
                i++;
                while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
                shape.append('$').append(++parameter);
            } else if (c == '"') {
                int end = sql.indexOf('"', i + 1);
                end = end < 0 ? sql.length() : end + 1;
                shape.append(sql, i, end);
                i = end;
            } else {
                shape.append(c);
                i++;
            }
        }
        return shape.toString().strip();
    }

    private static boolean digitAt(String sql, int i) {
        return i < sql.length() && Character.isDigit(sql.charAt(i));
    }

    private static void space(StringBuilder shape) {
        if (!shape.isEmpty() && shape.charAt(shape.length() - 1) != ' ') {
            shape.append(' ');
        }
    }

    private static boolean identifierBefore(StringBuilder shape) {
        if (shape.isEmpty()) {
            return false;
        }
        char last = shape.charAt(shape.length() - 1);
        return Character.isLetterOrDigit(last) || last == '_';
    }
}

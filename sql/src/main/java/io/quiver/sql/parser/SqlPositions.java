package io.quiver.sql.parser;

/** Converts Calcite's 1-based (line, column) positions to PostgreSQL's 1-based character positions. */
public final class SqlPositions {
    private SqlPositions() {
    }

    /** The 1-based character position of (line, column) in {@code sql}, or 0 when it lies outside the text. */
    public static int offset(String sql, int line, int column) {
        if (line < 1 || column < 1) {
            return 0;
        }
        int currentLine = 1;
        int i = 0;
        while (currentLine < line && i < sql.length()) {
            char c = sql.charAt(i++);
            if (c == '\n' || (c == '\r' && (i == sql.length() || sql.charAt(i) != '\n'))) {
                currentLine++;
            }
        }
        int offset = i + column;
        return currentLine == line && offset <= sql.length() + 1 ? offset : 0;
    }
}

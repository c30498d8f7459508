package io.quiver.sql.parser;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pg_catalog.unnest(...)} as psql writes it ({@code \d+} does, in FROM): UNNEST is a keyword to
 * Calcite's grammar, so the schema is blanked out before parsing, with spaces, so that positions stay right.
 */
final class QualifiedUnnest {
    private static final Pattern QUALIFIED = Pattern.compile("(?i)\\bpg_catalog\\s*\\.\\s*(?=unnest\\s*\\()");

    private QualifiedUnnest() {
    }

    static String blankSchema(String sql) {
        if (!sql.toLowerCase(Locale.ROOT).contains("unnest")) {
            return sql;
        }
        StringBuilder result = new StringBuilder(sql);
        Matcher matcher = QUALIFIED.matcher(sql);
        while (matcher.find()) {
            if (!insideQuotes(sql, matcher.start())) {
                for (int i = matcher.start(); i < matcher.end(); i++) {
                    result.setCharAt(i, ' ');
                }
            }
        }
        return result.toString();
    }

    /** Whether {@code position} is inside a '...' literal or a "..." identifier. */
    private static boolean insideQuotes(String sql, int position) {
        char open = 0;
        for (int i = 0; i < position; i++) {
            char c = sql.charAt(i);
            if (open == 0 && (c == '\'' || c == '"')) {
                open = c;
            } else if (c == open) {
                open = 0;
            }
        }
        return open != 0;
    }
}

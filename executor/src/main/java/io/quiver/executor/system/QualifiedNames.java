package io.quiver.executor.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an object name as PostgreSQL's reg* input functions do: dot-separated parts, each either "quoted"
 * (case kept, "" for a quote) or plain (folded to lower case), so {@code 'pg_catalog.pg_class'} and
 * {@code '"My Table"'} name what they name in SQL.
 */
final class QualifiedNames {
    private QualifiedNames() {
    }

    static List<String> parse(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && quoted && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                part.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
                wasQuoted = true;
            } else if (c == '.' && !quoted) {
                parts.add(finish(part, wasQuoted));
                part.setLength(0);
                wasQuoted = false;
            } else {
                part.append(c);
            }
        }
        parts.add(finish(part, wasQuoted));
        return parts;
    }

    private static String finish(StringBuilder part, boolean quoted) {
        return quoted ? part.toString() : part.toString().trim().toLowerCase(Locale.ROOT);
    }
}

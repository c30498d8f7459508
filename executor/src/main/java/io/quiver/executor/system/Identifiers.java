package io.quiver.executor.system;

import java.util.Set;
import java.util.regex.Pattern;

/** PostgreSQL's quote_ident(): names are double-quoted when they would not survive as plain identifiers. */
final class Identifiers {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");
    /** The reserved words most likely to be column names; PostgreSQL quotes every reserved word. */
    private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as",
            "asc", "both", "case", "cast", "check", "collate", "column", "constraint", "create", "default",
            "desc", "distinct", "do", "else", "end", "except", "false", "for", "foreign", "from", "grant", "group",
            "having", "in", "into", "leading", "limit", "not", "null", "offset", "on", "only", "or", "order",
            "primary", "references", "select", "some", "table", "then", "to", "true", "union", "unique", "user",
            "using", "when", "where", "window", "with");

    private Identifiers() {
    }

    static String quote(String name) {
        if (PLAIN.matcher(name).matches() && !RESERVED.contains(name)) {
            return name;
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}

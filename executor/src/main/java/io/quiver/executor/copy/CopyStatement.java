package io.quiver.executor.copy;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.executor.api.CopyFormat;
import io.quiver.sql.utility.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code COPY table [(columns)] FROM STDIN | TO STDOUT [[WITH] (option value, ...) | legacy options]} and
 * {@code COPY (query) TO STDOUT}: the bulk forms clients use (psql's \copy, pgjdbc's CopyManager). COPY to or
 * from server files and programs is refused with 0A000 rather than misread.
 *
 * @param table the table (null for COPY (query) TO)
 * @param columns the listed columns (empty: all, in order)
 * @param query the query of COPY (query) TO STDOUT, or null
 * @param in whether data flows in (FROM STDIN) rather than out (TO STDOUT)
 * @param format the data layout
 */
public record CopyStatement(QualifiedName table, List<String> columns, String query, boolean in, CopyFormat format) {
    private static final String NAME = "(?:\"(?:[^\"]|\"\")*\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern COPY = Pattern.compile("(?is)^\\s*copy\\s+(" + NAME + "(?:\\s*\\.\\s*" + NAME
            + ")?)\\s*(?:\\(([^)]*)\\))?\\s+(from|to)\\s+(\\S+)(.*?);?\\s*$");
    private static final Pattern COPY_QUERY = Pattern.compile("(?is)^\\s*copy\\s*\\((.*)\\)\\s*to\\s+(\\S+)(.*?);?\\s*$");
    private static final Pattern OPTION = Pattern.compile("(?is)\\s*([a-z_]+)(?:\\s+('(?:[^']|'')*'|[^,\\s]+))?\\s*");

    /** The COPY statement {@code sql} is, or empty when it is not a COPY. */
    public static Optional<CopyStatement> parse(String sql) {
        if (!sql.stripLeading().regionMatches(true, 0, "copy", 0, 4)) {
            return Optional.empty();
        }
        Matcher query = COPY_QUERY.matcher(sql);
        if (query.matches()) {
            requireClient(query.group(2), "stdout");
            return Optional.of(new CopyStatement(null, List.of(), query.group(1), false, options(query.group(3))));
        }
        Matcher m = COPY.matcher(sql);
        if (!m.matches()) {
            throw new QuiverException(SqlState.SYNTAX_ERROR, "syntax error in COPY statement");
        }
        boolean in = m.group(3).equalsIgnoreCase("from");
        requireClient(m.group(4), in ? "stdin" : "stdout");
        List<String> columns = new ArrayList<>();
        if (m.group(2) != null && !m.group(2).isBlank()) {
            for (String column : m.group(2).split(",")) {
                columns.add(identifier(column.strip()));
            }
        }
        return Optional.of(new CopyStatement(qualifiedName(m.group(1)), columns, null, in, options(m.group(5))));
    }

    private static void requireClient(String endpoint, String expected) {
        if (!endpoint.equalsIgnoreCase(expected)) {
            throw QuiverException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "COPY with a file or program is not supported; use %s (psql's \\copy)", expected.toUpperCase(Locale.ROOT));
        }
    }

    private static CopyFormat options(String text) {
        String options = text.strip();
        if (options.regionMatches(true, 0, "with", 0, 4)) {
            options = options.substring(4).strip();
        }
        if (options.startsWith("(") && options.endsWith(")")) {
            options = options.substring(1, options.length() - 1);
        } else {
            // pre-9.0 syntax: CSV HEADER DELIMITER ',' NULL '' ...
            options = options.replaceAll("(?i)\\b(csv|header|binary)\\b", "$1,")
                    .replaceAll("(?i)\\b(delimiter|null|quote|escape)\\s+(?:as\\s+)?('(?:[^']|'')*')", "$1 $2,");
        }
        boolean csv = false;
        boolean header = false;
        Character delimiter = null;
        String nullString = null;
        char quote = '"';
        Character escape = null;
        for (String option : options.split(",(?=(?:[^']*'[^']*')*[^']*$)")) {
            if (option.isBlank()) {
                continue;
            }
            Matcher o = OPTION.matcher(option);
            if (!o.matches()) {
                throw QuiverException.of(SqlState.SYNTAX_ERROR, "syntax error at or near \"%s\"", option.strip());
            }
            String name = o.group(1).toLowerCase(Locale.ROOT);
            String value = o.group(2) == null ? null : unquote(o.group(2));
            switch (name) {
                case "format" -> {
                    String format = String.valueOf(value).toLowerCase(Locale.ROOT);
                    if (format.equals("binary")) {
                        throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED, "COPY binary format is not supported");
                    }
                    if (!format.equals("text") && !format.equals("csv")) {
                        throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE, "COPY format \"%s\" not recognized",
                                format);
                    }
                    csv = format.equals("csv");
                }
                case "csv" -> csv = true;
                case "binary" -> throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED,
                        "COPY binary format is not supported");
                case "header" -> header = value == null || isTrue(value);
                case "delimiter" -> delimiter = single(name, value);
                case "null" -> nullString = value;
                case "quote" -> quote = single(name, value);
                case "escape" -> escape = single(name, value);
                default -> throw QuiverException.of(SqlState.SYNTAX_ERROR, "option \"%s\" not recognized", name);
            }
        }
        if (header && !csv) {
            throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED, "COPY HEADER available only in CSV mode");
        }
        CopyFormat base = csv ? CopyFormat.CSV : CopyFormat.TEXT;
        return new CopyFormat(csv, delimiter != null ? delimiter : base.delimiter(),
                nullString != null ? nullString : base.nullString(), header, quote, escape != null ? escape : quote);
    }

    private static boolean isTrue(String value) {
        return Pattern.matches("(?i)true|on|1|yes", value);
    }

    private static char single(String option, String value) {
        if (value == null || value.length() != 1) {
            throw QuiverException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "COPY %s must be a single one-byte character", option);
        }
        return value.charAt(0);
    }

    private static String unquote(String value) {
        return value.startsWith("'") ? value.substring(1, value.length() - 1).replace("''", "'") : value;
    }

    private static QualifiedName qualifiedName(String text) {
        String[] parts = text.split("\\s*\\.\\s*(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        return parts.length == 1 ? QualifiedName.of(identifier(parts[0]))
                : new QualifiedName(identifier(parts[0]), identifier(parts[1]));
    }

    private static String identifier(String text) {
        return text.startsWith("\"") ? text.substring(1, text.length() - 1).replace("\"\"", "\"")
                : text.toLowerCase(Locale.ROOT);
    }
}

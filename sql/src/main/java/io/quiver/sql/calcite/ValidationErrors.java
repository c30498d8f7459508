package io.quiver.sql.calcite;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.sql.parser.SqlPositions;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;

/**
 * Translates Calcite's validation errors to the SQLSTATEs and messages PostgreSQL reports for the same
 * mistakes. Calcite's errors carry no code, only their (English) message, so the messages are matched.
 */
final class ValidationErrors {
    private static final Pattern UNKNOWN_TABLE =
            Pattern.compile("(?:Object|Table) '([^']*)' not found(?: within '[^']*')?");
    private static final Pattern UNKNOWN_COLUMN = Pattern.compile("Column '([^']*)' not found in (?:any table|table '([^']*)')");
    private static final Pattern UNKNOWN_FUNCTION = Pattern.compile("No match found for function signature (\\w+)\\((.*)\\)");
    private static final Pattern CANNOT_APPLY =
            Pattern.compile("Cannot apply '([^']*)' to arguments of type '([^']*)'.*", Pattern.DOTALL);
    private static final Pattern CANNOT_CAST = Pattern.compile("Cast function cannot convert value of type (.*) to type (.*)");

    private ValidationErrors() {
    }

    static QuiverException translate(String sql, CalciteContextException e) {
        int position = SqlPositions.offset(sql, e.getPosLine(), e.getPosColumn());
        String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        return new QuiverException(state(message), pgMessage(message), null, null, position, e);
    }

    private static SqlState state(String message) {
        if (UNKNOWN_TABLE.matcher(message).matches()) {
            return SqlState.UNDEFINED_TABLE;
        }
        if (UNKNOWN_COLUMN.matcher(message).matches()) {
            return SqlState.UNDEFINED_COLUMN;
        }
        if (UNKNOWN_FUNCTION.matcher(message).matches() || CANNOT_APPLY.matcher(message).matches()) {
            return SqlState.UNDEFINED_FUNCTION;
        }
        if (CANNOT_CAST.matcher(message).matches()) {
            return SqlState.CANNOT_COERCE;
        }
        if (message.startsWith("Illegal use of dynamic parameter")) {
            return SqlState.INDETERMINATE_DATATYPE;
        }
        if (message.startsWith("List of column aliases must have same degree")) {
            return SqlState.SYNTAX_ERROR;
        }
        if (message.contains("is ambiguous")) {
            return SqlState.AMBIGUOUS_COLUMN;
        }
        if (message.contains("not being grouped") || message.contains("Aggregate expression is illegal")) {
            return SqlState.GROUPING_ERROR;
        }
        return SqlState.DATATYPE_MISMATCH;
    }

    private static String pgMessage(String message) {
        Matcher m = UNKNOWN_TABLE.matcher(message);
        if (m.matches()) {
            return "relation \"" + m.group(1) + "\" does not exist";
        }
        m = UNKNOWN_COLUMN.matcher(message);
        if (m.matches()) {
            return m.group(2) == null
                    ? "column \"" + m.group(1) + "\" does not exist"
                    : "column " + m.group(2) + "." + m.group(1) + " does not exist";
        }
        m = UNKNOWN_FUNCTION.matcher(message);
        if (m.matches()) {
            return "function " + m.group(1) + "(" + pgTypeList(m.group(2)) + ") does not exist";
        }
        m = CANNOT_APPLY.matcher(message);
        if (m.matches()) {
            String[] operands = m.group(2).split(" " + Pattern.quote(m.group(1)) + " ");
            if (operands.length == 2) {
                return "operator does not exist: " + pgType(operands[0]) + " " + m.group(1) + " " + pgType(operands[1]);
            }
            String arguments = m.group(2).substring(m.group(2).indexOf('(') + 1, m.group(2).length() - 1);
            return "function " + m.group(1).toLowerCase(Locale.ROOT) + "(" + pgTypeList(arguments)
                    + ") does not exist";
        }
        m = CANNOT_CAST.matcher(message);
        if (m.matches()) {
            return "cannot cast type " + pgType(m.group(1)) + " to " + pgType(m.group(2));
        }
        if (message.startsWith("Illegal use of dynamic parameter")) {
            return "could not determine data type of parameter";
        }
        if (message.startsWith("List of column aliases must have same degree")) {
            // Quiver plans INSERT ... SELECT as a SELECT over the source with one alias per target column.
            return "INSERT has more expressions than target columns";
        }
        return message;
    }

    private static String pgTypeList(String calciteTypes) {
        StringBuilder out = new StringBuilder();
        for (String type : calciteTypes.split(",\\s*")) {
            if (!type.isBlank()) {
                out.append(out.isEmpty() ? "" : ", ").append(pgType(type));
            }
        }
        return out.toString();
    }

    /** Calcite writes {@code <INTEGER>} or {@code CHAR(7) NOT NULL}; PostgreSQL writes {@code integer}. */
    private static String pgType(String calciteType) {
        String type = calciteType.replaceAll("[<>]", "").replace(" NOT NULL", "").trim().toUpperCase(Locale.ROOT);
        if (type.startsWith("VECTOR")) {
            return "vector";
        }
        if (type.startsWith("CHAR")) {
            return "unknown";
        }
        if (type.startsWith("VARCHAR") || type.equals("CHARACTER")) {
            return "text";
        }
        if (type.startsWith("DECIMAL") || type.equals("NUMERIC")) {
            return "numeric";
        }
        return switch (type) {
            case "INTEGER" -> "integer";
            case "BIGINT" -> "bigint";
            case "SMALLINT" -> "smallint";
            case "DOUBLE" -> "double precision";
            case "REAL" -> "real";
            case "BOOLEAN" -> "boolean";
            default -> type.toLowerCase(Locale.ROOT);
        };
    }
}

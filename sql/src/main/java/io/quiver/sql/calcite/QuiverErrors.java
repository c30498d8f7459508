package io.quiver.sql.calcite;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recovers Quiver errors from exceptions that passed through Calcite: generated code, Janino and Linq4j wrap
 * what the vector functions throw, but the QuiverException with its SQLSTATE is still in the cause chain.
 */
public final class QuiverErrors {
    private static final Pattern NUMBER_INPUT = Pattern.compile("For input string: \"(.*)\".*");

    private QuiverErrors() {
    }

    /** The QuiverException {@code error} is or wraps, or null when it wraps none. */
    public static QuiverException find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof QuiverException quiver) {
                return quiver;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /**
     * The QuiverException {@code error} wraps; Java's own parse and arithmetic errors from generated code as
     * PostgreSQL reports them; otherwise an internal error (XX000) carrying it.
     */
    public static QuiverException unwrap(Throwable error) {
        QuiverException quiver = find(error);
        if (quiver != null) {
            return quiver;
        }
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof NumberFormatException) {
                Matcher input = NUMBER_INPUT.matcher(String.valueOf(t.getMessage()));
                return new QuiverException(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type "
                        + "numeric: \"" + (input.matches() ? input.group(1) : t.getMessage()) + "\"", error);
            }
            if (t instanceof IllegalArgumentException && String.valueOf(t.getMessage()).contains(
                    "cannot be represented as a DECIMAL")) {
                return new QuiverException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow", error);
            }
            if (t instanceof ArithmeticException) {
                return String.valueOf(t.getMessage()).contains("by zero")
                        ? new QuiverException(SqlState.DIVISION_BY_ZERO, "division by zero", error)
                        : new QuiverException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: "
                                + t.getMessage(), error);
            }
        }
        String message = error.getMessage() != null ? error.getMessage() : error.toString();
        return new QuiverException(SqlState.INTERNAL_ERROR, message, error);
    }
}

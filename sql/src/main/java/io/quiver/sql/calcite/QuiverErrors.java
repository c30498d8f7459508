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
                        + parsedType(t) + ": \"" + (input.matches() ? input.group(1) : t.getMessage()) + "\"", error);
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
        return new QuiverException(SqlState.INTERNAL_ERROR, describe(error), error);
    }

    /**
     * The SQL type a cast of text was reading when Java's number parser failed, from the outermost parser
     * method on the stack (Short.parseShort calls Integer.parseInt).
     */
    private static String parsedType(Throwable numberFormat) {
        String type = "numeric";
        for (StackTraceElement frame : numberFormat.getStackTrace()) {
            type = switch (frame.getMethodName()) {
                case "parseShort" -> "smallint";
                case "parseInt" -> "integer";
                case "parseLong" -> "bigint";
                default -> type;
            };
        }
        return type;
    }

    /**
     * What failed, in words: the message of the innermost cause that has one, since the wrappers around it
     * (ExceptionInInitializerError of a generated class, InvocationTargetException) carry none of their own.
     */
    private static String describe(Throwable error) {
        Throwable described = error;
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                described = t;
            }
        }
        return described.getMessage() != null && !described.getMessage().isBlank()
                ? described.getMessage() : described.getClass().getSimpleName();
    }
}

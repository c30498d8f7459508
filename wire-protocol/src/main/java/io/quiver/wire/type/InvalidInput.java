package io.quiver.wire.type;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;

/** The errors PostgreSQL's input functions raise, worded as PostgreSQL words them. */
final class InvalidInput {
    private InvalidInput() {
    }

    static QuiverException syntax(String sqlTypeName, String text) {
        return syntax(SqlState.INVALID_TEXT_REPRESENTATION, sqlTypeName, text);
    }

    /** Date and time input functions report bad syntax as 22007 rather than 22P02. */
    static QuiverException datetimeSyntax(String sqlTypeName, String text) {
        return syntax(SqlState.INVALID_DATETIME_FORMAT, sqlTypeName, text);
    }

    private static QuiverException syntax(SqlState state, String sqlTypeName, String text) {
        return QuiverException.of(state, "invalid input syntax for type %s: \"%s\"", sqlTypeName, text);
    }

    static QuiverException valueOutOfRange(String text, String sqlTypeName) {
        return QuiverException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value \"%s\" is out of range for type %s",
                text, sqlTypeName);
    }

    static QuiverException outOfRange(String text, String sqlTypeName) {
        return QuiverException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "\"%s\" is out of range for type %s",
                text, sqlTypeName);
    }
}

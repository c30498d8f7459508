package io.quiver.wire.type;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;

/** The errors PostgreSQL's input functions raise, worded as PostgreSQL words them. */
final class InvalidInput {
    private InvalidInput() {
    }

    static QuiverException syntax(String sqlTypeName, String text) {
        return QuiverException.of(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type %s: \"%s\"",
                sqlTypeName, text);
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

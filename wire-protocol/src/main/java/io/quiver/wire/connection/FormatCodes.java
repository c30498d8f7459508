package io.quiver.wire.connection;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;

/** Bind's format-code lists: none (all text), one for all, or one per parameter or column. */
final class FormatCodes {
    static final short TEXT = 0;
    static final short BINARY = 1;

    private FormatCodes() {
    }

    /**
     * One format code per item.
     *
     * @param countMismatch PostgreSQL's message for a list of the wrong length, with %d for both counts
     */
    static short[] perItem(short[] codes, int itemCount, String countMismatch) {
        if (codes.length > 1 && codes.length != itemCount) {
            throw QuiverException.of(SqlState.PROTOCOL_VIOLATION, countMismatch, codes.length, itemCount);
        }
        short[] resolved = new short[itemCount];
        for (int i = 0; i < itemCount; i++) {
            resolved[i] = codes.length == 0 ? TEXT : codes[codes.length == 1 ? 0 : i];
            if (resolved[i] != TEXT && resolved[i] != BINARY) {
                throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE, "unsupported format code: %d", resolved[i]);
            }
        }
        return resolved;
    }

    static short[] allText(int itemCount) {
        return new short[itemCount];
    }
}

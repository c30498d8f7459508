package io.quiver.storage;

import io.quiver.storage.codec.IndexKeyCodec;
import java.util.Arrays;

/**
 * {@link IndexBounds} encoded: key prefixes that an index's keys, read in order from {@code from}, are
 * compared with. A key that starts with a bound's prefix has equal leading values.
 */
record IndexRange(byte[] from, boolean fromInclusive, byte[] to, boolean toInclusive) {
    enum Position { BEFORE, INSIDE, AFTER }

    Position position(byte[] key) {
        if (from != null && !fromInclusive && IndexKeyCodec.startsWith(key, from)) {
            return Position.BEFORE;
        }
        if (to != null) {
            if (IndexKeyCodec.startsWith(key, to)) {
                return toInclusive ? Position.INSIDE : Position.AFTER;
            }
            if (Arrays.compareUnsigned(key, to) > 0) {
                return Position.AFTER;
            }
        }
        return Position.INSIDE;
    }
}

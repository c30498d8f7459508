package io.quiver.storage;

import io.quiver.storage.codec.RowCodec;
import java.util.Iterator;
import java.util.Map;

/** Iterates rows in row id order; rows are decoded only when asked for. */
public final class RowCursor {
    private final Iterator<Map.Entry<Long, byte[]>> entries;
    private final RowCodec codec;
    private final StorageErrors errors;
    private Map.Entry<Long, byte[]> current;

    RowCursor(Iterator<Map.Entry<Long, byte[]>> entries, RowCodec codec, StorageErrors errors) {
        this.entries = entries;
        this.codec = codec;
        this.errors = errors;
    }

    /** Moves to the next row; false when there is none. */
    public boolean next() {
        current = errors.call(() -> entries.hasNext() ? entries.next() : null);
        return current != null;
    }

    public long rowId() {
        return currentEntry().getKey();
    }

    public Object[] row() {
        return codec.decode(currentEntry().getValue());
    }

    private Map.Entry<Long, byte[]> currentEntry() {
        if (current == null) {
            throw new IllegalStateException("the cursor is not on a row; call next() first");
        }
        return current;
    }
}

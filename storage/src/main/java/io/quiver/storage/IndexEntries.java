package io.quiver.storage;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.storage.codec.IndexKeyCodec;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.h2.mvstore.tx.TransactionMap;

/**
 * One transaction's view of one secondary index's map. An entry's key is the encoded key values followed by
 * the row id, except in a unique index when no key value is NULL: there the key values alone are the key, so
 * two rows with equal values claim the same entry and the second fails (or, when the first is not committed
 * yet, conflicts as writers of one row do).
 */
final class IndexEntries {
    private final SecondaryIndex index;
    private final IndexKeyCodec codec;
    private final TransactionMap<byte[], Long> entries;
    private final RowSchema schema;
    private final StorageErrors errors;

    IndexEntries(SecondaryIndex index, IndexKeyCodec codec, TransactionMap<byte[], Long> entries, RowSchema schema,
                 StorageErrors errors) {
        this.index = index;
        this.codec = codec;
        this.entries = entries;
        this.schema = schema;
        this.errors = errors;
    }

    SecondaryIndex index() {
        return index;
    }

    /** Adds the row's entry; fails with 23505 when a unique index already holds its key values. */
    void add(Object[] row, long rowId) {
        Object[] values = index.keyOf(row);
        byte[] key = keyOf(values, rowId);
        if (!index.unique() || hasNull(values)) {
            errors.run(() -> entries.put(key, rowId));
            return;
        }
        Long holder = errors.call(() -> entries.putIfAbsent(key, rowId));
        if (holder != null) {
            throw new QuiverException(SqlState.UNIQUE_VIOLATION,
                    "duplicate key value violates unique constraint \"" + index.name() + "\"",
                    "Key (" + schema.columnList(index.columns()) + ")=(" + KeyValues.describe(values)
                            + ") already exists.", null, 0, null);
        }
    }

    void remove(Object[] row, long rowId) {
        byte[] key = keyOf(index.keyOf(row), rowId);
        errors.run(() -> entries.remove(key));
    }

    /** Whether the row's entry would change if the row changed from {@code old} to {@code updated}. */
    boolean changes(Object[] old, Object[] updated) {
        return !Arrays.equals(codec.encode(index.keyOf(old)), codec.encode(index.keyOf(updated)));
    }

    /** The row ids of the entries within {@code bounds}, in key order, as this transaction sees them. */
    Iterator<Long> rowIds(IndexBounds bounds) {
        IndexRange range = new IndexRange(bounds.lower() == null ? null : codec.encode(bounds.lower()),
                bounds.lowerInclusive(), bounds.upper() == null ? null : codec.encode(bounds.upper()),
                bounds.upperInclusive());
        Iterator<Map.Entry<byte[], Long>> all = errors.call(() -> entries.entryIterator(range.from(), null));
        return new Iterator<>() {
            private Long next = advance();

            private Long advance() {
                while (errors.call(all::hasNext)) {
                    Map.Entry<byte[], Long> entry = errors.call(all::next);
                    switch (range.position(entry.getKey())) {
                        case BEFORE -> { }
                        case INSIDE -> {
                            return entry.getValue();
                        }
                        case AFTER -> {
                            return null;
                        }
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Long next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Long current = next;
                next = advance();
                return current;
            }
        };
    }

    private byte[] keyOf(Object[] values, long rowId) {
        byte[] prefix = codec.encode(values);
        return index.unique() && !hasNull(values) ? prefix : IndexKeyCodec.withRowId(prefix, rowId);
    }

    private static boolean hasNull(Object[] values) {
        return Arrays.asList(values).contains(null);
    }
}

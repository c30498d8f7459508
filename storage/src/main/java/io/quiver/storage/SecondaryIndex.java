package io.quiver.storage;

import java.util.Arrays;

/**
 * A B-tree index on scalar columns of a table, stored as one transactional map from the encoded key values
 * (plus the row id, unless the index is unique and no key value is NULL) to the row id.
 *
 * @param id the index's identity (its OID), naming its map
 * @param name the index name, used in constraint violation messages
 * @param columns the 0-based positions of the key columns, in key order
 * @param unique whether two rows may not share key values (NULLs are distinct, as in PostgreSQL)
 */
public record SecondaryIndex(long id, String name, int[] columns, boolean unique) {
    public SecondaryIndex {
        columns = columns.clone();
        if (columns.length == 0) {
            throw new IllegalArgumentException("an index needs at least one column");
        }
    }

    @Override
    public int[] columns() {
        return columns.clone();
    }

    /** The key values taken from a full row. */
    Object[] keyOf(Object[] row) {
        Object[] key = new Object[columns.length];
        for (int i = 0; i < key.length; i++) {
            key[i] = row[columns[i]];
        }
        return key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecondaryIndex that && id == that.id && name.equals(that.name)
                && Arrays.equals(columns, that.columns) && unique == that.unique;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id) * 31 + Arrays.hashCode(columns);
    }

    @Override
    public String toString() {
        return "SecondaryIndex[" + id + " " + name + " " + Arrays.toString(columns) + (unique ? " unique]" : "]");
    }
}

package io.quiver.executor.api;

import io.quiver.common.type.PgType;

/**
 * One column of a RowDescription.
 *
 * @param name the column label
 * @param type its type
 * @param typmod the type modifier (vector dimension, varchar length + 4, ...), -1 if none
 * @param tableOid the OID of the table the column comes from, 0 if it is computed
 * @param columnNumber the column's attribute number in that table, 0 if it is computed
 */
public record ColumnDescription(String name, PgType type, int typmod, int tableOid, short columnNumber) {
    public static ColumnDescription computed(String name, PgType type) {
        return new ColumnDescription(name, type, -1, 0, (short) 0);
    }
}

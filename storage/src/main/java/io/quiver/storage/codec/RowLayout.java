package io.quiver.storage.codec;

import io.quiver.common.type.PgType;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Where a table's columns sit in its stored rows. Columns keep their slot for life, so DROP COLUMN leaves a
 * slot that reads skip, and ADD COLUMN takes a new slot at the end that rows stored before it lack: they
 * read the column's missing value (PostgreSQL's attmissingval). Neither rewrites a stored row.
 *
 * @param slotTypes the type stored in each slot, dropped columns' included
 * @param columnSlots the slot of each (visible) column, in column order
 * @param missingValues each column's value in rows stored without its slot, null for NULL
 */
public record RowLayout(List<PgType> slotTypes, int[] columnSlots, Object[] missingValues) {
    public RowLayout {
        slotTypes = List.copyOf(slotTypes);
        columnSlots = columnSlots.clone();
        missingValues = missingValues.clone();
        if (missingValues.length != columnSlots.length) {
            throw new IllegalArgumentException(missingValues.length + " missing values for " + columnSlots.length
                    + " columns");
        }
        for (int slot : columnSlots) {
            if (slot < 0 || slot >= slotTypes.size()) {
                throw new IllegalArgumentException("slot " + slot + " is not one of the " + slotTypes.size());
            }
        }
    }

    /** Each column in the slot of its position, with nothing missing: a table never altered. */
    public static RowLayout identity(List<PgType> columnTypes) {
        return new RowLayout(columnTypes, IntStream.range(0, columnTypes.size()).toArray(),
                new Object[columnTypes.size()]);
    }

    public int columnCount() {
        return columnSlots.length;
    }

    @Override
    public int[] columnSlots() {
        return columnSlots.clone();
    }

    int slotOf(int column) {
        return columnSlots[column];
    }

    Object missingValue(int column) {
        return missingValues[column];
    }

    @Override
    public Object[] missingValues() {
        return missingValues.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RowLayout that && slotTypes.equals(that.slotTypes)
                && Arrays.equals(columnSlots, that.columnSlots) && Arrays.deepEquals(missingValues, that.missingValues);
    }

    @Override
    public int hashCode() {
        return 31 * slotTypes.hashCode() + Arrays.hashCode(columnSlots);
    }

    @Override
    public String toString() {
        return "RowLayout[slots=" + slotTypes + ", columns=" + Arrays.toString(columnSlots) + "]";
    }
}

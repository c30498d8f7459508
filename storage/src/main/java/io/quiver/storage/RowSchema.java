package io.quiver.storage;

import io.quiver.common.type.PgType;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * What the storage engine needs to know about a table's rows.
 *
 * @param columnTypes the type of each column, in column order
 * @param primaryKeyColumns the 0-based positions of the primary key's columns, empty when there is none
 * @param primaryKeyName the constraint's name (for instance {@code items_pkey}), null when there is none
 * @param columnNames the column names, used in constraint violation messages
 */
public record RowSchema(List<PgType> columnTypes, int[] primaryKeyColumns, String primaryKeyName, List<String> columnNames) {
    public RowSchema {
        columnTypes = List.copyOf(columnTypes);
        primaryKeyColumns = primaryKeyColumns.clone();
        columnNames = List.copyOf(columnNames);
        if (columnNames.size() != columnTypes.size()) {
            throw new IllegalArgumentException(columnNames.size() + " column names for " + columnTypes.size() + " columns");
        }
        for (int column : primaryKeyColumns) {
            if (column < 0 || column >= columnTypes.size()) {
                throw new IllegalArgumentException("primary key column " + column + " is not a column of the table");
            }
        }
    }

    /** A schema whose columns are named column1, column2, ... in constraint violation messages. */
    public RowSchema(List<PgType> columnTypes, int[] primaryKeyColumns, String primaryKeyName) {
        this(columnTypes, primaryKeyColumns, primaryKeyName,
                IntStream.rangeClosed(1, columnTypes.size()).mapToObj(i -> "column" + i).toList());
    }

    @Override
    public int[] primaryKeyColumns() {
        return primaryKeyColumns.clone();
    }

    public boolean hasPrimaryKey() {
        return primaryKeyColumns.length > 0;
    }

    List<PgType> primaryKeyTypes() {
        return Arrays.stream(primaryKeyColumns).mapToObj(columnTypes::get).toList();
    }

    /** The primary key's values taken from a full row. */
    Object[] primaryKeyOf(Object[] row) {
        Object[] key = new Object[primaryKeyColumns.length];
        for (int i = 0; i < key.length; i++) {
            key[i] = row[primaryKeyColumns[i]];
        }
        return key;
    }

    String primaryKeyColumnList() {
        return String.join(", ", Arrays.stream(primaryKeyColumns).mapToObj(columnNames::get).toList());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RowSchema that
                && columnTypes.equals(that.columnTypes)
                && Arrays.equals(primaryKeyColumns, that.primaryKeyColumns)
                && Objects.equals(primaryKeyName, that.primaryKeyName)
                && columnNames.equals(that.columnNames);
    }

    @Override
    public int hashCode() {
        return 31 * columnTypes.hashCode() + Arrays.hashCode(primaryKeyColumns);
    }

    @Override
    public String toString() {
        return "RowSchema[columns=" + columnNames + " " + columnTypes + ", primaryKey=" + Arrays.toString(primaryKeyColumns)
                + " " + primaryKeyName + "]";
    }
}

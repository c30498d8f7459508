package io.quiver.storage;

import io.quiver.common.type.PgType;
import io.quiver.storage.codec.RowLayout;
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
 * @param layout where the columns sit in stored rows (which differs from column order after ALTER TABLE)
 * @param secondaryIndexes the B-tree indexes on its scalar columns, maintained with every write
 */
public record RowSchema(List<PgType> columnTypes, int[] primaryKeyColumns, String primaryKeyName,
                        List<String> columnNames, RowLayout layout, List<SecondaryIndex> secondaryIndexes) {
    public RowSchema {
        secondaryIndexes = List.copyOf(secondaryIndexes);
        if (layout.columnCount() != columnTypes.size()) {
            throw new IllegalArgumentException("a layout of " + layout.columnCount() + " columns for "
                    + columnTypes.size());
        }
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

    /** A schema without secondary indexes. */
    public RowSchema(List<PgType> columnTypes, int[] primaryKeyColumns, String primaryKeyName, List<String> columnNames,
                     RowLayout layout) {
        this(columnTypes, primaryKeyColumns, primaryKeyName, columnNames, layout, List.of());
    }

    /** A schema whose rows store each column in the slot of its position. */
    public RowSchema(List<PgType> columnTypes, int[] primaryKeyColumns, String primaryKeyName, List<String> columnNames) {
        this(columnTypes, primaryKeyColumns, primaryKeyName, columnNames, RowLayout.identity(columnTypes));
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

    public RowSchema withSecondaryIndexes(List<SecondaryIndex> indexes) {
        return new RowSchema(columnTypes, primaryKeyColumns, primaryKeyName, columnNames, layout, indexes);
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
        return columnList(primaryKeyColumns);
    }

    String columnList(int[] columns) {
        return String.join(", ", Arrays.stream(columns).mapToObj(columnNames::get).toList());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RowSchema that
                && columnTypes.equals(that.columnTypes)
                && Arrays.equals(primaryKeyColumns, that.primaryKeyColumns)
                && Objects.equals(primaryKeyName, that.primaryKeyName)
                && columnNames.equals(that.columnNames)
                && layout.equals(that.layout)
                && secondaryIndexes.equals(that.secondaryIndexes);
    }

    @Override
    public int hashCode() {
        return 31 * columnTypes.hashCode() + Arrays.hashCode(primaryKeyColumns);
    }

    @Override
    public String toString() {
        return "RowSchema[columns=" + columnNames + " " + columnTypes + ", primaryKey=" + Arrays.toString(primaryKeyColumns)
                + " " + primaryKeyName + ", " + layout + ", indexes=" + secondaryIndexes + "]";
    }
}

package io.quiver.executor.dml;

import io.quiver.catalog.ColumnDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.storage.Sequence;
import io.quiver.storage.StorageEngine;
import java.util.Optional;

/**
 * The values of the columns a bulk write (COPY, a direct multi-row INSERT) leaves out, when each is NULL or
 * its serial sequence's next value: then no expression needs evaluating per row. Other defaults need the
 * planned path.
 */
public final class OmittedColumns {
    /** For each column, the sequence that fills it when omitted, or null for NULL. */
    private final Sequence[] sequences;

    private OmittedColumns(Sequence[] sequences) {
        this.sequences = sequences;
    }

    /** The omitted-column values of {@code table}, or empty when a column not {@code given} has another default. */
    public static Optional<OmittedColumns> of(StorageEngine storage, TableDefinition table, boolean[] given) {
        Sequence[] sequences = new Sequence[table.columns().size()];
        for (int c = 0; c < sequences.length; c++) {
            ColumnDefinition column = table.column(c);
            if (given[c] || column.defaultSql() == null) {
                continue;
            }
            if (column.sequenceName() == null) {
                return Optional.empty();
            }
            sequences[c] = storage.sequence(table.schema() + "." + column.sequenceName());
        }
        return Optional.of(new OmittedColumns(sequences));
    }

    /** The value an omitted (or DEFAULT) column gets in the next row. */
    public Object next(int column) {
        return sequences[column] != null ? sequences[column].next() : null;
    }
}

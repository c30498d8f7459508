package io.quiver.executor.vector;

import io.quiver.catalog.ColumnDefinition;
import io.quiver.catalog.IndexDefinition;
import io.quiver.catalog.IndexExpression;
import io.quiver.catalog.SqlType;
import io.quiver.catalog.TableDefinition;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgBitString;
import io.quiver.common.type.PgType;
import io.quiver.index.BitWords;
import java.util.ArrayList;
import java.util.List;

/**
 * What one in-memory {@link io.quiver.index.VectorColumn} holds for each row, as the distance kernels read it:
 * the value of a column, or of an expression index's key, of type vector(n), halfvec(n) (both float[]) or
 * bit(n) (as {@link BitWords}).
 *
 * @param slot the column's storage slot, which ALTER TABLE never changes; -1 for an expression
 * @param expression the expression index key computed from each row, or null for a column
 * @param type the values' declared type, whose modifier is their dimension (their length, for bit)
 */
public record VectorSource(int slot, IndexExpression.Call expression, SqlType type) {
    /** Whether k-NN searches and vector indexes can read a column of {@code type}: a vector kind or bit, sized. */
    public static boolean searchable(SqlType type) {
        return type.dimensions() > 0 || (type.type() == PgType.BIT && type.typmod() > 0);
    }

    /** The source of the table's column at {@code column} (its position among the visible columns). */
    static VectorSource ofColumn(TableDefinition table, int column) {
        return ofColumn(table.column(column));
    }

    private static VectorSource ofColumn(ColumnDefinition column) {
        return new VectorSource(column.slot(), null, column.type());
    }

    /** The source of an expression index's key. */
    static VectorSource ofExpression(IndexExpression.Call expression) {
        return new VectorSource(-1, expression, expression.type());
    }

    /** The source an index reads. */
    static VectorSource ofIndex(TableDefinition table, IndexDefinition index) {
        return index.expression() != null ? ofExpression(index.expression()) : ofColumn(table, index.column());
    }

    /** Every source a table's searches and indexes may read: its searchable columns and its index keys. */
    static List<VectorSource> of(TableDefinition table) {
        List<VectorSource> sources = new ArrayList<>();
        for (ColumnDefinition column : table.columns()) {
            if (searchable(column.type())) {
                sources.add(ofColumn(column));
            }
        }
        for (IndexDefinition index : table.vectorIndexes()) {
            if (index.expression() != null && !sources.contains(ofExpression(index.expression()))) {
                sources.add(ofExpression(index.expression()));
            }
        }
        return sources;
    }

    /** Floats per row in the column: the dimension, or the words of the bits. */
    int width() {
        return bits() ? BitWords.words(type.typmod()) : type.typmod();
    }

    boolean bits() {
        return type.type() == PgType.BIT;
    }

    /** A stored row's value (its values by slot), encoded; null for NULL or a row older than the column. */
    float[] read(Object[] rowBySlot) {
        if (expression != null) {
            return encode(IndexExpressions.evaluate(expression, rowBySlot));
        }
        return encode(slot < rowBySlot.length ? rowBySlot[slot] : null);
    }

    /**
     * A query value for this source, checked as pgvector's operators check their operands: "different vector
     * dimensions 3 and 2", "different bit lengths 3 and 2".
     */
    float[] query(Object value) {
        int length = value instanceof PgBitString bits ? bits.length() : ((float[]) value).length;
        if (length != type.typmod()) {
            throw bits()
                    ? QuiverException.of(SqlState.DATA_EXCEPTION, "different bit lengths %d and %d", type.typmod(),
                            length)
                    : QuiverException.of(SqlState.DATA_EXCEPTION, "different %s dimensions %d and %d",
                            type.type().typname(), type.typmod(), length);
        }
        return encode(value);
    }

    private static float[] encode(Object value) {
        if (value instanceof PgBitString bits) {
            return BitWords.encode(bits);
        }
        return value instanceof float[] vector ? vector : null;
    }
}

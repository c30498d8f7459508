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
import io.quiver.common.vector.SparseVector;
import io.quiver.index.BitWords;
import io.quiver.index.IndexOptions;
import io.quiver.index.SparseRows;
import io.quiver.index.VectorColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * What one in-memory {@link io.quiver.index.VectorColumn} holds for each row, as the distance kernels read it:
 * the value of a column, or of an expression index's key, of type vector(n), halfvec(n) (both float[]), bit(n)
 * (as {@link BitWords}) or sparsevec(n) (as {@link SparseRows}, in a variable-width column).
 *
 * @param slot the column's storage slot, which ALTER TABLE never changes; -1 for an expression
 * @param expression the expression index key computed from each row, or null for a column
 * @param type the values' declared type, whose modifier is their dimension (their length, for bit)
 */
public record VectorSource(int slot, IndexExpression.Call expression, SqlType type) {
    private static final int TYPICAL_SPARSE_NON_ZEROS = 100;

    /** Whether k-NN searches and vector indexes can read a column of {@code type}: a vector kind or bit, sized. */
    public static boolean searchable(SqlType type) {
        return type.dimensions() > 0
                || ((type.type() == PgType.BIT || type.type() == PgType.SPARSEVEC) && type.typmod() > 0);
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

    /** Floats per row in the column: the dimension, the words of the bits, or variable for sparse vectors. */
    int width() {
        return switch (type.type()) {
            case BIT -> BitWords.words(type.typmod());
            case SPARSEVEC -> VectorColumn.VARIABLE;
            default -> type.typmod();
        };
    }

    /**
     * The floats one distance reads, for costing: the width, or for sparse vectors a typical number of non-zero
     * elements (costs compare plans of the same source, so only the order of magnitude matters).
     */
    int costWidth() {
        return width() == VectorColumn.VARIABLE ? TYPICAL_SPARSE_NON_ZEROS : width();
    }

    /** An empty column for this source's vectors. */
    VectorColumn newColumn() {
        return width() == VectorColumn.VARIABLE ? VectorColumn.variableWidth() : new VectorColumn(width());
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
     * Rejects a row written to {@code table} that this source cannot take in, as PostgreSQL rejects it when its
     * statement writes it: an expression key that cannot be computed from it (say, a cast to the wrong
     * dimension), or a sparse vector with more non-zero elements than an hnsw index on it allows.
     */
    void checkWrite(TableDefinition table, Object[] rowBySlot) {
        boolean sparseInHnsw = type.type() == PgType.SPARSEVEC && table.vectorIndexes().stream()
                .anyMatch(index -> index.method().equals("hnsw") && equals(ofIndex(table, index)));
        if (expression == null && !sparseInHnsw) {
            return;
        }
        float[] value = read(rowBySlot);
        if (sparseInHnsw && value != null) {
            IndexOptions.checkHnswNonZeros(SparseRows.nonZeros(value, 0));
        }
    }

    /**
     * A query value for this source, checked as pgvector's operators check their operands: "different vector
     * dimensions 3 and 2", "different bit lengths 3 and 2".
     */
    float[] query(Object value) {
        int length = switch (value) {
            case PgBitString bits -> bits.length();
            case SparseVector sparse -> sparse.dimensions();
            default -> ((float[]) value).length;
        };
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
        return switch (value) {
            case PgBitString bits -> BitWords.encode(bits);
            case SparseVector sparse -> SparseRows.encode(sparse);
            case float[] vector -> vector;
            case null, default -> null;
        };
    }
}

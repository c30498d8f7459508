package io.quiver.sql.function;

import io.quiver.common.type.PgBitString;
import io.quiver.common.vector.SparseVector;
import io.quiver.common.vector.VectorOrder;
import io.quiver.common.vector.VectorSortKey;
import org.apache.calcite.linq4j.function.Strict;

/**
 * The Java methods generated query code calls for {@code = <> < <= > >=} over vector, halfvec, sparsevec and
 * bit strings (their btree support functions), and the sort keys that order them.
 */
@Strict
public final class VectorComparisons {
    private VectorComparisons() {
    }

    /** vector_cmp and halfvec_cmp. */
    public static int compareDense(float[] a, float[] b) {
        return VectorOrder.compare(a, b);
    }

    /** sparsevec_cmp. */
    public static int compareSparse(SparseVector a, SparseVector b) {
        return VectorOrder.compare(a, b);
    }

    /** bitcmp. */
    public static int compareBits(PgBitString a, PgBitString b) {
        return a.compareTo(b);
    }

    /** The sort key of a vector or halfvec. */
    public static VectorSortKey denseSortKey(float[] v) {
        return new VectorSortKey(v, null);
    }

    /** The sort key of a sparsevec. */
    public static VectorSortKey sparseSortKey(SparseVector v) {
        return new VectorSortKey(null, v);
    }
}

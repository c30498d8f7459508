package io.quiver.common.vector;

/**
 * A vector, halfvec ({@code dense}) or sparsevec ({@code sparse}) as a {@link Comparable} in pgvector's btree
 * order, for sorts whose comparators need one; exactly one of the two values is set.
 */
public record VectorSortKey(float[] dense, SparseVector sparse) implements Comparable<VectorSortKey> {
    @Override
    public int compareTo(VectorSortKey other) {
        return dense != null ? VectorOrder.compare(dense, other.dense) : VectorOrder.compare(sparse, other.sparse);
    }
}

package io.quiver.index;

/**
 * Neighbors in roughly ascending distance, fetched as the consumer asks for them: the basis of filtered
 * and iterative scans. Relaxed order as pgvector's {@code relaxed_order}: each batch is sorted, later
 * batches may hold nearer rows than earlier ones. Every live allowed row is returned at most once, and,
 * unlike pgvector's capped scans, a cursor keeps going (falling back to an exact scan) until every such
 * row has been returned, so a LIMIT k query gets k rows whenever k rows match.
 */
public interface NeighborCursor extends AutoCloseable {
    /** The next neighbor, or null when every allowed row has been returned. */
    Neighbor next();

    /** The work done so far, for EXPLAIN ANALYZE. */
    SearchCounters counters();

    @Override
    default void close() {
    }
}

package io.quiver.index;

import java.util.BitSet;

/**
 * A cursor over an exact scan: each batch is the exact top-n of the rows not yet returned, n doubling
 * per batch so that draining a whole table costs O(log n) scans rather than one per batch.
 */
final class ExactCursor extends BatchCursor {
    private final VectorColumn column;
    private final DistanceKind kind;
    private final float[] query;
    private final SlotFilter remaining;
    private int batchSize;

    ExactCursor(VectorColumn column, DistanceKind kind, float[] query, SlotFilter filter, int batchSize,
                BitSet returned) {
        super(returned);
        this.column = column;
        this.kind = kind;
        this.query = query;
        this.remaining = slot -> !returned.get(slot) && (filter == null || filter.allows(slot));
        this.batchSize = Math.max(1, batchSize);
    }

    @Override
    protected Neighbor[] nextBatch() {
        Neighbor[] batch = ExactScan.search(column, kind, query, batchSize, remaining, counters);
        batchSize = (int) Math.min(Integer.MAX_VALUE - 8, batchSize * 2L);
        return batch;
    }
}

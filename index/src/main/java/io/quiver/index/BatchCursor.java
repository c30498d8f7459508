package io.quiver.index;

import java.util.BitSet;

/** A cursor fed by sorted batches, which drops rows an earlier batch returned. */
abstract class BatchCursor implements NeighborCursor {
    /** Slots already returned; a fallback cursor starts from a copy so that it does not return them again. */
    protected final BitSet returned;
    protected final SearchCounters counters = new SearchCounters();
    private Neighbor[] batch = new Neighbor[0];
    private int position;
    private boolean exhausted;

    BatchCursor(BitSet returned) {
        this.returned = returned;
    }

    /** The next batch, sorted by distance; empty when there is nothing more. */
    protected abstract Neighbor[] nextBatch();

    @Override
    public SearchCounters counters() {
        return counters;
    }

    @Override
    public final Neighbor next() {
        while (!exhausted) {
            while (position < batch.length) {
                Neighbor neighbor = batch[position++];
                if (!returned.get(neighbor.slot())) {
                    returned.set(neighbor.slot());
                    return neighbor;
                }
            }
            batch = nextBatch();
            position = 0;
            exhausted = batch.length == 0;
        }
        return null;
    }
}

package io.quiver.executor.vector;

import io.quiver.index.DistanceKind;
import io.quiver.index.Neighbor;
import io.quiver.index.NeighborCursor;
import io.quiver.index.SearchCounters;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;

/**
 * A search as a transaction sees it: the committed rows from the column's cursor, merged by distance with
 * the vectors the transaction itself wrote and has not committed (which the in-memory column only gets
 * at commit). Those are few, so they are ranked exactly.
 */
final class PendingMergeCursor implements NeighborCursor {
    private final NeighborCursor committed;
    private final Neighbor[] pending;
    private int position;
    private Neighbor nextCommitted;
    private boolean peeked;

    private PendingMergeCursor(NeighborCursor committed, Neighbor[] pending) {
        this.committed = committed;
        this.pending = pending;
    }

    /** @param dimensions the floats per vector, as the committed column holds them (or variable) */
    static NeighborCursor of(NeighborCursor committed, Map<Long, float[]> pending, DistanceKind kind,
                             float[] query, int dimensions) {
        if (pending.isEmpty()) {
            return committed;
        }
        Neighbor[] ranked = pending.entrySet().stream()
                .map(e -> new Neighbor(-1, e.getKey(),
                        kind.distance(kind.key(query, 0, e.getValue(), 0, dimensions))))
                .toArray(Neighbor[]::new);
        Arrays.sort(ranked, Comparator.comparing(Neighbor::distance, Float::compare));
        return new PendingMergeCursor(committed, ranked);
    }

    @Override
    public Neighbor next() {
        if (!peeked) {
            nextCommitted = committed.next();
            peeked = true;
        }
        if (position < pending.length && (nextCommitted == null
                || Float.compare(pending[position].distance(), nextCommitted.distance()) <= 0)) {
            return pending[position++];
        }
        peeked = false;
        return nextCommitted;
    }

    @Override
    public SearchCounters counters() {
        SearchCounters total = new SearchCounters();
        total.add(committed.counters());
        total.addDistances(pending.length);
        return total;
    }

    @Override
    public void close() {
        committed.close();
    }
}

package io.quiver.index;

import java.util.BitSet;

/**
 * Which slots a filtered search may return: the rows that pass the query's other predicates. A filter
 * that knows how many rows it allows lets a search go straight to an exact scan when that is cheaper than
 * walking an index past rows it must skip.
 */
@FunctionalInterface
public interface SlotFilter {
    boolean allows(int slot);

    /** How many slots pass, or -1 when unknown. */
    default long allowedCount() {
        return -1;
    }

    /** A filter over a bitset of allowed slots, which knows its count. */
    static SlotFilter of(BitSet allowed) {
        long count = allowed.cardinality();
        return new SlotFilter() {
            @Override
            public boolean allows(int slot) {
                return allowed.get(slot);
            }

            @Override
            public long allowedCount() {
                return count;
            }
        };
    }
}

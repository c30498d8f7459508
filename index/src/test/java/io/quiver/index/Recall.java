package io.quiver.index;

import java.util.HashSet;
import java.util.Set;

/** Recall of approximate results against exact ones, for the tests. */
final class Recall {
    private Recall() {
    }

    static double of(Neighbor[] approximate, Neighbor[] exact) {
        Set<Integer> truth = new HashSet<>();
        for (Neighbor neighbor : exact) {
            truth.add(neighbor.slot());
        }
        long hits = 0;
        for (Neighbor neighbor : approximate) {
            hits += truth.contains(neighbor.slot()) ? 1 : 0;
        }
        return exact.length == 0 ? 1.0 : (double) hits / exact.length;
    }
}

package io.quiver.executor.stats;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The accesses (table scans, vector searches) the statement running on this thread used, as its operators
 * report them when they open: what quiver_stat.queries shows as a shape's plan. Vector searches decide
 * between index and exact scan again when they run, so the plan is observed rather than read from EXPLAIN.
 */
public final class PlanObservation {
    private static final ThreadLocal<Set<String>> CURRENT = new ThreadLocal<>();

    private PlanObservation() {
    }

    /** Called by an operator as it opens, e.g. {@code "VectorSearch hnsw items_embedding_idx"}. */
    public static void used(String access) {
        Set<String> accesses = CURRENT.get();
        if (accesses != null) {
            accesses.add(access);
        }
    }

    static Set<String> start() {
        Set<String> previous = CURRENT.get();
        CURRENT.set(new LinkedHashSet<>());
        return previous;
    }

    /** The accesses observed since {@link #start}, restoring the observation {@code previous}. */
    static String finish(Set<String> previous, Set<String> into) {
        Set<String> observed = CURRENT.get();
        CURRENT.set(previous);
        if (observed != null) {
            into.addAll(observed);
        }
        return into.isEmpty() ? "Result" : String.join(", ", into);
    }
}

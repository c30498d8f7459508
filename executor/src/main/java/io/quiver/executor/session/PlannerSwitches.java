package io.quiver.executor.session;

import java.util.Locale;
import java.util.Set;

/** The settings that switch planner choices on and off, read as PostgreSQL reads a boolean setting. */
public final class PlannerSwitches {
    private static final Set<String> FALSE = Set.of("off", "of", "false", "f", "fa", "fal", "fals", "no", "n", "0");

    private PlannerSwitches() {
    }

    /** Whether {@code enable_indexscan} is on: vector and B-tree index scans are chosen only then. */
    public static boolean indexScansEnabled(SessionSettings settings) {
        return !FALSE.contains(settings.show("enable_indexscan").strip().toLowerCase(Locale.ROOT));
    }
}

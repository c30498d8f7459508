package io.quiver.index;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * How far an index build has got, readable from other threads while it runs (for
 * {@code pg_stat_progress_create_index} and the server log): the phase, as pgvector names its build
 * phases, and the tuples loaded out of the total.
 */
public final class BuildProgress {
    public static final String INITIALIZING = "initializing";
    public static final String PERFORMING_KMEANS = "building index: performing k-means";
    public static final String ASSIGNING_TUPLES = "building index: assigning tuples";
    public static final String LOADING_TUPLES = "building index: loading tuples";

    private final BooleanSupplier stopRequested;
    private volatile String phase = INITIALIZING;
    private volatile long tuplesTotal;
    private final AtomicLong tuplesDone = new AtomicLong();

    /** Progress of a build nobody can stop. */
    public BuildProgress() {
        this(() -> false);
    }

    /** @param stopRequested polled by the build loops: once true they stop early, leaving an unusable index */
    public BuildProgress(BooleanSupplier stopRequested) {
        this.stopRequested = stopRequested;
    }

    /** Whether the build was asked to stop (a cancelled CREATE INDEX); its caller then throws the index away. */
    public boolean stopRequested() {
        return stopRequested.getAsBoolean();
    }

    public String phase() {
        return phase;
    }

    public long tuplesTotal() {
        return tuplesTotal;
    }

    public long tuplesDone() {
        return tuplesDone.get();
    }

    void start(String newPhase, long total) {
        tuplesDone.set(0);
        tuplesTotal = total;
        phase = newPhase;
    }

    void tupleDone() {
        tuplesDone.incrementAndGet();
    }

    void tuplesDone(long done) {
        tuplesDone.set(done);
    }
}

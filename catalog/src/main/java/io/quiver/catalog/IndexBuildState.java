package io.quiver.catalog;

/** Whether a vector index serves queries yet. */
public enum IndexBuildState {
    /** Built by a statement whose transaction has not committed: it serves no query yet. */
    BUILDING,
    /** Committed: it serves queries (loaded from its files or rebuilt on first use). */
    READY
}

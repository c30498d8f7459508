package io.quiver.catalog;

/** Where a table (a collection) is in its life. */
public enum CollectionState {
    /** Created by a transaction that has not committed yet: only that transaction sees it. */
    INIT,
    /** Committed and usable. */
    SERVING,
    /** Dropped by a transaction that has not committed yet: that transaction sees it no more. */
    DROPPED
}

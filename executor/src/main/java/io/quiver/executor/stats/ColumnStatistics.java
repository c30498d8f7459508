package io.quiver.executor.stats;

/** The statistics of one column, kept as rows come and go. */
sealed interface ColumnStatistics permits VectorColumnStatistics, ScalarColumnStatistics {
    /** A row with this value in the column was inserted (or is the new version of an updated row). */
    void add(Object value);

    /** A row with this value in the column was deleted (or is the old version of an updated row). */
    void remove(Object value);

    long nulls();
}

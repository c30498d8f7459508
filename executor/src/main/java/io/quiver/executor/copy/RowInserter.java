package io.quiver.executor.copy;

/** Stores one row of COPY data (canonical values of the listed columns, in COPY's column order). */
@FunctionalInterface
interface RowInserter {
    void insert(Object[] fields);
}

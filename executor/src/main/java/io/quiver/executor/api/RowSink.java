package io.quiver.executor.api;

/** Receives result rows one at a time; values are canonical Java values (see {@link io.quiver.common.type.PgType}). */
@FunctionalInterface
public interface RowSink {
    void accept(Object[] row);
}

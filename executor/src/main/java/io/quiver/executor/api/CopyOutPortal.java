package io.quiver.executor.api;

/**
 * A portal of {@code COPY ... TO STDOUT}: its rows go to the client as COPY data in {@link #format()} rather
 * than as DataRows; it completes with {@code COPY n}.
 */
public interface CopyOutPortal extends Portal {
    CopyFormat format();
}

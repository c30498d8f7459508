package io.quiver.wire.connection;

import java.util.concurrent.atomic.AtomicInteger;

/** PostgreSQL's max_connections: how many sessions may be open at once, and how many are. */
public final class ConnectionSlots {
    private final int max;
    private final AtomicInteger taken = new AtomicInteger();

    public ConnectionSlots(int max) {
        this.max = max;
    }

    /** Takes a slot for a starting session; false when all are taken. */
    boolean tryTake() {
        while (true) {
            int now = taken.get();
            if (now >= max) {
                return false;
            }
            if (taken.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void release() {
        taken.decrementAndGet();
    }

    /** Sessions open now. */
    public int taken() {
        return taken.get();
    }
}

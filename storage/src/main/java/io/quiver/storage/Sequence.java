package io.quiver.storage;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import org.h2.mvstore.MVMap;

/**
 * A durable counter for serial columns. Like PostgreSQL's sequences it is not transactional: a value handed
 * out stays used even if the transaction that took it rolls back. A value is on disk no later than the next
 * durable commit, so every value stored by a committed row survives a crash.
 */
public final class Sequence {
    private final String name;
    private final MVMap<String, Long> values;
    private final StorageErrors errors;
    private long value;

    Sequence(String name, MVMap<String, Long> values, StorageErrors errors) {
        this.name = name;
        this.values = values;
        this.errors = errors;
        this.value = errors.call(() -> values.getOrDefault(name, 0L));
    }

    public String name() {
        return name;
    }

    /** The next value; the first is 1. */
    public synchronized long next() {
        if (value == Long.MAX_VALUE) {
            throw new QuiverException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "nextval: reached maximum value of sequence \"" + name + "\" (" + Long.MAX_VALUE + ")");
        }
        value++;
        errors.call(() -> values.put(name, value));
        return value;
    }

    /** The last value handed out or set, 0 when there is none. */
    public synchronized long current() {
        return value;
    }

    /** Makes {@link #next()} return {@code newValue + 1}. */
    public synchronized void set(long newValue) {
        value = newValue;
        errors.call(() -> values.put(name, newValue));
    }
}

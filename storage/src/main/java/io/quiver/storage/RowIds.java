package io.quiver.storage;

import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVMap;

/**
 * Hands out one table's row ids, never the same one twice, not even across restarts: vector indexes saved in
 * the data directory keep entries for deleted rows until VACUUM, so a new row must not inherit a deleted row's
 * id when the table's last rows were deleted before a restart. The highest usable id is reserved durably in
 * blocks before use; it shares the store's versions with the rows, so a row on disk implies its reservation.
 */
final class RowIds {
    private static final long RESERVATION_BLOCK = 4096;

    private final String reservationKey;
    private final MVMap<String, Long> reservations;
    private final StorageErrors errors;
    private final AtomicLong last;
    private volatile long reserved;

    private RowIds(String reservationKey, MVMap<String, Long> reservations, StorageErrors errors, long start) {
        this.reservationKey = reservationKey;
        this.reservations = reservations;
        this.errors = errors;
        this.last = new AtomicLong(start);
        this.reserved = start;
    }

    /** Continues after both the table's last stored row and everything reserved before the last stop. */
    static RowIds open(long tableId, MVMap<Long, ?> rows, MVMap<String, Long> reservations, StorageErrors errors) {
        String key = reservationKey(tableId);
        Long lastRow = errors.call(rows::lastKey);
        long reservedBefore = errors.call(() -> reservations.getOrDefault(key, 0L));
        return new RowIds(key, reservations, errors, Math.max(lastRow == null ? 0 : lastRow, reservedBefore));
    }

    /** Where a table's reservation is kept, beside the sequences (whose names always hold a dot). */
    static String reservationKey(long tableId) {
        return "row_ids/" + tableId;
    }

    long next() {
        long id = last.incrementAndGet();
        if (id > reserved) {
            reserveThrough(id);
        }
        return id;
    }

    long last() {
        return last.get();
    }

    private synchronized void reserveThrough(long id) {
        if (id > reserved) {
            long upTo = id + RESERVATION_BLOCK;
            errors.run(() -> reservations.put(reservationKey, upTo));
            reserved = upTo;
        }
    }
}

package io.quiver.storage.codec;

/**
 * One table's row compression, which stops trying where it does not pay. Rows of float32 vectors never
 * compress (LZ4 stores them at 100.6%), yet the attempt took a third of a 100k-row COPY's CPU. After
 * {@value #GIVE_UP_AFTER} rows in a row that did not pay, only every {@value #PROBE_EVERY}th row is tried,
 * and the first that pays turns compression back on for every row.
 *
 * <p>The counters are plain fields shared by every session writing the table: a lost update between two
 * writers only moves the next probe by a row, and every row is stored correctly either way.
 */
final class AdaptiveCompression {
    static final int GIVE_UP_AFTER = 64;
    static final int PROBE_EVERY = 256;

    private int misses;
    private int skipped;

    /** The row as stored: compressed when that pays, else {@code raw} itself. */
    byte[] store(byte[] raw) {
        if (misses >= GIVE_UP_AFTER && ++skipped % PROBE_EVERY != 0) {
            return raw;
        }
        byte[] stored = RowCompression.compress(raw);
        misses = stored == raw ? misses + 1 : 0;
        return stored;
    }
}

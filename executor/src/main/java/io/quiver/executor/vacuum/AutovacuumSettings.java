package io.quiver.executor.vacuum;

import java.time.Duration;

/**
 * When the background vacuum runs, after PostgreSQL's autovacuum settings: every {@code naptime} it vacuums
 * each table whose vector columns gained more than {@code threshold + scaleFactor * live rows} deleted
 * entries since its last vacuum, and compacts the data file when more than {@code scaleFactor} of it is dead
 * space.
 *
 * @param naptime the pause between checks (autovacuum_naptime); zero turns the background vacuum off
 * @param threshold the minimum number of deleted rows (autovacuum_vacuum_threshold)
 * @param scaleFactor the deleted share that triggers a vacuum (autovacuum_vacuum_scale_factor)
 */
public record AutovacuumSettings(Duration naptime, long threshold, double scaleFactor) {
    public static final AutovacuumSettings DEFAULTS = new AutovacuumSettings(Duration.ofMinutes(1), 50, 0.2);

    public AutovacuumSettings {
        if (naptime.isNegative() || threshold < 0 || scaleFactor < 0 || scaleFactor > 1) {
            throw new IllegalArgumentException("invalid autovacuum settings: naptime " + naptime + ", threshold "
                    + threshold + ", scale factor " + scaleFactor);
        }
    }

    public boolean enabled() {
        return !naptime.isZero();
    }
}

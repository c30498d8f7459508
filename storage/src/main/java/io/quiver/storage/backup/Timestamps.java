package io.quiver.storage.backup;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Microsecond timestamps as PostgreSQL prints a timestamptz with TimeZone UTC. */
public final class Timestamps {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(long micros) {
        return FORMAT.format(Instant.EPOCH.plus(micros, ChronoUnit.MICROS));
    }
}

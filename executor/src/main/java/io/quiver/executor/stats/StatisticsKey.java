package io.quiver.executor.stats;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * How column statistics compare values: every number as a double (so a literal of any numeric type
 * compares with an int4 or numeric column), text, booleans, dates and times as themselves. Values without
 * an order (bytea, arrays) have no key and are only counted.
 */
final class StatisticsKey {
    private StatisticsKey() {
    }

    @SuppressWarnings("unchecked")
    static Comparable<Object> of(Object value) {
        return switch (value) {
            case Number number -> (Comparable<Object>) (Comparable<?>) number.doubleValue();
            case String text -> (Comparable<Object>) (Comparable<?>) text;
            case Boolean bool -> (Comparable<Object>) (Comparable<?>) bool;
            case LocalDate date -> (Comparable<Object>) (Comparable<?>) date;
            case LocalDateTime timestamp -> (Comparable<Object>) (Comparable<?>) timestamp;
            case OffsetDateTime timestamp -> (Comparable<Object>) (Comparable<?>) timestamp;
            case LocalTime time -> (Comparable<Object>) (Comparable<?>) time;
            default -> null;
        };
    }

    /** How a key prints in the views: integral numbers without a fraction, as PostgreSQL prints int columns. */
    static String text(Comparable<Object> key) {
        if ((Object) key instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return key.toString();
    }
}

package io.quiver.common.type;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ISO DateStyle text of dates and timestamps as PostgreSQL prints them ({@code 2024-01-02 03:04:05.12},
 * {@code +05:30}, {@code 0044-03-15 BC}) and the subset of its datetime input that clients send and users type:
 * parameters on the wire and text cast to date, timestamp or timestamptz in SQL.
 */
public final class PgDateTimeText {
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\s*(\\d+)-(\\d{1,2})-(\\d{1,2})"
                    + "(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?"
                    + "\\s*(Z|z|[+-]\\d{1,2}(?::?\\d{2}(?::?\\d{2})?)?)?"
                    + "(?:\\s+(BC|AD|bc|ad))?\\s*");
    private static final int NANOS_PER_MICRO = 1_000;

    /** A parsed input value; {@code offset} is null when the text gave none. */
    public record Parsed(LocalDateTime dateTime, ZoneOffset offset) {
    }

    private PgDateTimeText() {
    }

    public static Parsed parse(String text, String sqlTypeName) {
        Matcher m = DATE_TIME.matcher(text);
        if (!m.matches()) {
            throw QuiverException.of(SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for type %s: \"%s\"",
                    sqlTypeName, text);
        }
        try {
            int year = Integer.parseInt(m.group(1));
            LocalDate date = LocalDate.of("BC".equalsIgnoreCase(m.group(9)) ? 1 - year : year,
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT : LocalTime.of(Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            LocalDateTime dateTime = date.atTime(time).plusNanos(roundedToMicros(m.group(7)));
            return new Parsed(dateTime, m.group(8) == null ? null : parseOffset(m.group(8)));
        } catch (DateTimeException | NumberFormatException e) {
            throw QuiverException.of(SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"%s\"",
                    text);
        }
    }

    private static long roundedToMicros(String fraction) {
        if (fraction == null) {
            return 0;
        }
        long nanos = Long.parseLong((fraction + "00000000").substring(0, 9));
        return Math.round(nanos / (double) NANOS_PER_MICRO) * NANOS_PER_MICRO;
    }

    private static ZoneOffset parseOffset(String offset) {
        if (offset.equalsIgnoreCase("Z")) {
            return ZoneOffset.UTC;
        }
        String digits = offset.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.length() % 2 == 1 ? digits.substring(0, 1) : digits.substring(0, 2));
        String rest = digits.substring(digits.length() % 2 == 1 ? 1 : 2);
        int minutes = rest.length() >= 2 ? Integer.parseInt(rest.substring(0, 2)) : 0;
        int seconds = rest.length() >= 4 ? Integer.parseInt(rest.substring(2, 4)) : 0;
        int sign = offset.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutesSeconds(sign * hours, sign * minutes, sign * seconds);
    }

    public static String formatDate(LocalDate date) {
        return datePart(date) + eraSuffix(date);
    }

    public static String formatTimestamp(LocalDateTime dateTime) {
        return datePart(dateTime.toLocalDate()) + ' ' + timePart(dateTime.toLocalTime()) + eraSuffix(dateTime.toLocalDate());
    }

    public static String formatTimestamptz(LocalDateTime local, ZoneOffset offset) {
        return datePart(local.toLocalDate()) + ' ' + timePart(local.toLocalTime()) + offsetPart(offset)
                + eraSuffix(local.toLocalDate());
    }

    private static String datePart(LocalDate date) {
        int year = date.getYear() <= 0 ? 1 - date.getYear() : date.getYear();
        return String.format("%04d-%02d-%02d", year, date.getMonthValue(), date.getDayOfMonth());
    }

    private static String eraSuffix(LocalDate date) {
        return date.getYear() <= 0 ? " BC" : "";
    }

    private static String timePart(LocalTime time) {
        String whole = String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
        int micros = time.getNano() / NANOS_PER_MICRO;
        if (micros == 0) {
            return whole;
        }
        String fraction = String.format("%06d", micros).replaceFirst("0+$", "");
        return whole + '.' + fraction;
    }

    private static String offsetPart(ZoneOffset offset) {
        int total = Math.abs(offset.getTotalSeconds());
        StringBuilder out = new StringBuilder(offset.getTotalSeconds() < 0 ? "-" : "+")
                .append(String.format("%02d", total / 3600));
        if (total % 3600 != 0) {
            out.append(String.format(":%02d", total % 3600 / 60));
            if (total % 60 != 0) {
                out.append(String.format(":%02d", total % 60));
            }
        }
        return out.toString();
    }
}

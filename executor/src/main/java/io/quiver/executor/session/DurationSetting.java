package io.quiver.executor.session;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's millisecond-valued settings (statement_timeout, lock_timeout,
 * idle_in_transaction_session_timeout, log_min_duration_statement): a bare number of milliseconds or a number
 * with a unit (ms, s, min, h, d), shown as SHOW shows it, in the largest unit that divides it exactly.
 */
public final class DurationSetting {
    private static final Pattern VALUE = Pattern.compile("\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+))\\s*([a-z]*)\\s*");
    /** Units from the largest down, as PostgreSQL picks the one to show a value in. */
    private static final Map<String, Long> UNITS = new LinkedHashMap<>();

    static {
        UNITS.put("d", 86_400_000L);
        UNITS.put("h", 3_600_000L);
        UNITS.put("min", 60_000L);
        UNITS.put("s", 1_000L);
        UNITS.put("ms", 1L);
    }

    private DurationSetting() {
    }

    /**
     * Validates a value given to SET and returns it as SHOW prints it.
     *
     * @param min the smallest value allowed: 0, or -1 where -1 turns the feature off
     */
    public static String normalize(String name, String value, int min) {
        long millis = parse(name, value);
        if (millis < min || millis > Integer.MAX_VALUE) {
            throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "%d ms is outside the valid range for parameter \"%s\" (%d .. %d)", millis, name, min,
                    Integer.MAX_VALUE);
        }
        return format(millis);
    }

    /** A value as stored by SET (or given on the command line), in milliseconds. */
    public static long millis(String value) {
        return value == null ? 0 : parse("", value);
    }

    private static long parse(String name, String value) {
        Matcher matcher = VALUE.matcher(value);
        Long unit = matcher.matches() ? UNITS.get(matcher.group(2).isEmpty() ? "ms" : matcher.group(2)) : null;
        if (unit == null) {
            throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid value for parameter \"%s\": \"%s\"",
                    name, value);
        }
        BigDecimal millis = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(unit))
                .setScale(0, RoundingMode.HALF_EVEN);
        return millis.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0 ? Long.MAX_VALUE / 2
                : millis.compareTo(BigDecimal.valueOf(Long.MIN_VALUE / 2)) < 0 ? Long.MIN_VALUE / 2
                : millis.longValue();
    }

    private static String format(long millis) {
        if (millis <= 0) {
            return Long.toString(millis);
        }
        for (Map.Entry<String, Long> unit : UNITS.entrySet()) {
            if (millis % unit.getValue() == 0) {
                return millis / unit.getValue() + unit.getKey();
            }
        }
        throw new AssertionError("ms divides every value");
    }
}

package io.quiver.common.type;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL interval: months, days and microseconds, kept apart as PostgreSQL keeps them (a month is not a
 * fixed number of days, nor a day of hours across a daylight-saving change). Reads PostgreSQL's own input
 * ({@code 1 day}, {@code 2 hours 30 minutes}, {@code 1 mon}, {@code -3 days 04:05:06.5}, {@code @ 1 day ago})
 * and prints the {@code postgres} IntervalStyle ({@code 1 day 02:00:00}, {@code 02:30:00}, {@code 7 days}).
 */
public record PgInterval(int months, int days, long micros) {
    public static final long MICROS_PER_SECOND = 1_000_000L;
    public static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;
    private static final int MONTHS_PER_YEAR = 12;
    private static final int DAYS_PER_MONTH = 30;

    /** {@code 1.5 hours}, {@code -2d}, {@code 10} (seconds), {@code 04:05}, {@code -1:02:03.25}. */
    private static final Pattern PART = Pattern.compile(
            "([+-]?)(?:(\\d+):(\\d{1,2})(?::(\\d{1,2}(?:\\.\\d*)?))?|(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*([a-z]*))");
    private static final Map<String, Unit> UNITS = Unit.byName();

    /** The units interval input accepts, with what one of them adds. */
    private enum Unit {
        MICROSECOND(0, 0, 1, "microsecond", "microseconds", "microsecon", "us", "usec", "usecs"),
        MILLISECOND(0, 0, 1_000, "millisecond", "milliseconds", "millisecon", "ms", "msec", "msecs"),
        SECOND(0, 0, MICROS_PER_SECOND, "second", "seconds", "s", "sec", "secs"),
        MINUTE(0, 0, 60 * MICROS_PER_SECOND, "minute", "minutes", "m", "min", "mins"),
        HOUR(0, 0, 3_600 * MICROS_PER_SECOND, "hour", "hours", "h", "hr", "hrs"),
        DAY(0, 1, 0, "day", "days", "d"),
        WEEK(0, 7, 0, "week", "weeks", "w"),
        MONTH(1, 0, 0, "month", "months", "mon", "mons"),
        YEAR(12, 0, 0, "year", "years", "y", "yr", "yrs"),
        DECADE(120, 0, 0, "decade", "decades", "dec", "decs"),
        CENTURY(1_200, 0, 0, "century", "centuries", "c", "cent"),
        MILLENNIUM(12_000, 0, 0, "millennium", "millennia", "mil", "mils");

        final int months;
        final int days;
        final long micros;
        final String[] names;

        Unit(int months, int days, long micros, String... names) {
            this.months = months;
            this.days = days;
            this.micros = micros;
            this.names = names;
        }

        static Map<String, Unit> byName() {
            Map<String, Unit> units = new HashMap<>();
            for (Unit unit : values()) {
                for (String name : unit.names) {
                    units.put(name, unit);
                }
            }
            return Map.copyOf(units);
        }
    }

    /**
     * The interval {@code text} spells.
     *
     * @throws QuiverException 22007 when it is not interval input, 22015 when a field overflows
     */
    public static PgInterval parse(String text) {
        String input = text.strip().toLowerCase(Locale.ROOT);
        boolean ago = false;
        if (input.startsWith("@")) {
            input = input.substring(1).strip();
        }
        if (input.endsWith(" ago") || input.equals("ago")) {
            ago = true;
            input = input.substring(0, input.length() - "ago".length()).strip();
        }
        if (input.isEmpty()) {
            throw invalid(text);
        }
        Accumulator sum = new Accumulator(text);
        Matcher part = PART.matcher(input);
        int at = 0;
        while (at < input.length()) {
            part.region(at, input.length());
            if (!part.lookingAt()) {
                throw invalid(text);
            }
            sum.add(part);
            at = skipSpaces(input, part.end());
            if (at == part.end() && at < input.length()) {
                throw invalid(text);
            }
        }
        PgInterval interval = sum.result();
        return ago ? interval.negated() : interval;
    }

    private static int skipSpaces(String input, int from) {
        int at = from;
        while (at < input.length() && Character.isWhitespace(input.charAt(at))) {
            at++;
        }
        return at;
    }

    static QuiverException invalid(String text) {
        return QuiverException.of(SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for type interval: \"%s\"",
                text);
    }

    /** Sums the parts of one input text, carrying fractions of months into days and of days into time. */
    private static final class Accumulator {
        private final String text;
        private BigDecimal months = BigDecimal.ZERO;
        private BigDecimal days = BigDecimal.ZERO;
        private BigDecimal micros = BigDecimal.ZERO;
        private final Set<Unit> unitsSeen = EnumSet.noneOf(Unit.class);
        private boolean timeSeen;

        Accumulator(String text) {
            this.text = text;
        }

        void add(Matcher part) {
            BigDecimal sign = "-".equals(part.group(1)) ? BigDecimal.ONE.negate() : BigDecimal.ONE;
            if (part.group(2) != null) {
                addTime(part, sign);
                return;
            }
            BigDecimal amount = new BigDecimal(part.group(5).startsWith(".") ? "0" + part.group(5) : part.group(5))
                    .multiply(sign);
            if (part.group(6).isEmpty()) {
                // A bare number is seconds, as in '10'::interval.
                addTime(amount.multiply(BigDecimal.valueOf(MICROS_PER_SECOND)));
                return;
            }
            Unit unit = UNITS.get(part.group(6));
            if (unit == null || !unitsSeen.add(unit)) {
                throw invalid(text);
            }
            months = months.add(amount.multiply(BigDecimal.valueOf(unit.months)));
            days = days.add(amount.multiply(BigDecimal.valueOf(unit.days)));
            micros = micros.add(amount.multiply(BigDecimal.valueOf(unit.micros)));
        }

        private void addTime(Matcher part, BigDecimal sign) {
            int minutes = Integer.parseInt(part.group(3));
            BigDecimal seconds = part.group(4) == null ? BigDecimal.ZERO : new BigDecimal(part.group(4));
            if (minutes > 59 || seconds.compareTo(BigDecimal.valueOf(60)) >= 0) {
                throw QuiverException.of(SqlState.INTERVAL_FIELD_OVERFLOW,
                        "interval field value out of range: \"%s\"", text);
            }
            BigDecimal total = new BigDecimal(part.group(2)).multiply(BigDecimal.valueOf(3_600))
                    .add(BigDecimal.valueOf(minutes * 60L)).add(seconds);
            addTime(total.multiply(BigDecimal.valueOf(MICROS_PER_SECOND)).multiply(sign));
        }

        private void addTime(BigDecimal amount) {
            if (timeSeen) {
                throw invalid(text);
            }
            timeSeen = true;
            micros = micros.add(amount);
        }

        PgInterval result() {
            BigDecimal wholeMonths = months.setScale(0, RoundingMode.DOWN);
            BigDecimal allDays = days.add(months.subtract(wholeMonths).multiply(BigDecimal.valueOf(DAYS_PER_MONTH)));
            BigDecimal wholeDays = allDays.setScale(0, RoundingMode.DOWN);
            BigDecimal allMicros = micros.add(allDays.subtract(wholeDays).multiply(BigDecimal.valueOf(MICROS_PER_DAY)));
            try {
                return new PgInterval(wholeMonths.intValueExact(), wholeDays.intValueExact(),
                        allMicros.setScale(0, RoundingMode.HALF_EVEN).longValueExact());
            } catch (ArithmeticException e) {
                throw QuiverException.of(SqlState.INTERVAL_FIELD_OVERFLOW, "interval field value out of range: "
                        + "\"%s\"", text);
            }
        }
    }

    public PgInterval negated() {
        return new PgInterval(-months, -days, -micros);
    }

    /** A day-time interval of {@code millis}, split into whole days and the time within a day. */
    public static PgInterval ofMillis(long millis) {
        long micros = Math.multiplyExact(millis, 1_000L);
        return new PgInterval(0, (int) (micros / MICROS_PER_DAY), micros % MICROS_PER_DAY);
    }

    /** The interval as PostgreSQL prints it in its default {@code postgres} IntervalStyle. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        boolean negativeBefore = appendPart(out, months / MONTHS_PER_YEAR, "year", false);
        negativeBefore = appendPart(out, months % MONTHS_PER_YEAR, "mon", negativeBefore);
        negativeBefore = appendPart(out, days, "day", negativeBefore);
        if (micros != 0 || out.isEmpty()) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(micros < 0 ? "-" : negativeBefore ? "+" : "");
            long magnitude = Math.abs(micros);
            long seconds = magnitude / MICROS_PER_SECOND;
            out.append(String.format("%02d:%02d:%02d", seconds / 3_600, seconds / 60 % 60, seconds % 60));
            long fraction = magnitude % MICROS_PER_SECOND;
            if (fraction != 0) {
                out.append('.').append(String.format("%06d", fraction).replaceFirst("0+$", ""));
            }
        }
        return out.toString();
    }

    /** Appends {@code 3 days}, {@code 1 mon}, {@code -1 days}, {@code +2 days} after a negative part. */
    private static boolean appendPart(StringBuilder out, int value, String unit, boolean negativeBefore) {
        if (value == 0) {
            return negativeBefore;
        }
        if (!out.isEmpty()) {
            out.append(' ');
        }
        out.append(negativeBefore && value > 0 ? "+" : "").append(value).append(' ').append(unit)
                .append(value == 1 ? "" : "s");
        return value < 0;
    }
}

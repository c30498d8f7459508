package io.quiver.sql.type;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgInterval;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * PostgreSQL's interval on Calcite's two interval types: a day-time interval (milliseconds) for days, hours,
 * minutes and seconds, a year-month interval (months) for months and years. The type {@code interval} itself is
 * day-time; a constant such as {@code interval '1 month'} is year-month. One value cannot mix months with days or
 * time, as Calcite keeps the two kinds apart.
 */
public final class PgIntervalTypes {
    /** Leading field digits: enough for any day count or year count PostgreSQL users write. */
    private static final int LEADING_PRECISION = 9;
    private static final int FRACTION_PRECISION = 3;
    private static final long MICROS_PER_MILLI = 1_000;

    private PgIntervalTypes() {
    }

    public static RelDataType dayTime(RelDataTypeFactory typeFactory) {
        return typeFactory.createSqlIntervalType(dayTimeQualifier(SqlParserPos.ZERO));
    }

    /** The Calcite literal of PostgreSQL's interval input {@code text}. */
    public static SqlLiteral literal(String text, SqlParserPos pos) {
        PgInterval interval = PgInterval.parse(text);
        if (interval.months() != 0) {
            if (interval.days() != 0 || interval.micros() != 0) {
                throw mixed(text);
            }
            int months = Math.abs(interval.months());
            return SqlLiteral.createInterval(Integer.signum(interval.months()), months / 12 + "-" + months % 12,
                    new SqlIntervalQualifier(TimeUnit.YEAR, LEADING_PRECISION, TimeUnit.MONTH, -1, pos), pos);
        }
        long millis = dayTimeMillis(interval, text);
        long magnitude = Math.abs(millis);
        long seconds = magnitude / 1_000;
        String value = String.format("%d %d:%d:%d.%03d", seconds / 86_400, seconds / 3_600 % 24, seconds / 60 % 60,
                seconds % 60, magnitude % 1_000);
        return SqlLiteral.createInterval(millis < 0 ? -1 : 1, value, dayTimeQualifier(pos), pos);
    }

    /**
     * The day-time interval's milliseconds, Calcite's value of it.
     *
     * @throws QuiverException 0A000 when it has months, which a day-time interval cannot hold
     */
    public static long dayTimeMillis(PgInterval interval, String text) {
        if (interval.months() != 0) {
            throw mixed(text);
        }
        return interval.days() * 86_400_000L + interval.micros() / MICROS_PER_MILLI;
    }

    private static QuiverException mixed(String text) {
        return QuiverException.of(SqlState.FEATURE_NOT_SUPPORTED, "interval \"%s\" mixes months or years with days "
                + "or time, which Quiver does not support; write them as separate intervals", text);
    }

    private static SqlIntervalQualifier dayTimeQualifier(SqlParserPos pos) {
        return new SqlIntervalQualifier(TimeUnit.DAY, LEADING_PRECISION, TimeUnit.SECOND, FRACTION_PRECISION, pos);
    }
}

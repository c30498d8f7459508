package io.quiver.sql.function;

import io.quiver.common.type.PgDateTimeText;
import io.quiver.common.type.PgInterval;
import io.quiver.sql.type.PgIntervalTypes;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * Text cast to date, timestamp, timestamptz and interval with PostgreSQL's input syntax and errors ({@code +00},
 * {@code +05:30}, {@code Z}, fractional seconds, {@code BC}) rather than Calcite's stricter own. The values are
 * Calcite's run-time representations: epoch days, epoch milliseconds of the local or UTC time, and interval
 * milliseconds. Text without an offset is read in the session's time zone, which is UTC.
 */
public final class DateTimeCasts {
    private static final SqlUserDefinedFunction TO_DATE = castFunction("date_in", "dateIn");
    private static final SqlUserDefinedFunction TO_TIMESTAMP = castFunction("timestamp_in", "timestampIn");
    private static final SqlUserDefinedFunction TO_TIMESTAMPTZ = castFunction("timestamptz_in", "timestamptzIn");
    private static final SqlUserDefinedFunction TO_INTERVAL = castFunction("interval_in", "intervalIn");

    private DateTimeCasts() {
    }

    static boolean isTextToDateTime(RelDataType source, RelDataType target) {
        return SqlTypeUtil.isCharacter(source) && function(target) != null;
    }

    /** The call reading the text {@code source} as {@code target}, a type {@link #isTextToDateTime} accepts. */
    static RexNode convert(RexBuilder rexBuilder, RexNode source, RelDataType target) {
        return rexBuilder.makeCall(target, function(target), List.of(source));
    }

    private static SqlUserDefinedFunction function(RelDataType target) {
        return switch (target.getSqlTypeName()) {
            case DATE -> TO_DATE;
            case TIMESTAMP -> TO_TIMESTAMP;
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> TO_TIMESTAMPTZ;
            // Constant text is read while parsing (PgIntervalLiterals); other text is a day-time interval.
            case INTERVAL_DAY_SECOND -> TO_INTERVAL;
            default -> null;
        };
    }

    public static Integer dateIn(String text) {
        return text == null ? null
                : (int) PgDateTimeText.parse(text, "date").dateTime().toLocalDate().toEpochDay();
    }

    /** PostgreSQL ignores an offset in timestamp input. */
    public static Long timestampIn(String text) {
        return text == null ? null
                : PgDateTimeText.parse(text, "timestamp").dateTime().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    public static Long timestamptzIn(String text) {
        if (text == null) {
            return null;
        }
        PgDateTimeText.Parsed parsed = PgDateTimeText.parse(text, "timestamp with time zone");
        ZoneOffset offset = parsed.offset() == null ? ZoneOffset.UTC : parsed.offset();
        return parsed.dateTime().toInstant(offset).toEpochMilli();
    }

    /** Day-time interval milliseconds; text with months is rejected, as a day-time interval cannot hold them. */
    public static Long intervalIn(String text) {
        return text == null ? null : PgIntervalTypes.dayTimeMillis(PgInterval.parse(text), text);
    }

    private static SqlUserDefinedFunction castFunction(String name, String method) {
        return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                ReturnTypes.explicit(SqlTypeName.ANY), null, null,
                ScalarFunctionImpl.create(DateTimeCasts.class, method));
    }
}

package io.quiver.executor.schema;

import io.quiver.common.type.PgInterval;
import io.quiver.common.type.PgType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Converts between Quiver's canonical values (see {@link PgType}) and the representation Calcite's generated
 * code works on: dates as days since the epoch, timestamps as milliseconds, binary as {@link ByteString},
 * arrays as lists. Everything else (numbers, strings, booleans, {@code float[]} vectors) is shared as is.
 */
public final class CalciteValues {
    private CalciteValues() {
    }

    public static Object toCalcite(PgType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case DATE -> (int) ((LocalDate) value).toEpochDay();
            case TIMESTAMP -> ((LocalDateTime) value).toInstant(ZoneOffset.UTC).toEpochMilli();
            case TIMESTAMPTZ -> ((OffsetDateTime) value).toInstant().toEpochMilli();
            // As text: PgTypeMapping gives interval parameters a text type (see there).
            case INTERVAL -> value.toString();
            case BYTEA -> new ByteString((byte[]) value);
            default -> type.isArray() ? Arrays.asList((Object[]) value) : value;
        };
    }

    public static Object fromCalcite(PgType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case DATE -> LocalDate.ofEpochDay(((Number) value).longValue());
            case TIMESTAMP -> LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC)
                    .plus(((Number) value).longValue(), ChronoUnit.MILLIS);
            case TIMESTAMPTZ -> OffsetDateTime.ofInstant(
                    java.time.Instant.ofEpochMilli(((Number) value).longValue()), ZoneOffset.UTC);
            // Calcite holds a year-month interval as int months, a day-time one as long milliseconds.
            case INTERVAL -> value instanceof Integer months ? new PgInterval(months, 0, 0)
                    : PgInterval.ofMillis(((Number) value).longValue());
            case BYTEA -> value instanceof ByteString bytes ? bytes.getBytes() : value;
            case INT2 -> ((Number) value).shortValue();
            case INT4 -> ((Number) value).intValue();
            case INT8 -> ((Number) value).longValue();
            case FLOAT4 -> ((Number) value).floatValue();
            case FLOAT8 -> ((Number) value).doubleValue();
            default -> type.isArray() && value instanceof List<?> list ? list.toArray() : value;
        };
    }

    /**
     * A stored row in Calcite's representation, in a new array of {@code width} slots (room for extra columns
     * after the row's own, such as a row id).
     */
    public static Object[] rowToCalcite(List<PgType> types, Object[] row, int width) {
        Object[] converted = new Object[width];
        for (int i = 0; i < types.size(); i++) {
            converted[i] = toCalcite(types.get(i), row[i]);
        }
        return converted;
    }

    /** Converts a whole row in place from Calcite's representation. */
    public static Object[] rowFromCalcite(List<PgType> types, Object[] row) {
        for (int i = 0; i < row.length; i++) {
            row[i] = fromCalcite(types.get(i), row[i]);
        }
        return row;
    }
}

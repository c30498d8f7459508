package io.quiver.wire.type;

import io.netty.buffer.ByteBuf;
import io.quiver.common.type.PgDateTimeText;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * timestamp with time zone: printed in the session's TimeZone, and input without an offset is read in it;
 * binary is microseconds since 2000-01-01 UTC.
 */
final class TimestamptzCodec implements TypeCodec {
    private static final OffsetDateTime POSTGRES_EPOCH = TimestampCodec.POSTGRES_EPOCH.atOffset(ZoneOffset.UTC);

    private final Supplier<ZoneId> sessionTimeZone;

    TimestamptzCodec(Supplier<ZoneId> sessionTimeZone) {
        this.sessionTimeZone = sessionTimeZone;
    }

    @Override
    public String encodeText(Object value) {
        ZonedDateTime local = ((OffsetDateTime) value).atZoneSameInstant(sessionTimeZone.get());
        return PgDateTimeText.formatTimestamptz(local.toLocalDateTime(), local.getOffset());
    }

    @Override
    public Object decodeText(String text) {
        PgDateTimeText.Parsed parsed = PgDateTimeText.parse(text, "timestamp with time zone");
        return parsed.offset() == null
                ? parsed.dateTime().atZone(sessionTimeZone.get()).toOffsetDateTime()
                : parsed.dateTime().atOffset(parsed.offset());
    }

    @Override
    public void encodeBinary(Object value, ByteBuf out) {
        out.writeLong(ChronoUnit.MICROS.between(POSTGRES_EPOCH, (OffsetDateTime) value));
    }

    @Override
    public Object decodeBinary(ByteBuf in) {
        return POSTGRES_EPOCH.plus(in.readLong(), ChronoUnit.MICROS);
    }
}

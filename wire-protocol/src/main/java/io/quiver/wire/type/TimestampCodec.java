package io.quiver.wire.type;

import io.netty.buffer.ByteBuf;
import io.quiver.common.type.PgDateTimeText;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/** timestamp without time zone: an offset in the input is ignored, as PostgreSQL ignores it. */
final class TimestampCodec implements TypeCodec {
    static final LocalDateTime POSTGRES_EPOCH = DateCodec.POSTGRES_EPOCH.atStartOfDay();

    @Override
    public String encodeText(Object value) {
        return PgDateTimeText.formatTimestamp((LocalDateTime) value);
    }

    @Override
    public Object decodeText(String text) {
        return PgDateTimeText.parse(text, "timestamp").dateTime();
    }

    @Override
    public void encodeBinary(Object value, ByteBuf out) {
        out.writeLong(ChronoUnit.MICROS.between(POSTGRES_EPOCH, (LocalDateTime) value));
    }

    @Override
    public Object decodeBinary(ByteBuf in) {
        return POSTGRES_EPOCH.plus(in.readLong(), ChronoUnit.MICROS);
    }
}

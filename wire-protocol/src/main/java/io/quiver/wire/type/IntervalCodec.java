package io.quiver.wire.type;

import io.netty.buffer.ByteBuf;
import io.quiver.common.type.PgInterval;

/** interval: the {@code postgres} IntervalStyle as text; binary as int8 microseconds, int4 days, int4 months. */
final class IntervalCodec implements TypeCodec {
    @Override
    public String encodeText(Object value) {
        return value.toString();
    }

    @Override
    public Object decodeText(String text) {
        return PgInterval.parse(text);
    }

    @Override
    public void encodeBinary(Object value, ByteBuf out) {
        PgInterval interval = (PgInterval) value;
        out.writeLong(interval.micros());
        out.writeInt(interval.days());
        out.writeInt(interval.months());
    }

    @Override
    public Object decodeBinary(ByteBuf in) {
        long micros = in.readLong();
        int days = in.readInt();
        return new PgInterval(in.readInt(), days, micros);
    }
}

package io.quiver.wire.type;

import io.netty.buffer.ByteBuf;
import io.quiver.common.type.PgDateTimeText;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** date: ISO text; binary as int4 days since 2000-01-01, PostgreSQL's epoch. */
final class DateCodec implements TypeCodec {
    static final LocalDate POSTGRES_EPOCH = LocalDate.of(2000, 1, 1);

    @Override
    public String encodeText(Object value) {
        return PgDateTimeText.formatDate((LocalDate) value);
    }

    @Override
    public Object decodeText(String text) {
        return PgDateTimeText.parse(text, "date").dateTime().toLocalDate();
    }

    @Override
    public void encodeBinary(Object value, ByteBuf out) {
        out.writeInt((int) ChronoUnit.DAYS.between(POSTGRES_EPOCH, (LocalDate) value));
    }

    @Override
    public Object decodeBinary(ByteBuf in) {
        return POSTGRES_EPOCH.plusDays(in.readInt());
    }
}

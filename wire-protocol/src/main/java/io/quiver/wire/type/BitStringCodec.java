package io.quiver.wire.type;

import io.netty.buffer.ByteBuf;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgBitString;

/** PostgreSQL's bit and varbit: {@code 1010} as text; int32 bit length, then the bits packed in bytes. */
final class BitStringCodec implements TypeCodec {
    @Override
    public String encodeText(Object value) {
        return value.toString();
    }

    @Override
    public Object decodeText(String text) {
        return PgBitString.parse(text);
    }

    @Override
    public void encodeBinary(Object value, ByteBuf out) {
        PgBitString bits = (PgBitString) value;
        out.writeInt(bits.length());
        out.writeBytes(bits.bytes());
    }

    @Override
    public Object decodeBinary(ByteBuf in) {
        int length = in.readInt();
        if (length < 0 || length > PgBitString.MAX_LENGTH) {
            throw new QuiverException(SqlState.INVALID_BINARY_REPRESENTATION, "invalid length in external bit string");
        }
        byte[] bytes = new byte[(length + 7) / 8];
        in.readBytes(bytes);
        if (length % 8 != 0) {
            // varbit_recv clears the pad bits rather than trusting the client.
            bytes[bytes.length - 1] &= (byte) (0xff << (8 - length % 8));
        }
        return new PgBitString(length, bytes);
    }
}

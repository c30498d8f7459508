package io.quiver.wire.type;

import io.netty.buffer.ByteBuf;

/** oid: an unsigned 32-bit number carried as a Long; like oidin, it also reads negative int4 input. */
final class OidCodec implements TypeCodec {
    private static final long UNSIGNED_MASK = 0xFFFF_FFFFL;

    @Override
    public String encodeText(Object value) {
        return Long.toString(((Number) value).longValue() & UNSIGNED_MASK);
    }

    @Override
    public Object decodeText(String text) {
        String digits = text.strip();
        if (!digits.matches("[+-]?[0-9]+")) {
            throw InvalidInput.syntax("oid", text);
        }
        try {
            long parsed = Long.parseLong(digits);
            if (parsed >= Integer.MIN_VALUE && parsed <= UNSIGNED_MASK) {
                return parsed & UNSIGNED_MASK;
            }
        } catch (NumberFormatException tooLong) {
            // reported below, like any other out-of-range value
        }
        throw InvalidInput.valueOutOfRange(text, "oid");
    }

    @Override
    public void encodeBinary(Object value, ByteBuf out) {
        out.writeInt((int) ((Number) value).longValue());
    }

    @Override
    public Object decodeBinary(ByteBuf in) {
        return in.readUnsignedInt();
    }
}

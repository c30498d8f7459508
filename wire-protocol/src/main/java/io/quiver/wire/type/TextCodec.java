package io.quiver.wire.type;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The character types (text, varchar, bpchar, name, "char") and unknown-typed literals: UTF-8 either way.
 * The catalog-only types (regclass, regproc, int2vector, oidvector, void) reach the wire this way too: their
 * binary form is their text, as unknownsend does.
 */
final class TextCodec implements TypeCodec {
    @Override
    public String encodeText(Object value) {
        return value.toString();
    }

    @Override
    public Object decodeText(String text) {
        return text;
    }

    @Override
    public void encodeBinary(Object value, ByteBuf out) {
        out.writeCharSequence(value.toString(), StandardCharsets.UTF_8);
    }

    @Override
    public Object decodeBinary(ByteBuf in) {
        return in.readCharSequence(in.readableBytes(), StandardCharsets.UTF_8).toString();
    }
}

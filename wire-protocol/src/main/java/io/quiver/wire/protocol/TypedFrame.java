package io.quiver.wire.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/** One typed message after startup: its type byte and its body (without the length word). */
public final class TypedFrame extends DefaultByteBufHolder {
    private final char type;

    public TypedFrame(char type, ByteBuf body) {
        super(body);
        this.type = type;
    }

    public char type() {
        return type;
    }
}

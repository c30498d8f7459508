package io.quiver.wire.type;

import io.netty.buffer.ByteBuf;
import java.util.Locale;

/** bool: prints t/f and reads every spelling boolin accepts (true, yes, on, 1 and their unique prefixes). */
final class BoolCodec implements TypeCodec {
    @Override
    public String encodeText(Object value) {
        return (Boolean) value ? "t" : "f";
    }

    @Override
    public Object decodeText(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT);
        if (!word.isEmpty()) {
            if ("true".startsWith(word) || "yes".startsWith(word) || word.equals("on") || word.equals("1")) {
                return true;
            }
            if ("false".startsWith(word) || "no".startsWith(word) || word.equals("off") || word.equals("of")
                    || word.equals("0")) {
                return false;
            }
        }
        throw InvalidInput.syntax("boolean", text);
    }

    @Override
    public void encodeBinary(Object value, ByteBuf out) {
        out.writeByte((Boolean) value ? 1 : 0);
    }

    @Override
    public Object decodeBinary(ByteBuf in) {
        return in.readByte() != 0;
    }
}

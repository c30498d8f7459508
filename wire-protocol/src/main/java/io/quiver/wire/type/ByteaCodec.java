package io.quiver.wire.type;

import io.netty.buffer.ByteBuf;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** bytea: hex output ({@code \xdeadbeef}); input in hex or the traditional escape format. */
final class ByteaCodec implements TypeCodec {
    private static final HexFormat HEX = HexFormat.of();

    @Override
    public String encodeText(Object value) {
        return "\\x" + HEX.formatHex((byte[]) value);
    }

    @Override
    public Object decodeText(String text) {
        return text.startsWith("\\x") ? decodeHex(text.substring(2)) : decodeEscaped(text);
    }

    private static byte[] decodeHex(String digits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(digits.length() / 2);
        int i = 0;
        while (i < digits.length()) {
            char high = digits.charAt(i++);
            if (Character.isWhitespace(high)) {
                continue;
            }
            if (i == digits.length()) {
                throw new QuiverException(SqlState.INVALID_TEXT_REPRESENTATION,
                        "invalid hexadecimal data: odd number of digits");
            }
            char low = digits.charAt(i++);
            out.write(hexValue(high) << 4 | hexValue(low));
        }
        return out.toByteArray();
    }

    private static int hexValue(char digit) {
        int value = Character.digit(digit, 16);
        if (value < 0) {
            throw QuiverException.of(SqlState.INVALID_TEXT_REPRESENTATION, "invalid hexadecimal digit: \"%c\"", digit);
        }
        return value;
    }

    private static byte[] decodeEscaped(String text) {
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '\\') {
                out.write(raw[i]);
            } else if (i + 1 < raw.length && raw[i + 1] == '\\') {
                out.write('\\');
                i++;
            } else if (i + 3 < raw.length && isOctal(raw[i + 1], '3') && isOctal(raw[i + 2], '7')
                    && isOctal(raw[i + 3], '7')) {
                out.write((raw[i + 1] - '0') << 6 | (raw[i + 2] - '0') << 3 | (raw[i + 3] - '0'));
                i += 3;
            } else {
                throw QuiverException.of(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type bytea");
            }
        }
        return out.toByteArray();
    }

    private static boolean isOctal(byte b, char highest) {
        return b >= '0' && b <= highest;
    }

    @Override
    public void encodeBinary(Object value, ByteBuf out) {
        out.writeBytes((byte[]) value);
    }

    @Override
    public Object decodeBinary(ByteBuf in) {
        byte[] bytes = new byte[in.readableBytes()];
        in.readBytes(bytes);
        return bytes;
    }
}

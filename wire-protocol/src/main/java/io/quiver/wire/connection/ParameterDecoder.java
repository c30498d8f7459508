package io.quiver.wire.connection;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import io.quiver.wire.type.TypeCodec;
import io.quiver.wire.type.TypeCodecs;
import java.nio.BufferUnderflowException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Turns Bind's parameter bytes into the canonical values the executor binds. */
final class ParameterDecoder {
    private final TypeCodecs codecs;

    ParameterDecoder(TypeCodecs codecs) {
        this.codecs = codecs;
    }

    List<Object> decode(List<PgType> types, short[] formats, List<byte[]> values) {
        List<Object> decoded = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            byte[] value = values.get(i);
            TypeCodec codec = codecs.forType(types.get(i) == null ? PgType.UNKNOWN : types.get(i));
            if (value == null) {
                decoded.add(null);
            } else if (formats[i] == FormatCodes.BINARY) {
                decoded.add(decodeBinary(codec, value, i + 1));
            } else {
                decoded.add(codec.decodeText(new String(value, StandardCharsets.UTF_8)));
            }
        }
        return decoded;
    }

    private static Object decodeBinary(TypeCodec codec, byte[] value, int parameterNumber) {
        ByteBuf in = Unpooled.wrappedBuffer(value);
        try {
            Object decoded = codec.decodeBinary(in);
            if (!in.isReadable()) {
                return decoded;
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException | BufferUnderflowException malformed) {
            // reported below, as PostgreSQL reports any receive function that did not consume its value exactly
        }
        throw QuiverException.of(SqlState.INVALID_BINARY_REPRESENTATION,
                "incorrect binary data format in bind parameter %d", parameterNumber);
    }
}

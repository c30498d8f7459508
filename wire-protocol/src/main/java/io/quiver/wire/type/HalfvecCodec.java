package io.quiver.wire.type;

import io.netty.buffer.ByteBuf;
import io.quiver.common.vector.HalfvecBinary;
import io.quiver.common.vector.HalfvecText;
import java.nio.ByteBuffer;

/** pgvector's halfvec: {@code [1,2,3]} as text; int16 dimensions, int16 unused, float16 values in binary. */
final class HalfvecCodec implements TypeCodec {
    private static final int NO_DECLARED_DIMENSIONS = -1;

    @Override
    public String encodeText(Object value) {
        return HalfvecText.format((float[]) value);
    }

    @Override
    public Object decodeText(String text) {
        return HalfvecText.parse(text, NO_DECLARED_DIMENSIONS);
    }

    @Override
    public void encodeBinary(Object value, ByteBuf out) {
        out.writeBytes(HalfvecBinary.encode((float[]) value));
    }

    @Override
    public Object decodeBinary(ByteBuf in) {
        ByteBuffer bytes = in.nioBuffer();
        float[] vector = HalfvecBinary.decode(bytes, NO_DECLARED_DIMENSIONS);
        in.skipBytes(bytes.position());
        return vector;
    }
}

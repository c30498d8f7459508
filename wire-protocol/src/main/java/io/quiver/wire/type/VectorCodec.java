package io.quiver.wire.type;

import io.netty.buffer.ByteBuf;
import io.quiver.common.vector.VectorBinary;
import io.quiver.common.vector.VectorText;
import java.nio.ByteBuffer;

/** pgvector's vector: {@code [1,2,3]} as text; int16 dimensions, int16 unused, float4 values in binary. */
final class VectorCodec implements TypeCodec {
    private static final int NO_DECLARED_DIMENSIONS = -1;

    @Override
    public String encodeText(Object value) {
        return VectorText.format((float[]) value);
    }

    @Override
    public Object decodeText(String text) {
        return VectorText.parse(text);
    }

    @Override
    public void encodeBinary(Object value, ByteBuf out) {
        out.writeBytes(VectorBinary.encode((float[]) value));
    }

    @Override
    public Object decodeBinary(ByteBuf in) {
        ByteBuffer bytes = in.nioBuffer();
        float[] vector = VectorBinary.decode(bytes, NO_DECLARED_DIMENSIONS);
        in.skipBytes(bytes.position());
        return vector;
    }
}

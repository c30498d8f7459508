package io.quiver.wire.type;

import io.netty.buffer.ByteBuf;
import io.quiver.common.vector.SparseVector;
import io.quiver.common.vector.SparsevecBinary;
import io.quiver.common.vector.SparsevecText;
import java.nio.ByteBuffer;

/**
 * pgvector's sparsevec: {@code {1:1.5,3:2}/5} as text; int32 dimensions, int32 non-zeros, int32 unused, int32
 * 0-based indices and float4 values in binary.
 */
final class SparsevecCodec implements TypeCodec {
    private static final int NO_DECLARED_DIMENSIONS = -1;

    @Override
    public String encodeText(Object value) {
        return SparsevecText.format((SparseVector) value);
    }

    @Override
    public Object decodeText(String text) {
        return SparsevecText.parse(text, NO_DECLARED_DIMENSIONS);
    }

    @Override
    public void encodeBinary(Object value, ByteBuf out) {
        out.writeBytes(SparsevecBinary.encode((SparseVector) value));
    }

    @Override
    public Object decodeBinary(ByteBuf in) {
        ByteBuffer bytes = in.nioBuffer();
        SparseVector vector = SparsevecBinary.decode(bytes, NO_DECLARED_DIMENSIONS);
        in.skipBytes(bytes.position());
        return vector;
    }
}

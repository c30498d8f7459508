package io.quiver.common.vector;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** pgvector's halfvec_send/halfvec_recv: int16 dimensions, int16 unused (0), each element a big-endian half. */
public final class HalfvecBinary {
    private HalfvecBinary() {
    }

    /** halfvec_send. */
    public static byte[] encode(float[] v) {
        ByteBuffer out = ByteBuffer.allocate(4 + Short.BYTES * v.length).order(ByteOrder.BIG_ENDIAN);
        out.putShort((short) v.length);
        out.putShort((short) 0);
        for (float x : v) {
            out.putShort(Float.floatToFloat16(x));
        }
        return out.array();
    }

    /** halfvec_recv from the buffer's position; a typmod of -1 means no declared dimension. */
    public static float[] decode(ByteBuffer in, int typmod) {
        ByteBuffer buf = in.duplicate().order(ByteOrder.BIG_ENDIAN);
        try {
            short dims = buf.getShort();
            short unused = buf.getShort();
            VectorErrors.checkDim(dims, HalfvecText.TYPE_NAME);
            VectorErrors.checkExpectedDim(typmod, dims);
            if (unused != 0) {
                throw QuiverException.of(SqlState.DATA_EXCEPTION, "expected unused to be 0, not %d", unused);
            }
            float[] v = new float[dims];
            for (int i = 0; i < dims; i++) {
                v[i] = Float.float16ToFloat(buf.getShort());
                VectorErrors.checkElement(v[i], HalfvecText.TYPE_NAME);
            }
            in.position(buf.position());
            return v;
        } catch (BufferUnderflowException e) {
            throw new QuiverException(SqlState.PROTOCOL_VIOLATION, "insufficient data left in message", e);
        }
    }
}

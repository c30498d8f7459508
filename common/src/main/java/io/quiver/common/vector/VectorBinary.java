package io.quiver.common.vector;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * pgvector's binary send/recv format: int16 dimensions, int16 unused (always 0), then each element as a
 * big-endian float4.
 */
public final class VectorBinary {
    private static final int HEADER_BYTES = 4;

    private VectorBinary() {
    }

    /** vector_send. */
    public static byte[] encode(float[] v) {
        ByteBuffer out = ByteBuffer.allocate(encodedLength(v)).order(ByteOrder.BIG_ENDIAN);
        encode(v, out);
        return out.array();
    }

    public static int encodedLength(float[] v) {
        return HEADER_BYTES + Float.BYTES * v.length;
    }

    /** Writes vector_send's bytes at the buffer's position. */
    public static void encode(float[] v, ByteBuffer out) {
        out.putShort((short) v.length);
        out.putShort((short) 0);
        for (float x : v) {
            out.putFloat(x);
        }
    }

    /** vector_recv without a declared dimension. */
    public static float[] decode(byte[] bytes) {
        return decode(ByteBuffer.wrap(bytes), -1);
    }

    public static float[] decode(byte[] bytes, int typmod) {
        return decode(ByteBuffer.wrap(bytes), typmod);
    }

    /**
     * vector_recv: reads one vector from the buffer's position (big-endian regardless of the buffer's order)
     * and checks it as pgvector does. A typmod of -1 means no declared dimension.
     */
    public static float[] decode(ByteBuffer in, int typmod) {
        ByteBuffer buf = in.duplicate().order(ByteOrder.BIG_ENDIAN);
        try {
            short dims = buf.getShort();
            short unused = buf.getShort();
            VectorErrors.checkDim(dims);
            VectorErrors.checkExpectedDim(typmod, dims);
            if (unused != 0) {
                throw QuiverException.of(SqlState.DATA_EXCEPTION, "expected unused to be 0, not %d", unused);
            }
            float[] v = new float[dims];
            for (int i = 0; i < dims; i++) {
                v[i] = buf.getFloat();
                VectorErrors.checkElement(v[i]);
            }
            in.position(buf.position());
            return v;
        } catch (BufferUnderflowException e) {
            // pq_getmsgint / pq_getmsgfloat4 report reading past the end of the message this way.
            throw new QuiverException(SqlState.PROTOCOL_VIOLATION, "insufficient data left in message", e);
        }
    }
}

package io.quiver.common.vector;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * pgvector's sparsevec_send/sparsevec_recv: int32 dimensions, int32 non-zero count, int32 unused (0), the
 * 0-based int32 indices, then the float4 values, all big-endian.
 */
public final class SparsevecBinary {
    private static final int HEADER_BYTES = 12;

    private SparsevecBinary() {
    }

    /** sparsevec_send. */
    public static byte[] encode(SparseVector v) {
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + 8 * v.nonZeros()).order(ByteOrder.BIG_ENDIAN);
        out.putInt(v.dimensions());
        out.putInt(v.nonZeros());
        out.putInt(0);
        for (int index : v.indices()) {
            out.putInt(index);
        }
        for (float value : v.values()) {
            out.putFloat(value);
        }
        return out.array();
    }

    /** sparsevec_recv from the buffer's position; a typmod of -1 means no declared dimension. */
    public static SparseVector decode(ByteBuffer in, int typmod) {
        ByteBuffer buf = in.duplicate().order(ByteOrder.BIG_ENDIAN);
        try {
            int dims = buf.getInt();
            int nonZeros = buf.getInt();
            int unused = buf.getInt();
            SparseVector.checkDimensions(dims);
            VectorErrors.checkExpectedDim(typmod, dims);
            if (nonZeros < 0 || nonZeros > SparseVector.MAX_NON_ZEROS) {
                SparseVector.checkNonZeros(Integer.MAX_VALUE);
            }
            if (nonZeros > dims) {
                throw QuiverException.of(SqlState.DATA_EXCEPTION, "sparsevec cannot have more elements than "
                        + "dimensions");
            }
            if (unused != 0) {
                throw QuiverException.of(SqlState.DATA_EXCEPTION, "expected unused to be 0, not %d", unused);
            }
            int[] indices = new int[nonZeros];
            for (int i = 0; i < nonZeros; i++) {
                indices[i] = buf.getInt();
                SparseVector.checkIndex(indices, i, dims);
            }
            float[] values = new float[nonZeros];
            for (int i = 0; i < nonZeros; i++) {
                values[i] = buf.getFloat();
                VectorErrors.checkElement(values[i], SparseVector.TYPE_NAME);
                if (values[i] == 0) {
                    throw new QuiverException(SqlState.DATA_EXCEPTION,
                            "binary representation of sparsevec cannot contain zero values");
                }
            }
            in.position(buf.position());
            return new SparseVector(dims, indices, values);
        } catch (BufferUnderflowException e) {
            throw new QuiverException(SqlState.PROTOCOL_VIOLATION, "insufficient data left in message", e);
        }
    }
}

package io.quiver.common.vector;

import static io.quiver.common.vector.PgErrors.assertPgError;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.common.error.SqlState;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class VectorBinaryTest {
    @Test
    void encodesAsVectorSend() {
        // SELECT vector_send('[1,-2.5]') on the reference server.
        assertThat(HexFormat.of().formatHex(VectorBinary.encode(new float[] {1, -2.5f})))
                .isEqualTo("000200003f800000c0200000");
    }

    @Test
    void decodesWhatItEncodes() {
        float[] v = {0.1f, -0f, 3e38f};
        assertThat(VectorBinary.decode(VectorBinary.encode(v))).containsExactly(v);
        ByteBuffer buffer = ByteBuffer.allocate(20).put((byte) 9);
        VectorBinary.encode(new float[] {7, 8}, buffer.position(1).slice());
        buffer.position(1);
        assertThat(VectorBinary.decode(buffer, 2)).containsExactly(7f, 8f);
        assertThat(buffer.position()).isEqualTo(13);
    }

    @Test
    void checksAsVectorRecv() {
        assertPgError(() -> VectorBinary.decode(HexFormat.of().parseHex("00000000")), SqlState.DATA_EXCEPTION,
                "vector must have at least 1 dimension");
        assertPgError(() -> VectorBinary.decode(HexFormat.of().parseHex("3e810000")), SqlState.PROGRAM_LIMIT_EXCEEDED,
                "vector cannot have more than 16000 dimensions");
        assertPgError(() -> VectorBinary.decode(HexFormat.of().parseHex("000100013f800000")), SqlState.DATA_EXCEPTION,
                "expected unused to be 0, not 1");
        assertPgError(() -> VectorBinary.decode(HexFormat.of().parseHex("000100007fc00000")), SqlState.DATA_EXCEPTION,
                "NaN not allowed in vector");
        assertPgError(() -> VectorBinary.decode(HexFormat.of().parseHex("000100003f800000"), 2),
                SqlState.DATA_EXCEPTION, "expected 2 dimensions, not 1");
        assertPgError(() -> VectorBinary.decode(HexFormat.of().parseHex("000200003f800000")),
                SqlState.PROTOCOL_VIOLATION, "insufficient data left in message");
    }
}

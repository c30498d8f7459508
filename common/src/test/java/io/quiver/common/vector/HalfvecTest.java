package io.quiver.common.vector;

import static io.quiver.common.vector.PgErrors.assertPgError;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.common.error.SqlState;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** halfvec text, binary and arithmetic; expected values are the reference server's (pgvector 0.8.6). */
class HalfvecTest {
    @Test
    void roundsEachElementToHalfPrecisionAsHalfvecIn() {
        assertThat(HalfvecText.format(HalfvecText.parse("[0.1,0.2,0.3,1e-5,6e-8,3e-8,65519,-65519,0.333333]", -1)))
                .isEqualTo("[0.099975586,0.19995117,0.30004883,1.001358e-05,5.9604645e-08,5.9604645e-08,65504,"
                        + "-65504,0.33325195]");
        assertThat(HalfvecText.format(HalfvecText.parse("[1.1,2,3]", 3))).isEqualTo("[1.0996094,2,3]");
        assertThat(HalfvecText.parse("[1e-8]", -1)).containsExactly(0f);
    }

    @Test
    void reportsErrorsAsHalfvec() {
        assertPgError(() -> HalfvecText.parse("[65520]", -1), SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                "\"65520\" is out of range for type halfvec");
        assertPgError(() -> HalfvecText.parse("[nan]", -1), SqlState.DATA_EXCEPTION, "NaN not allowed in halfvec");
        assertPgError(() -> HalfvecText.parse("[]", -1), SqlState.DATA_EXCEPTION,
                "halfvec must have at least 1 dimension");
        assertPgError(() -> HalfvecText.parse("[1,2", -1), SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type halfvec: \"[1,2\"");
        assertPgError(() -> HalfvecText.parse("[1,2]", 3), SqlState.DATA_EXCEPTION, "expected 3 dimensions, not 2");
        assertPgError(() -> HalfvecText.checkTypmod(16001), SqlState.INVALID_PARAMETER_VALUE,
                "dimensions for type halfvec cannot exceed 16000");
        assertPgError(() -> HalfFloats.fromFloats(new float[] {70000}), SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                "\"70000\" is out of range for type halfvec");
        assertPgError(() -> HalfvecMath.add(new float[] {60000}, new float[] {60000}),
                SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        assertPgError(() -> HalfvecMath.add(new float[] {1}, new float[] {1, 2}), SqlState.DATA_EXCEPTION,
                "different halfvec dimensions 1 and 2");
        assertPgError(() -> HalfvecMath.subvector(new float[] {1}, 3, 1), SqlState.DATA_EXCEPTION,
                "halfvec must have at least 1 dimension");
    }

    @Test
    void arithmeticRoundsItsResultsToHalves() {
        assertThat(HalfvecMath.l2Normalize(new float[] {1, 2, 3}))
                .containsExactly(0.26733398f, 0.53466797f, 0.8017578f);
        assertThat(HalfvecMath.multiply(new float[] {1.1f, 2}, new float[] {3, 2})).containsExactly(
                HalfFloats.round(1.1f * 3), 4f);
    }

    @Test
    void binaryFormIsHalfvecSend() {
        float[] v = HalfvecText.parse("[1.5,-2,65504]", -1);
        byte[] bytes = HalfvecBinary.encode(v);
        assertThat(bytes).containsExactly(0, 3, 0, 0, 0x3e, 0, (byte) 0xc0, 0, 0x7b, (byte) 0xff);
        assertThat(HalfvecBinary.decode(ByteBuffer.wrap(bytes), 3)).containsExactly(v);
        byte[] nan = {0, 1, 0, 0, 0x7e, 0};
        assertPgError(() -> HalfvecBinary.decode(ByteBuffer.wrap(nan), -1), SqlState.DATA_EXCEPTION,
                "NaN not allowed in halfvec");
    }
}

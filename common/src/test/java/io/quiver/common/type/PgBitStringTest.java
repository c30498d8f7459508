package io.quiver.common.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import org.junit.jupiter.api.Test;

/** PostgreSQL's bit strings and pgvector's bit distances; expected values are the reference server's. */
class PgBitStringTest {
    @Test
    void parsesAndFormatsBinaryAndHexDigits() {
        assertThat(PgBitString.parse("1010").toString()).isEqualTo("1010");
        assertThat(PgBitString.parse("X1F").toString()).isEqualTo("00011111");
        assertThat(PgBitString.parse("").length()).isZero();
        assertThat(error(() -> PgBitString.parse("10201"))).hasMessage("\"2\" is not a valid binary digit")
                .extracting(QuiverException::state).isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION);
    }

    @Test
    void explicitCastsPadOrTruncateAssignmentsFail() {
        PgBitString bits = PgBitString.parse("101");
        assertThat(bits.withLength(6, false, true).toString()).isEqualTo("101000");
        assertThat(bits.withLength(2, false, true).toString()).isEqualTo("10");
        assertThat(bits.withLength(2, true, true).toString()).isEqualTo("10");
        assertThat(bits.withLength(5, true, false).toString()).isEqualTo("101");
        assertThat(error(() -> bits.withLength(4, false, false)))
                .hasMessage("bit string length 3 does not match type bit(4)")
                .extracting(QuiverException::state).isEqualTo(SqlState.STRING_DATA_LENGTH_MISMATCH);
        assertThat(error(() -> bits.withLength(2, true, false)))
                .hasMessage("bit string too long for type bit varying(2)")
                .extracting(QuiverException::state).isEqualTo(SqlState.STRING_DATA_RIGHT_TRUNCATION);
    }

    @Test
    void hammingAndJaccardMatchPgvector() {
        PgBitString a = PgBitString.parse("110011001");
        PgBitString b = PgBitString.parse("101010101");
        assertThat(PgBitString.hammingDistance(a, b)).isEqualTo(4);
        assertThat(PgBitString.jaccardDistance(a, b)).isEqualTo(0.5714285714285714);
        assertThat(PgBitString.jaccardDistance(PgBitString.parse("0000"), PgBitString.parse("0000"))).isEqualTo(1);
        assertThat(error(() -> PgBitString.hammingDistance(PgBitString.parse("101"), PgBitString.parse("1010"))))
                .hasMessage("different bit lengths 3 and 4");
    }

    @Test
    void binaryQuantizeSetsPositiveElements() {
        assertThat(PgBitString.binaryQuantize(new float[] {1, -2, 0, 3}).toString()).isEqualTo("1001");
    }

    @Test
    void comparesAsBitcmp() {
        assertThat(PgBitString.parse("1010").compareTo(PgBitString.parse("1011"))).isNegative();
        assertThat(PgBitString.parse("101").compareTo(PgBitString.parse("1010"))).isNegative();
        assertThat(PgBitString.parse("1").compareTo(PgBitString.parse("0111"))).isPositive();
    }

    private static QuiverException error(Runnable action) {
        return catchThrowableOfType(QuiverException.class, action::run);
    }
}

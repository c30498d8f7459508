package io.quiver.common.vector;

import static io.quiver.common.vector.PgErrors.assertPgError;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.common.error.SqlState;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** sparsevec text, binary and functions; expected values are the reference server's (pgvector 0.8.6). */
class SparseVectorTest {
    private static SparseVector sparse(String text) {
        return SparsevecText.parse(text, -1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{1:1.5,3:2}/5|{1:1.5,3:2}/5", "{3:2,1:1.5}/5|{1:1.5,3:2}/5", "{1:0,2:1}/3|{2:1}/3", "{}/3|{}/3",
        "' { 2 : 1 , 1:-2 } / 3 '|{1:-2,2:1}/3", "{1:1}/1000000000|{1:1}/1000000000"})
    void parsesAndFormatsLikeSparsevecInAndOut(String text, String expected) {
        assertThat(SparsevecText.format(sparse(text))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{1:1,1:2}/5|22000|sparsevec indices must not contain duplicates",
        "{0:1}/5|22000|sparsevec index out of bounds",
        "{-1:1}/3|22000|sparsevec index out of bounds",
        "{2147483648:1}/3|22000|sparsevec index out of bounds",
        "{1:1}/0|22000|sparsevec must have at least 1 dimension",
        "{1:1}/1000000001|54000|sparsevec cannot have more than 1000000000 dimensions",
        "{1:nan}/3|22000|NaN not allowed in sparsevec",
        "{1:inf}/3|22000|infinite value not allowed in sparsevec",
        "{1:1e39}/3|22003|\"1e39\" is out of range for type sparsevec",
        "{1:1,}/3|22P02|invalid input syntax for type sparsevec: \"{1:1,}/3\"",
        "{1:}/3|22P02|invalid input syntax for type sparsevec: \"{1:}/3\"",
        "{:1}/3|22P02|invalid input syntax for type sparsevec: \"{:1}/3\"",
        "{1:1}/|22P02|invalid input syntax for type sparsevec: \"{1:1}/\""})
    void rejectsAsSparsevecIn(String text, String sqlState, String message) {
        SqlState state = Arrays.stream(SqlState.values()).filter(s -> s.code().equals(sqlState))
                .findFirst().orElseThrow();
        assertPgError(() -> sparse(text), state, message);
    }

    @Test
    void explainsMalformedEnds() {
        assertPgError(() -> sparse("{1:1}"), SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type sparsevec: \"{1:1}\"", "Unexpected end of input.");
        assertPgError(() -> sparse("1:1/3"), SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type sparsevec: \"1:1/3\"", "Vector contents must start with \"{\".");
        assertPgError(() -> sparse("{1:1}/3x"), SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type sparsevec: \"{1:1}/3x\"", "Junk after closing.");
        assertPgError(() -> SparsevecText.parse("{1:1}/3", 4), SqlState.DATA_EXCEPTION,
                "expected 4 dimensions, not 3");
    }

    @Test
    void distancesMergeIndicesAndMatchPgvector() {
        SparseVector a = sparse("{1:0.1,3:0.7,7:1.25}/8");
        assertThat(SparseMath.l2Distance(a, sparse("{2:0.3,3:0.2,8:2}/8"))).isEqualTo(2.431563263547253);
        assertThat(SparseMath.l1Distance(a, sparse("{2:0.3,3:0.2,8:2}/8"))).isEqualTo(4.150000095367432);
        assertThat(SparseMath.negativeInnerProduct(a, sparse("{2:0.3,3:0.7,7:2}/8"))).isEqualTo(-2.990000009536743);
        assertThat(SparseMath.cosineDistance(a, sparse("{2:0.3,3:0.7,7:2}/8"))).isEqualTo(0.027159873103423826);
        assertThat(SparseMath.cosineDistance(sparse("{}/3"), sparse("{1:1}/3"))).isNaN();
        assertThat(SparseMath.norm(a)).isEqualTo(1.436140655927797);
        assertThat(SparsevecText.format(SparseMath.l2Normalize(a)))
                .isEqualTo("{1:0.06963106,3:0.48741743,7:0.87038827}/8");
        assertThat(SparsevecText.format(SparseMath.l2Normalize(sparse("{1:1e-30,2:1e30}/2")))).isEqualTo("{2:1}/2");
        assertPgError(() -> SparseMath.l2Distance(sparse("{1:1}/3"), sparse("{1:1}/4")), SqlState.DATA_EXCEPTION,
                "different sparsevec dimensions 3 and 4");
    }

    @Test
    void convertsToAndFromDense() {
        SparseVector v = SparseVector.fromDense(new float[] {1, 0, 2});
        assertThat(SparsevecText.format(v)).isEqualTo("{1:1,3:2}/3");
        assertThat(v.toDense()).containsExactly(1, 0, 2);
    }

    @Test
    void binaryFormIsSparsevecSend() {
        SparseVector v = sparse("{2:1.5,5:-1}/6");
        byte[] bytes = SparsevecBinary.encode(v);
        ByteBuffer expected = ByteBuffer.allocate(28).putInt(6).putInt(2).putInt(0).putInt(1).putInt(4)
                .putFloat(1.5f).putFloat(-1);
        assertThat(bytes).containsExactly(expected.array());
        assertThat(SparsevecBinary.decode(ByteBuffer.wrap(bytes), 6)).isEqualTo(v);
        ByteBuffer zero = ByteBuffer.allocate(20).putInt(6).putInt(1).putInt(0).putInt(1).putFloat(0);
        assertPgError(() -> SparsevecBinary.decode(ByteBuffer.wrap(zero.array()), -1), SqlState.DATA_EXCEPTION,
                "binary representation of sparsevec cannot contain zero values");
        ByteBuffer unsorted = ByteBuffer.allocate(28).putInt(6).putInt(2).putInt(0).putInt(4).putInt(1)
                .putFloat(1).putFloat(1);
        assertPgError(() -> SparsevecBinary.decode(ByteBuffer.wrap(unsorted.array()), -1), SqlState.DATA_EXCEPTION,
                "sparsevec indices must be in ascending order");
    }
}

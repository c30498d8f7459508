package io.quiver.common.vector;

import static io.quiver.common.vector.PgErrors.assertPgError;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Expected values come from the reference server: a = sin(i) * (i + 0.5) / 3 and b = cos(1.7 i) * 1.1 for
 * i = 1..27, as real[]::vector. 27 dimensions take every path of pgvector's vectorized sums: a block of 16,
 * a block of 8 and a scalar tail of 3.
 */
class VectorMathTest {
    private static final float[] A = VectorText.parse("[0.42073548,0.7577478,0.16464001,-1.1352037,-1.7580278,"
            + "-0.60540026,1.6424665,2.8031816,1.3050419,-1.9040738,-3.8332958,-2.2357204,1.8907517,4.7879357,"
            + "3.3598206,-1.5834682,-5.608152,-4.6310883,0.97420186,6.238459,5.996032,-0.06638482,-6.6287265,"
            + "-7.3955564,-1.1249899,6.735933,8.766779]");
    private static final float[] B = VectorText.parse("[-0.14172894,-1.063478,0.4157755,0.9563372,-0.6622131,"
            + "-0.7856922,0.8646773,0.5628744,-1.0097239,-0.30267966,1.0877211,0.022385927,-1.0934896,0.25939432,"
            + "1.0266466,-0.52394986,-0.89163053,0.7537132,0.69740695,-0.9334273,-0.45687297,1.0511584,0.18600103,"
            + "-1.0990889,0.09722207,1.0740358,-0.37398925]");

    @Test
    void distancesMatchPgvectorBitForBit() {
        assertThat(VectorMath.l2Distance(A, B)).isEqualTo(20.90405444375564);
        assertThat(VectorMath.l2SquaredDistance(A, B)).isEqualTo(436.9794921875);
        assertThat(VectorMath.innerProduct(A, B)).isEqualTo(5.54661750793457);
        assertThat(VectorMath.negativeInnerProduct(A, B)).isEqualTo(-5.54661750793457);
        assertThat(VectorMath.cosineDistance(A, B)).isEqualTo(0.9329360540813241);
        assertThat(VectorMath.l1Distance(A, B)).isEqualTo(85.2778549194336);
        assertThat(VectorMath.norm(A)).isEqualTo(20.790565964710016);
    }

    @Test
    void normalizesLikePgvector() {
        assertThat(VectorText.format(VectorMath.l2Normalize(A))).isEqualTo("[0.020236846,0.036446717,0.007918977,"
                + "-0.054601867,-0.08455892,-0.029118989,0.07900057,0.1348295,0.06277087,-0.09158355,-0.18437669,"
                + "-0.10753533,0.09094277,0.23029368,0.16160314,-0.07616282,-0.26974502,-0.2227495,0.046857882,"
                + "0.300062,0.28840157,-0.0031930262,-0.31883338,-0.35571694,-0.054110594,0.32398987,0.421671]");
        assertThat(VectorMath.l2Normalize(new float[] {0, 0})).containsExactly(0f, 0f);
    }

    @Test
    void cosineEdgeCases() {
        assertThat(VectorMath.cosineDistance(new float[] {1, 0}, new float[] {0, 0})).isNaN();
        assertThat(VectorMath.cosineDistance(new float[] {1, 1}, new float[] {-1, -1})).isEqualTo(2.0);
        assertThat(VectorMath.l2Distance(new float[] {3, 4}, new float[] {0, 0})).isEqualTo(5.0);
    }

    @Test
    void elementWiseArithmetic() {
        float[] x = {1, 2.5f, -3};
        float[] y = {0.5f, 2, 4};
        assertThat(VectorMath.add(x, y)).containsExactly(1.5f, 4.5f, 1f);
        assertThat(VectorMath.subtract(x, y)).containsExactly(0.5f, 0.5f, -7f);
        assertThat(VectorMath.multiply(x, y)).containsExactly(0.5f, 5f, -12f);
        assertThat(VectorMath.concat(x, y)).containsExactly(1, 2.5f, -3, 0.5f, 2, 4);
        assertThat(VectorMath.dims(x)).isEqualTo(3);
    }

    @Test
    void arithmeticErrors() {
        assertPgError(() -> VectorMath.add(new float[] {1, 2}, new float[] {1}), SqlState.DATA_EXCEPTION,
                "different vector dimensions 2 and 1");
        assertPgError(() -> VectorMath.l2Distance(new float[] {1}, new float[] {1, 2}), SqlState.DATA_EXCEPTION,
                "different vector dimensions 1 and 2");
        assertPgError(() -> VectorMath.add(new float[] {3e38f}, new float[] {3e38f}),
                SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        assertPgError(() -> VectorMath.multiply(new float[] {1e30f}, new float[] {1e30f}),
                SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        assertPgError(() -> VectorMath.multiply(new float[] {1e-30f}, new float[] {1e-30f}),
                SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
        assertPgError(() -> VectorMath.concat(new float[16000], new float[1]), SqlState.PROGRAM_LIMIT_EXCEEDED,
                "vector cannot have more than 16000 dimensions");
    }

    @Test
    void subvectorFollowsSubstringRules() {
        float[] v = {1, 2, 3};
        assertThat(VectorMath.subvector(v, 2, 2)).containsExactly(2, 3);
        assertThat(VectorMath.subvector(v, -1, 3)).containsExactly(1);
        assertThat(VectorMath.subvector(v, 2, Integer.MAX_VALUE)).containsExactly(2, 3);
        for (int[] startCount : new int[][] {{4, 1}, {0, 0}, {-5, 2}}) {
            assertPgError(() -> VectorMath.subvector(v, startCount[0], startCount[1]), SqlState.DATA_EXCEPTION,
                    "vector must have at least 1 dimension");
        }
    }

    @Test
    void castsFromArrays() {
        assertThat(VectorMath.fromArray(new Object[] {1, 2}, PgType.INT4)).containsExactly(1, 2);
        assertThat(VectorMath.fromArray(new Object[] {0.1, 2.0}, PgType.FLOAT8, 2)).containsExactly(0.1f, 2f);
        assertThat(VectorMath.fromArray(new Object[] {1.5f}, PgType.FLOAT4)).containsExactly(1.5f);
        assertThat(VectorMath.fromArray(new Object[] {new BigDecimal("0.1")}, PgType.NUMERIC)).containsExactly(0.1f);
        assertThat(VectorMath.toFloatArray(new float[] {1, 2.5f})).containsExactly(1f, 2.5f);
    }

    @Test
    void arrayCastErrors() {
        assertPgError(() -> VectorMath.fromArray(new Object[] {1, null}, PgType.INT4), SqlState.NULL_VALUE_NOT_ALLOWED,
                "array must not contain nulls");
        assertPgError(() -> VectorMath.fromArray(new Object[] {new Object[] {1, 2}}, PgType.INT4),
                SqlState.DATA_EXCEPTION, "array must be 1-D");
        assertPgError(() -> VectorMath.fromArray(new Object[0], PgType.INT4), SqlState.DATA_EXCEPTION,
                "vector must have at least 1 dimension");
        assertPgError(() -> VectorMath.fromArray(new Object[] {1, 2}, PgType.INT4, 3), SqlState.DATA_EXCEPTION,
                "expected 3 dimensions, not 2");
        assertPgError(() -> VectorMath.fromArray(new Object[] {1e39}, PgType.FLOAT8), SqlState.DATA_EXCEPTION,
                "infinite value not allowed in vector");
        assertPgError(() -> VectorMath.fromArray(new Object[] {new BigDecimal("1e39")}, PgType.NUMERIC),
                SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                "\"1000000000000000000000000000000000000000\" is out of range for type real");
        assertPgError(() -> VectorMath.fromArray(new Object[] {new BigDecimal("1e-50")}, PgType.NUMERIC),
                SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                "\"0.00000000000000000000000000000000000000000000000001\" is out of range for type real");
        assertPgError(() -> VectorMath.fromArray(new Object[] {"1"}, PgType.TEXT), SqlState.DATA_EXCEPTION,
                "unsupported array type");
    }

    @Test
    void sumAndAverageAccumulateAsPgvector() {
        VectorSum sum = new VectorSum();
        VectorAverage avg = new VectorAverage();
        assertThat(sum.result()).isNull();
        assertThat(avg.result()).isNull();
        for (String row : new String[] {"[0.1,1e20,3]", "[0.2,1,-3]", "[0.3,-1e20,1e-7]"}) {
            sum.add(VectorText.parse(row));
            avg.add(VectorText.parse(row));
        }
        assertThat(VectorText.format(sum.result())).isEqualTo("[0.6,0,1e-07]");
        assertThat(VectorText.format(avg.result())).isEqualTo("[0.2,0,3.3333333e-08]");
        assertPgError(() -> avg.add(new float[] {1}), SqlState.DATA_EXCEPTION, "expected 3 dimensions, not 1");
        assertPgError(() -> sum.add(new float[] {1}), SqlState.DATA_EXCEPTION, "different vector dimensions 3 and 1");
    }

    @Test
    void partialAggregatesCombine() {
        VectorAverage left = new VectorAverage();
        VectorAverage right = new VectorAverage();
        left.add(new float[] {1, 2});
        right.add(new float[] {3, 4});
        right.add(new float[] {5, 6});
        left.combine(right);
        left.combine(new VectorAverage());
        assertThat(left.result()).containsExactly(3f, 4f);
        VectorSum sum = new VectorSum();
        VectorSum other = new VectorSum();
        other.add(new float[] {1, 2});
        sum.combine(other);
        sum.combine(new VectorSum());
        assertThat(sum.result()).containsExactly(1f, 2f);
    }
}

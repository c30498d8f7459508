package io.quiver.common.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DistancesTest {
    private static final DistanceKernels SCALAR = new ScalarDistanceKernels();
    private static final DistanceKernels SIMD = new SimdDistanceKernels();

    @Test
    void picksSimdWhenTheIncubatorModuleIsPresent() {
        assertThat(Distances.simd()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7, 8, 16, 17, 31, 128, 1000, 1536})
    void simdAgreesWithScalarAndVectorMath(int dims) {
        Random random = new Random(dims);
        // Vectors sit at an offset inside larger arrays, as rows of a flat page would.
        float[] a = randomArray(random, dims + 5);
        float[] b = randomArray(random, dims + 3);
        float[] va = java.util.Arrays.copyOfRange(a, 5, 5 + dims);
        float[] vb = java.util.Arrays.copyOfRange(b, 3, 3 + dims);
        double tolerance = 1e-5;

        assertClose(SIMD.squaredL2(a, 5, b, 3, dims), SCALAR.squaredL2(a, 5, b, 3, dims), tolerance);
        assertClose(SIMD.squaredL2(a, 5, b, 3, dims), VectorMath.l2SquaredDistance(va, vb), tolerance);
        assertClose(SIMD.dot(a, 5, b, 3, dims), SCALAR.dot(a, 5, b, 3, dims), tolerance);
        assertClose(Distances.dot(a, 5, b, 3, dims), VectorMath.innerProduct(va, vb), tolerance);
        assertClose(SIMD.l1(a, 5, b, 3, dims), SCALAR.l1(a, 5, b, 3, dims), tolerance);
        assertClose(Distances.l1(a, 5, b, 3, dims), VectorMath.l1Distance(va, vb), tolerance);
        assertThat(Distances.cosineDistance(a, 5, b, 3, dims))
                .isCloseTo(VectorMath.cosineDistance(va, vb), within(1e-5));

        float[] simdTerms = new float[3];
        float[] scalarTerms = new float[3];
        SIMD.cosineTerms(a, 5, b, 3, dims, simdTerms);
        SCALAR.cosineTerms(a, 5, b, 3, dims, scalarTerms);
        for (int i = 0; i < 3; i++) {
            assertClose(simdTerms[i], scalarTerms[i], tolerance);
        }
    }

    @Test
    void exactOnSmallIntegers() {
        float[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17};
        float[] b = new float[17];
        assertThat(Distances.squaredL2(a, 0, b, 0, 17)).isEqualTo(1785f);
        assertThat(Distances.dot(a, 0, a, 0, 17)).isEqualTo(1785f);
        assertThat(Distances.l1(a, 0, b, 0, 17)).isEqualTo(153f);
        assertThat(Distances.cosineDistance(a, 0, a, 0, 17)).isCloseTo(0.0, within(1e-7));
        assertThat(Distances.cosineDistance(a, 0, b, 0, 17)).isNaN();
    }

    private static void assertClose(double actual, double expected, double relative) {
        assertThat(actual).isCloseTo(expected, within(relative * Math.max(1.0, Math.abs(expected))));
    }

    private static float[] randomArray(Random random, int length) {
        float[] v = new float[length];
        for (int i = 0; i < length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}

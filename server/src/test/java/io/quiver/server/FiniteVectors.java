package io.quiver.server;

import io.quiver.common.vector.VectorText;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Random vectors that pgvector accepts: finite floats from every part of the float range, subnormals too. */
final class FiniteVectors {
    private static final int EXPONENT_OF_INFINITY = 255;

    private FiniteVectors() {
    }

    /** Vectors of 1 to {@code maxDimensions} elements. */
    static Gen<float[]> upTo(int maxDimensions) {
        Gen<Float> anyFinite = in -> Float.intBitsToFloat(Generate.range(0, 1).generate(in) << 31
                | Generate.range(0, EXPONENT_OF_INFINITY - 1).generate(in) << 23
                | Generate.range(0, (1 << 23) - 1).generate(in));
        Gen<Float> hundredths = Generate.range(-100_000, 100_000).map(i -> i / 100f);
        Gen<Float> element = Generate.frequency(Pair.of(1, hundredths), Pair.of(1, anyFinite));
        Gen<float[]> vectors = in -> {
            float[] v = new float[Generate.range(1, maxDimensions).generate(in)];
            for (int i = 0; i < v.length; i++) {
                v[i] = element.generate(in);
            }
            return v;
        };
        return vectors.describedAs(VectorText::format);
    }
}

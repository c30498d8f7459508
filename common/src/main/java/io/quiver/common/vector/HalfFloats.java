package io.quiver.common.vector;

import io.quiver.common.type.PgFloatFormat;

/**
 * IEEE half precision as pgvector's halfvec stores it. A halfvec travels through Quiver as a {@code float[]}
 * whose elements are all exactly representable as halves, so every vector kernel and function applies to it
 * unchanged; only producing a halfvec rounds.
 */
public final class HalfFloats {
    private HalfFloats() {
    }

    /** The float nearest to {@code value} that a half holds (round to nearest even); infinite when it overflows. */
    public static float round(float value) {
        return Float.float16ToFloat(Float.floatToFloat16(value));
    }

    /**
     * pgvector's Float4ToHalf over a vector: each element rounded, 22003 {@code "70000" is out of range for type
     * halfvec} when one is too large for a half.
     */
    public static float[] fromFloats(float[] v) {
        float[] result = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            result[i] = round(v[i]);
            if (Float.isInfinite(result[i]) && Float.isFinite(v[i])) {
                throw VectorText.outOfRange(PgFloatFormat.format(v[i]), HalfvecText.TYPE_NAME);
            }
        }
        return result;
    }

    /** The result of halfvec arithmetic computed in float: rounded, 22003 overflow as pgvector reports it. */
    static float[] roundResult(float[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = round(v[i]);
            if (Float.isInfinite(v[i])) {
                throw VectorErrors.overflow();
            }
        }
        return v;
    }
}

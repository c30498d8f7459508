package io.quiver.common.vector;

/** pgvector's text form of {@code halfvec}: vector's, each element rounded to half precision on input. */
public final class HalfvecText {
    public static final String TYPE_NAME = "halfvec";
    /** pgvector's HALFVEC_MAX_DIM. */
    public static final int MAX_DIMENSIONS = 16000;

    private HalfvecText() {
    }

    /** halfvec_in; typmod is the declared dimension of {@code halfvec(n)}, or -1. */
    public static float[] parse(String text, int typmod) {
        return VectorText.parse(text, typmod, true);
    }

    /** halfvec_out: as vector_out prints the float each half converts to. */
    public static String format(float[] v) {
        return VectorText.format(v);
    }

    /** halfvec_typmod_in. */
    public static void checkTypmod(int dims) {
        VectorText.checkTypmod(dims, TYPE_NAME, MAX_DIMENSIONS);
    }
}

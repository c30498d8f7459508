package io.quiver.common.vector;

/**
 * The sums inside pgvector's distance and norm functions, reproducing the reference build's rounding bit for
 * bit. pgvector is compiled with -march=native -ftree-vectorize -fassociative-math, so gcc turns its simple
 * loops into SIMD reductions whose order is part of the result. On the reference (AVX-512) build each float
 * sum runs as 16 lanes with fused multiply-add over blocks of 16, folds to 8 lanes (lane j + lane j+8),
 * takes at most one more block of 8 into those lanes, reduces them pairwise, and adds the last (n mod 8)
 * terms one by one. The float8 norm runs 8 lanes over blocks of 16 (elements j and j+8 meet in lane j)
 * and folds to 4 lanes the same way.
 */
final class PgvectorReductions {
    private static final int WIDE = 16;
    private static final int NARROW = 8;

    /** What one element contributes, and whether gcc fused the multiply-add of the scalar tail. */
    private enum Term {
        PRODUCT, PRODUCT_FUSED_TAIL, SQUARED_DIFFERENCE, ABSOLUTE_DIFFERENCE;

        /** The vectorized step, where gcc always fuses a multiply-add. */
        float accumulate(float sum, float x, float y) {
            return switch (this) {
                case PRODUCT, PRODUCT_FUSED_TAIL -> Math.fma(x, y, sum);
                case SQUARED_DIFFERENCE -> {
                    float diff = x - y;
                    yield Math.fma(diff, diff, sum);
                }
                case ABSOLUTE_DIFFERENCE -> sum + Math.abs(x - y);
            };
        }

        /** The scalar tail step. */
        float accumulateTail(float sum, float x, float y) {
            return switch (this) {
                case PRODUCT -> sum + x * y;
                case PRODUCT_FUSED_TAIL -> Math.fma(x, y, sum);
                case SQUARED_DIFFERENCE -> {
                    float diff = x - y;
                    yield sum + diff * diff;
                }
                case ABSOLUTE_DIFFERENCE -> sum + Math.abs(x - y);
            };
        }
    }

    private PgvectorReductions() {
    }

    /** VectorL2SquaredDistance. */
    static float l2Squared(float[] a, float[] b) {
        return sum(a, b, Term.SQUARED_DIFFERENCE);
    }

    /** VectorInnerProduct. */
    static float dot(float[] a, float[] b) {
        return sum(a, b, Term.PRODUCT);
    }

    /** VectorL1Distance. */
    static float l1(float[] a, float[] b) {
        return sum(a, b, Term.ABSOLUTE_DIFFERENCE);
    }

    /**
     * VectorCosineSimilarity. Its three sums share one loop in C but never mix, so each is computed on its
     * own here; only its scalar tail is fused, unlike the other functions'.
     */
    static double cosineSimilarity(float[] a, float[] b) {
        float similarity = sum(a, b, Term.PRODUCT_FUSED_TAIL);
        float normA = sum(a, a, Term.PRODUCT_FUSED_TAIL);
        float normB = sum(b, b, Term.PRODUCT_FUSED_TAIL);
        return similarity / Math.sqrt((double) normA * (double) normB);
    }

    private static float sum(float[] a, float[] b, Term term) {
        int n = a.length;
        float[] lanes = new float[NARROW];
        float sum = 0;
        int i = 0;
        if (n >= WIDE) {
            float[] wide = new float[WIDE];
            for (; i + WIDE <= n; i += WIDE) {
                for (int j = 0; j < WIDE; j++) {
                    wide[j] = term.accumulate(wide[j], a[i + j], b[i + j]);
                }
            }
            for (int j = 0; j < NARROW; j++) {
                lanes[j] = wide[j + NARROW] + wide[j];
            }
            sum = reduceEight(lanes);
        }
        if (n - i >= NARROW) {
            for (int j = 0; j < NARROW; j++) {
                lanes[j] = term.accumulate(lanes[j], a[i + j], b[i + j]);
            }
            i += NARROW;
            sum = reduceEight(lanes);
        }
        for (; i < n; i++) {
            sum = term.accumulateTail(sum, a[i], b[i]);
        }
        return sum;
    }

    /** The 256-bit horizontal add: halves, then quarters, then the last pair. */
    private static float reduceEight(float[] lanes) {
        float x0 = lanes[4] + lanes[0];
        float x1 = lanes[5] + lanes[1];
        float x2 = lanes[6] + lanes[2];
        float x3 = lanes[7] + lanes[3];
        return (x3 + x1) + (x2 + x0);
    }

    /** The float8 sum of squares in vector_norm and l2_normalize. A float's square is exact in a double. */
    static double squaredNorm(float[] v) {
        int n = v.length;
        double[] lanes = new double[4];
        double sum = 0;
        int i = 0;
        if (n >= WIDE) {
            double[] wide = new double[NARROW];
            for (; i + WIDE <= n; i += WIDE) {
                for (int j = 0; j < NARROW; j++) {
                    double low = v[i + j];
                    double high = v[i + NARROW + j];
                    wide[j] += low * low + high * high;
                }
            }
            for (int k = 0; k < 4; k++) {
                lanes[k] = wide[k + 4] + wide[k];
            }
            sum = reduceFour(lanes);
        }
        if (n - i >= NARROW) {
            for (int k = 0; k < 4; k++) {
                double low = v[i + k];
                double high = v[i + 4 + k];
                lanes[k] = (low * low + high * high) + lanes[k];
            }
            i += NARROW;
            sum = reduceFour(lanes);
        }
        for (; i < n; i++) {
            double x = v[i];
            sum += x * x;
        }
        return sum;
    }

    private static double reduceFour(double[] lanes) {
        return (lanes[3] + lanes[1]) + (lanes[2] + lanes[0]);
    }
}

package io.quiver.common.vector;

/**
 * pgvector's functions on {@code sparsevec}, computed as sparsevec.c computes them: the distances walk the two
 * sorted index arrays together and accumulate in float, as pgvector does, so results match it bit for bit.
 */
public final class SparseMath {
    private SparseMath() {
    }

    private static void checkSameDimensions(SparseVector a, SparseVector b) {
        VectorErrors.checkSameDimensions(a.dimensions(), b.dimensions(), SparseVector.TYPE_NAME);
    }

    /** {@code <->}, l2_distance. */
    public static double l2Distance(SparseVector a, SparseVector b) {
        return Math.sqrt(l2SquaredDistance(a, b));
    }

    public static double l2SquaredDistance(SparseVector a, SparseVector b) {
        checkSameDimensions(a, b);
        return mergedSum(a, b, false);
    }

    /** {@code <+>}, l1_distance. */
    public static double l1Distance(SparseVector a, SparseVector b) {
        checkSameDimensions(a, b);
        return mergedSum(a, b, true);
    }

    /**
     * The sum over all indices of |a - b| ({@code absolute}) or (a - b)^2, elements missing on one side being
     * zero: pgvector's SparsevecL2SquaredDistance and SparsevecL1Distance, in their order of accumulation.
     */
    private static float mergedSum(SparseVector a, SparseVector b, boolean absolute) {
        int[] ai = a.indices();
        int[] bi = b.indices();
        float[] ax = a.values();
        float[] bx = b.values();
        float distance = 0;
        int bpos = 0;
        for (int i = 0; i < ai.length; i++) {
            int bIndex = -1;
            for (int j = bpos; j < bi.length; j++) {
                bIndex = bi[j];
                if (ai[i] == bIndex) {
                    distance += term(ax[i] - bx[j], absolute);
                } else if (ai[i] > bIndex) {
                    distance += term(bx[j], absolute);
                }
                if (ai[i] >= bIndex) {
                    bpos = j + 1;
                }
                if (bIndex >= ai[i]) {
                    break;
                }
            }
            if (ai[i] != bIndex) {
                distance += term(ax[i], absolute);
            }
        }
        for (int j = bpos; j < bi.length; j++) {
            distance += term(bx[j], absolute);
        }
        return distance;
    }

    private static float term(float difference, boolean absolute) {
        return absolute ? Math.abs(difference) : difference * difference;
    }

    /** inner_product. */
    public static double innerProduct(SparseVector a, SparseVector b) {
        checkSameDimensions(a, b);
        return dot(a, b);
    }

    /** {@code <#>}. */
    public static double negativeInnerProduct(SparseVector a, SparseVector b) {
        return -innerProduct(a, b);
    }

    private static float dot(SparseVector a, SparseVector b) {
        int[] ai = a.indices();
        int[] bi = b.indices();
        float[] ax = a.values();
        float[] bx = b.values();
        float distance = 0;
        int bpos = 0;
        for (int i = 0; i < ai.length; i++) {
            for (int j = bpos; j < bi.length; j++) {
                if (ai[i] == bi[j]) {
                    distance += ax[i] * bx[j];
                }
                if (ai[i] >= bi[j]) {
                    bpos = j + 1;
                }
                if (bi[j] >= ai[i]) {
                    break;
                }
            }
        }
        return distance;
    }

    /** {@code <=>}, cosine_distance: NaN when either vector is all zeros. */
    public static double cosineDistance(SparseVector a, SparseVector b) {
        checkSameDimensions(a, b);
        float dot = dot(a, b);
        float normA = squaredNormFloat(a);
        float normB = squaredNormFloat(b);
        double similarity = dot / Math.sqrt((double) normA * (double) normB);
        if (similarity > 1) {
            similarity = 1.0;
        } else if (similarity < -1) {
            similarity = -1.0;
        }
        return 1.0 - similarity;
    }

    private static float squaredNormFloat(SparseVector v) {
        float norm = 0;
        for (float x : v.values()) {
            norm += x * x;
        }
        return norm;
    }

    /** l2_norm. */
    public static double norm(SparseVector v) {
        double norm = 0;
        for (float x : v.values()) {
            norm += (double) x * (double) x;
        }
        return Math.sqrt(norm);
    }

    /** l2_normalize: the zero vector stays zero; elements that underflow to zero are left out. */
    public static SparseVector l2Normalize(SparseVector v) {
        double norm = norm(v);
        if (norm <= 0) {
            return v;
        }
        float[] normalized = new float[v.nonZeros()];
        int nonZeros = 0;
        for (int i = 0; i < normalized.length; i++) {
            normalized[i] = (float) (v.values()[i] / norm);
            if (Float.isInfinite(normalized[i])) {
                throw VectorErrors.overflow();
            }
            if (normalized[i] != 0) {
                nonZeros++;
            }
        }
        int[] indices = new int[nonZeros];
        float[] values = new float[nonZeros];
        int n = 0;
        for (int i = 0; i < normalized.length; i++) {
            if (normalized[i] != 0) {
                indices[n] = v.indices()[i];
                values[n++] = normalized[i];
            }
        }
        return new SparseVector(v.dimensions(), indices, values);
    }
}

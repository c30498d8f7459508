package io.quiver.common.vector;

/**
 * pgvector's btree order of its types (vector_cmp, halfvec_cmp, sparsevec_cmp): element by element, then the
 * shorter first. A sparsevec compares as its dense form, without building it.
 */
public final class VectorOrder {
    private VectorOrder() {
    }

    /** vector_cmp and halfvec_cmp. */
    public static int compare(float[] a, float[] b) {
        int common = Math.min(a.length, b.length);
        for (int i = 0; i < common; i++) {
            if (a[i] < b[i]) {
                return -1;
            }
            if (a[i] > b[i]) {
                return 1;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    /**
     * sparsevec_cmp: at the first index where the dense forms differ, the one with the larger value there is
     * larger; then the smaller dimension first.
     */
    public static int compare(SparseVector a, SparseVector b) {
        int[] ai = a.indices();
        int[] bi = b.indices();
        float[] ax = a.values();
        float[] bx = b.values();
        int common = Math.min(ai.length, bi.length);
        for (int i = 0; i < common; i++) {
            if (ai[i] < bi[i]) {
                return ax[i] < 0 ? -1 : 1;
            }
            if (ai[i] > bi[i]) {
                return bx[i] < 0 ? 1 : -1;
            }
            if (ax[i] < bx[i]) {
                return -1;
            }
            if (ax[i] > bx[i]) {
                return 1;
            }
        }
        if (ai.length > common && ai[common] < b.dimensions()) {
            return ax[common] < 0 ? -1 : 1;
        }
        if (bi.length > common && bi[common] < a.dimensions()) {
            return bx[common] < 0 ? 1 : -1;
        }
        return Integer.compare(a.dimensions(), b.dimensions());
    }
}

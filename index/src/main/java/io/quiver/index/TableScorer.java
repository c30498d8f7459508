package io.quiver.index;

/**
 * Scores codes of one byte per group with a table of 256 partial keys per group, built once per query:
 * a code's key is {@code base} plus one lookup per byte. Product and binary quantization both score this way.
 * For cosine, {@code norms} (the squared norm each byte contributes, query-independent) divides the dot
 * products the table sums.
 */
final class TableScorer implements Quantizer.Scorer {
    static final int ENTRIES = 256;

    private final float base;
    private final float[] table;
    private final int groups;
    private final float[] norms;
    private final float queryNorm;

    private TableScorer(float base, float[] table, int groups, float[] norms, float queryNorm) {
        this.base = base;
        this.table = table;
        this.groups = groups;
        this.norms = norms;
        this.queryNorm = queryNorm;
    }

    /** Keys that are {@code base} plus the table's entries for the code's bytes. */
    static TableScorer sum(float base, float[] table, int groups) {
        return new TableScorer(base, table, groups, null, 0);
    }

    /** Cosine distances {@code 1 - dot / (|q| |x|)}, the table holding partial dots and {@code norms} partial |x|². */
    static TableScorer cosine(float[] dots, float[] norms, int groups, float queryNorm) {
        return new TableScorer(0, dots, groups, norms, queryNorm);
    }

    @Override
    public float key(byte[] codes, int offset) {
        float sum = base;
        if (norms == null) {
            for (int g = 0; g < groups; g++) {
                sum += table[g * ENTRIES + (codes[offset + g] & 0xFF)];
            }
            return sum;
        }
        float squaredNorm = 0;
        for (int g = 0; g < groups; g++) {
            int entry = g * ENTRIES + (codes[offset + g] & 0xFF);
            sum += table[entry];
            squaredNorm += norms[entry];
        }
        return 1f - sum / (queryNorm * (float) Math.sqrt(Math.max(squaredNorm, Float.MIN_NORMAL)));
    }
}

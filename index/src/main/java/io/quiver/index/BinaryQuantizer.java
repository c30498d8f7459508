package io.quiver.index;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * bq: one bit per dimension, set when the coordinate is above the training sample's mean (centring first
 * makes the bits informative for data that is not centred on the origin, as pgvector's binary_quantize
 * assumes). A code stands for the sign vector s (±1) around the mean; a query q is scored asymmetrically,
 * by -(q - mean)·s (the raw q·s for inner product), with a table of 256 partial sums per byte: far more
 * precise than the Hamming distance between bits, which is what two codes score (for the build).
 */
final class BinaryQuantizer extends Quantizer {
    private final float[] mean;

    private BinaryQuantizer(DistanceKind kind, int dimensions, float[] mean) {
        super(kind, dimensions);
        this.mean = mean;
    }

    static BinaryQuantizer train(DistanceKind kind, int dims, float[] points, int n) {
        float[] mean = new float[dims];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dims; d++) {
                mean[d] += points[i * dims + d];
            }
        }
        for (int d = 0; d < dims; d++) {
            mean[d] /= Math.max(1, n);
        }
        return new BinaryQuantizer(kind, dims, mean);
    }

    static BinaryQuantizer read(DataInputStream in, DistanceKind kind, int dims) throws IOException {
        return new BinaryQuantizer(kind, dims, readFloats(in, dims));
    }

    @Override
    int codeBytes() {
        return (dimensions + 7) / 8;
    }

    @Override
    void encode(float[] data, int offset, byte[] codes, int codeOffset) {
        for (int group = 0; group < codeBytes(); group++) {
            int bits = 0;
            for (int bit = 0; bit < 8 && group * 8 + bit < dimensions; bit++) {
                int d = group * 8 + bit;
                if (data[offset + d] > mean[d]) {
                    bits |= 1 << bit;
                }
            }
            codes[codeOffset + group] = (byte) bits;
        }
    }

    /** The sign vector (±1) of a code, around the mean. */
    @Override
    float[] decode(byte[] codes, int offset) {
        float[] signs = new float[dimensions];
        for (int d = 0; d < dimensions; d++) {
            signs[d] = (codes[offset + d / 8] >> (d % 8) & 1) == 1 ? 1f : -1f;
        }
        return signs;
    }

    @Override
    Scorer scorer(float[] query) {
        float[] centred = new float[dimensions];
        for (int d = 0; d < dimensions; d++) {
            centred[d] = kind == DistanceKind.INNER_PRODUCT ? query[d] : query[d] - mean[d];
        }
        return signScorer(centred);
    }

    /** Two codes: -(s_a·s_b), which is 2 x Hamming - dimensions. */
    @Override
    Scorer scorer(byte[] codes, int offset) {
        return signScorer(decode(codes, offset));
    }

    /** Keys -(v·s) = sum(v) - 2 x (sum of v over the set bits), a table of the second term per byte. */
    private Scorer signScorer(float[] v) {
        int groups = codeBytes();
        float[] table = new float[groups * TableScorer.ENTRIES];
        float total = 0;
        for (int group = 0; group < groups; group++) {
            int base = group * TableScorer.ENTRIES;
            for (int bits = 1; bits < TableScorer.ENTRIES; bits++) {
                int low = Integer.numberOfTrailingZeros(bits);
                int d = group * 8 + low;
                table[base + bits] = table[base + (bits & (bits - 1))] - (d < dimensions ? 2 * v[d] : 0);
            }
        }
        for (float value : v) {
            total += value;
        }
        return TableScorer.sum(total, table, groups);
    }

    @Override
    long memoryBytes() {
        return (long) dimensions * Float.BYTES;
    }

    @Override
    void write(DataOutputStream out) throws IOException {
        writeFloats(out, mean);
    }
}

package io.quiver.index;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * sq8: each coordinate as one unsigned byte on its dimension's [min, max] range in the training sample
 * (values beyond it are clamped), a quarter of float32. A code is scored by decoding it and running the
 * distance's own kernel, so every distance kind keeps its exact semantics up to the rounding.
 */
final class ScalarQuantizer extends Quantizer {
    private final float[] min;
    private final float[] step;

    private ScalarQuantizer(DistanceKind kind, int dimensions, float[] min, float[] step) {
        super(kind, dimensions);
        this.min = min;
        this.step = step;
    }

    static ScalarQuantizer train(DistanceKind kind, int dims, float[] points, int n) {
        float[] min = new float[dims];
        float[] max = new float[dims];
        java.util.Arrays.fill(min, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dims; d++) {
                float value = points[i * dims + d];
                min[d] = Math.min(min[d], value);
                max[d] = Math.max(max[d], value);
            }
        }
        float[] step = new float[dims];
        for (int d = 0; d < dims; d++) {
            if (n == 0) {
                min[d] = 0;
                max[d] = 0;
            }
            step[d] = (max[d] - min[d]) / 255f;
        }
        return new ScalarQuantizer(kind, dims, min, step);
    }

    static ScalarQuantizer read(DataInputStream in, DistanceKind kind, int dims) throws IOException {
        return new ScalarQuantizer(kind, dims, readFloats(in, dims), readFloats(in, dims));
    }

    @Override
    int codeBytes() {
        return dimensions;
    }

    @Override
    void encode(float[] data, int offset, byte[] codes, int codeOffset) {
        for (int d = 0; d < dimensions; d++) {
            float level = step[d] == 0 ? 0 : (data[offset + d] - min[d]) / step[d];
            codes[codeOffset + d] = (byte) Math.round(Math.clamp(level, 0f, 255f));
        }
    }

    @Override
    float[] decode(byte[] codes, int offset) {
        float[] vector = new float[dimensions];
        decodeInto(codes, offset, vector);
        return vector;
    }

    private void decodeInto(byte[] codes, int offset, float[] vector) {
        for (int d = 0; d < dimensions; d++) {
            vector[d] = min[d] + step[d] * (codes[offset + d] & 0xFF);
        }
    }

    @Override
    Scorer scorer(float[] query) {
        float[] decoded = new float[dimensions];
        return (codes, offset) -> {
            decodeInto(codes, offset, decoded);
            return kind.key(query, 0, decoded, 0, dimensions);
        };
    }

    @Override
    long memoryBytes() {
        return 2L * dimensions * Float.BYTES;
    }

    @Override
    void write(DataOutputStream out) throws IOException {
        writeFloats(out, min);
        writeFloats(out, step);
    }
}

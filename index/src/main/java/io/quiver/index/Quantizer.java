package io.quiver.index;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A compressed code of fixed size for each vector of an index ({@code WITH (quantization = ...)}), scored
 * approximately against a query so that a search can rank many candidates cheaply and re-rank only the best
 * with the column's full-precision vectors. Trained once on a sample of the column; codes of rows added later
 * use the same codebook.
 */
abstract sealed class Quantizer permits ScalarQuantizer, ProductQuantizer, BinaryQuantizer {
    /** Rows a codebook is trained on at most: beyond this, training time grows and the codebook hardly improves. */
    static final int SAMPLE_ROWS = 8_192;

    /** Approximate keys of one vector against codes: smaller is nearer, comparable only with each other. */
    interface Scorer {
        float key(byte[] codes, int offset);
    }

    final DistanceKind kind;
    final int dimensions;

    Quantizer(DistanceKind kind, int dimensions) {
        this.kind = kind;
        this.dimensions = dimensions;
    }

    /** Trains the quantizer the options name on the live rows {@code sample} of {@code column}. */
    static Quantizer train(IndexOptions.Quantization options, DistanceKind kind, VectorColumn column, int[] sample) {
        int dims = column.dimensions();
        IndexOptions.checkQuantization(options, dims);
        float[] points = new float[sample.length * dims];
        for (int i = 0; i < sample.length; i++) {
            System.arraycopy(column.data(sample[i]), column.offset(sample[i]), points, i * dims, dims);
        }
        return switch (options.method()) {
            case "sq8" -> ScalarQuantizer.train(kind, dims, points, sample.length);
            case "pq" -> ProductQuantizer.train(kind, dims, options.subspaces(dims), points, sample.length);
            case "bq" -> BinaryQuantizer.train(kind, dims, points, sample.length);
            default -> throw new IllegalArgumentException("not a quantization: " + options.method());
        };
    }

    /** Reads a quantizer written by {@link #write}. */
    static Quantizer read(DataInputStream in, IndexOptions.Quantization options, DistanceKind kind, int dims)
            throws IOException {
        return switch (options.method()) {
            case "sq8" -> ScalarQuantizer.read(in, kind, dims);
            case "pq" -> ProductQuantizer.read(in, kind, dims, options.subspaces(dims));
            case "bq" -> BinaryQuantizer.read(in, kind, dims);
            default -> throw new QuiverException(SqlState.DATA_CORRUPTED, "unknown quantization " + options.method());
        };
    }

    /** Bytes of one vector's code. */
    abstract int codeBytes();

    /** Encodes the vector at {@code offset} of {@code data} into {@code codes} at {@code codeOffset}. */
    abstract void encode(float[] data, int offset, byte[] codes, int codeOffset);

    /** The vector a code stands for (for BinaryQuantizer, its signs around the mean). */
    abstract float[] decode(byte[] codes, int offset);

    /** Scores codes against a full-precision query. */
    abstract Scorer scorer(float[] query);

    /** Scores codes against another code, for building the graph on codes alone. */
    Scorer scorer(byte[] codes, int offset) {
        return scorer(decode(codes, offset));
    }

    /** Memory of the codebook (the codes themselves are the index's). */
    abstract long memoryBytes();

    abstract void write(DataOutputStream out) throws IOException;

    static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        for (float value : values) {
            out.writeFloat(value);
        }
    }

    static float[] readFloats(DataInputStream in, int count) throws IOException {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }
}

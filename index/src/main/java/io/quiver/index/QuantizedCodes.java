package io.quiver.index;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * A graph's codes by node, back to back: the quantizer and the array it encoded into. Writers (encode) are
 * serialised by the index; readers may run beside them, since a node is encoded before it joins the graph and
 * a grown array is a copy published through a volatile field.
 */
final class QuantizedCodes {
    final Quantizer quantizer;
    private final int codeBytes;
    private volatile byte[] codes;

    QuantizedCodes(Quantizer quantizer, int capacity) {
        this.quantizer = quantizer;
        this.codeBytes = quantizer.codeBytes();
        this.codes = new byte[Math.max(1, capacity) * codeBytes];
    }

    void encode(int node, float[] data, int offset) {
        byte[] current = codes;
        if ((node + 1) * (long) codeBytes > current.length) {
            current = Arrays.copyOf(current, Math.max((node + 1) * codeBytes, current.length * 2));
            codes = current;
        }
        quantizer.encode(data, offset, current, node * codeBytes);
    }

    /** Approximate keys of nodes against {@code query}: smaller is nearer. */
    NodeScorer scorer(float[] query) {
        return scorer(quantizer.scorer(query));
    }

    /** Approximate keys of nodes against node {@code node}, for the build. */
    NodeScorer scorerOfNode(int node) {
        return scorer(quantizer.scorer(codes, node * codeBytes));
    }

    private NodeScorer scorer(Quantizer.Scorer scorer) {
        byte[] snapshot = codes;
        return node -> {
            byte[] array = node * codeBytes < snapshot.length ? snapshot : codes;
            return scorer.key(array, node * codeBytes);
        };
    }

    /** Approximate keys by node. */
    interface NodeScorer {
        float key(int node);
    }

    /** The code array as allocated, and the codebook. */
    long memoryBytes() {
        return codes.length + quantizer.memoryBytes();
    }

    void write(DataOutputStream out, int nodes) throws IOException {
        quantizer.write(out);
        out.write(codes, 0, nodes * codeBytes);
    }

    static QuantizedCodes read(DataInputStream in, IndexOptions.Quantization options, DistanceKind kind,
                               int dimensions, int nodes) throws IOException {
        QuantizedCodes codes = new QuantizedCodes(Quantizer.read(in, options, kind, dimensions), nodes);
        in.readFully(codes.codes, 0, nodes * codes.codeBytes);
        return codes;
    }
}

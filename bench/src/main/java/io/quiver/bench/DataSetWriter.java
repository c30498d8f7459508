package io.quiver.bench;

import io.quiver.index.VectorColumn;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a data set for shared/bench's PgAnnBench (base.fvecs, query.fvecs and the exact top-100 in gt.ivecs) from
 * gen_data.py's model in Java ({@link BenchData#clustered}), for machines without numpy and faiss: the same
 * distribution and difficulty as gen_data.py's files, not the same bits.
 */
public final class DataSetWriter {
    static final String USAGE = String.join("\n",
            "DataSetWriter: clustered vectors for PgAnnBench without numpy or faiss",
            "  --size 100k|1m|N   base rows (default 100k)",
            "  --queries N        queries (default 1000)",
            "  --dimensions N     (default 128)",
            "  --out DIR          where base.fvecs, query.fvecs and gt.ivecs go",
            "                     (default /tmp/quiver-bench-data/java-clustered-SIZE: not gen_data.py's directory,",
            "                     whose files hold other bits)");
    private static final int TRUTH = 100;

    private DataSetWriter() {
    }

    public static void main(String[] argv) throws IOException {
        Map<String, String> args = Measure.args(argv, USAGE);
        int rows = Measure.rows(args.getOrDefault("size", "100k"));
        int queryCount = Integer.parseInt(args.getOrDefault("queries", "1000"));
        int dimensions = Integer.parseInt(args.getOrDefault("dimensions", "128"));
        Path out = Path.of(args.getOrDefault("out", "/tmp/quiver-bench-data/java-clustered-" + Measure.label(rows)));
        Files.createDirectories(out);
        BenchData data = BenchData.clustered(rows, queryCount, dimensions);
        VectorColumn column = data.column();
        int[][] truth = BenchData.groundTruth(column, data.queries, TRUTH, new long[queryCount], new long[1]);
        writeVectors(out.resolve("base.fvecs"), data.base);
        writeVectors(out.resolve("query.fvecs"), data.queries);
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out.resolve("gt.ivecs")))) {
            for (int[] ids : truth) {
                ByteBuffer record = little(4 + 4 * ids.length).putInt(ids.length);
                for (int id : ids) {
                    record.putInt(id);
                }
                file.write(record.array());
            }
        }
        System.out.printf("wrote %d x %d base vectors, %d queries and their top %d to %s (%s)%n", rows, dimensions,
                queryCount, TRUTH, out, data.source);
    }

    private static void writeVectors(Path path, float[][] vectors) throws IOException {
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(path))) {
            for (float[] vector : vectors) {
                ByteBuffer record = little(4 + 4 * vector.length).putInt(vector.length);
                for (float x : vector) {
                    record.putFloat(x);
                }
                file.write(record.array());
            }
        }
    }

    private static ByteBuffer little(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}

package io.quiver.bench;

import io.quiver.common.type.PgType;
import io.quiver.storage.RowCursor;
import io.quiver.storage.RowSchema;
import io.quiver.storage.StorageEngine;
import io.quiver.storage.StorageOptions;
import io.quiver.storage.StorageTransaction;
import io.quiver.storage.TableStorage;
import io.quiver.storage.codec.RowCodec;
import io.quiver.storage.codec.RowCompression;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;

/**
 * What LZ4 saves on disk and costs to read, on two tables: {@code items(id int8, embedding vector(128))} with
 * clustered float32 vectors (BenchData's model) and {@code docs(id int8, category int4, body text)} with a
 * text payload of ~400 characters drawn from a 2,000-word vocabulary. First the LZ4 ratio and decode cost per
 * encoded row and per block of 64 rows (what page-level compression would get); then each table loaded
 * into a fresh data file with row compression off and on, compacted (VACUUM FULL's compaction), and
 * reported as data-file bytes per row, load time and full-scan time.
 *
 * <pre>java -cp bench/target/quiver-bench.jar:bench/target/lib/* io.quiver.bench.DiskBenchmark [rows] [dir]</pre>
 */
public final class DiskBenchmark {
    private static final int DIMS = 128;
    private static final int BATCH = 10_000;
    private static final int SAMPLE = 20_000;
    private static final int BLOCK_ROWS = 64;
    private static final String[] WORDS = vocabulary();
    /** Keeps the decoding loop's result alive, so the JIT cannot drop the work being timed. */
    private static volatile long blackhole;

    private DiskBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path work = Path.of(args.length > 1 ? args[1] : "/tmp/quiver-disk");
        float[][] vectors = BenchData.clustered(rows, 0, DIMS).base;
        Table items = new Table("items (id int8, embedding vector(128))",
                new RowSchema(List.of(PgType.INT8, PgType.VECTOR), new int[] {0}, "items_pkey"),
                i -> new Object[] {i, vectors[(int) i]});
        Table docs = new Table("docs (id int8, category int4, body text ~400 chars)",
                new RowSchema(List.of(PgType.INT8, PgType.INT4, PgType.TEXT), new int[] {0}, "docs_pkey"),
                DiskBenchmark::doc);
        Table events = new Table("events (id int8, payload text: ~600-char JSON)",
                new RowSchema(List.of(PgType.INT8, PgType.TEXT), new int[] {0}, "events_pkey"),
                DiskBenchmark::event);
        System.out.printf("%,d rows per table%n%n", rows);
        for (Table table : List.of(items, docs, events)) {
            measureCodec(table);
        }
        System.out.println();
        System.out.println("| table | compression | data file bytes/row | load s | full scan s |");
        System.out.println("|---|---|---:|---:|---:|");
        for (Table table : List.of(items, docs, events)) {
            for (boolean compress : new boolean[] {false, true}) {
                load(table, rows, compress, work.resolve(compress ? "lz4" : "raw"));
            }
        }
    }

    private record Table(String name, RowSchema schema, LongFunction<Object[]> row) {
    }

    /** LZ4's ratio and decode time on encoded rows one by one and in blocks of 64. */
    private static void measureCodec(Table table) {
        RowCodec raw = new RowCodec(table.schema().layout());
        byte[][] encoded = new byte[SAMPLE][];
        long rawBytes = 0;
        long rowLz4Bytes = 0;
        for (int i = 0; i < SAMPLE; i++) {
            encoded[i] = raw.encode(table.row().apply(i));
            rawBytes += encoded[i].length;
            rowLz4Bytes += lz4Length(encoded[i]);
        }
        long blockLz4Bytes = 0;
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        for (int i = 0; i < SAMPLE; i++) {
            block.writeBytes(encoded[i]);
            if ((i + 1) % BLOCK_ROWS == 0 || i == SAMPLE - 1) {
                blockLz4Bytes += lz4Length(block.toByteArray());
                block.reset();
            }
        }
        byte[][] stored = new byte[SAMPLE][];
        long storedBytes = 0;
        for (int i = 0; i < SAMPLE; i++) {
            stored[i] = RowCompression.compress(encoded[i]);
            storedBytes += stored[i].length;
        }
        decodeNanos(raw, stored);
        double rawDecode = decodeNanos(raw, encoded);
        double storedDecode = decodeNanos(raw, stored);
        System.out.printf("%s: encoded row %.0f B; LZ4 per row %.1f%% of it, per %d-row block %.1f%%; "
                        + "stored with compression on %.1f%%; decode %.0f ns/row raw, %.0f ns/row as stored%n",
                table.name(), (double) rawBytes / SAMPLE, 100.0 * rowLz4Bytes / rawBytes, BLOCK_ROWS,
                100.0 * blockLz4Bytes / rawBytes, 100.0 * storedBytes / rawBytes, rawDecode, storedDecode);
    }

    private static int lz4Length(byte[] bytes) {
        LZ4Compressor compressor = LZ4Factory.fastestJavaInstance().fastCompressor();
        return compressor.compress(bytes).length;
    }

    /** The best of five passes decoding every row, in ns per row. */
    private static double decodeNanos(RowCodec codec, byte[][] rows) {
        long best = Long.MAX_VALUE;
        long sink = 0;
        for (int pass = 0; pass < 5; pass++) {
            long start = System.nanoTime();
            for (byte[] row : rows) {
                sink += codec.decode(row).length;
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        blackhole = sink;
        return (double) best / rows.length;
    }

    private static void load(Table table, int rows, boolean compress, Path dir) throws IOException {
        deleteRecursively(dir);
        StorageOptions options = StorageOptions.defaults().withSynchronousCommit(false).withRowCompression(compress);
        try (StorageEngine engine = StorageEngine.open(dir, options)) {
            TableStorage storage = engine.table(1, table.schema());
            long loadStart = System.nanoTime();
            for (long first = 0; first < rows; first += BATCH) {
                try (StorageTransaction tx = engine.begin()) {
                    var access = tx.access(storage);
                    for (long i = first; i < Math.min(rows, first + BATCH); i++) {
                        access.insert(table.row().apply(i));
                    }
                    tx.commit();
                }
            }
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            engine.reclaimSpace(true);
            long bytes = engine.fileSize();
            long scanStart = System.nanoTime();
            long scanned = 0;
            try (StorageTransaction tx = engine.begin()) {
                RowCursor cursor = tx.access(storage).scan();
                while (cursor.next()) {
                    scanned += cursor.row().length > 0 ? 1 : 0;
                }
            }
            double scanSeconds = (System.nanoTime() - scanStart) / 1e9;
            if (scanned != rows) {
                throw new IllegalStateException("scanned " + scanned + " of " + rows + " rows");
            }
            System.out.printf("| %s | %s | %.1f | %.2f | %.2f |%n", table.name(), compress ? "lz4" : "none",
                    (double) bytes / rows, loadSeconds, scanSeconds);
        }
        deleteRecursively(dir);
    }

    /** A document: a category and ~400 characters of words drawn with a skewed (Zipf-like) frequency. */
    private static Object[] doc(long id) {
        SplittableRandom random = new SplittableRandom(id * 31 + 7);
        StringBuilder body = new StringBuilder(420);
        while (body.length() < 400) {
            double u = random.nextDouble();
            body.append(WORDS[(int) (WORDS.length * u * u * u)]).append(' ');
        }
        return new Object[] {id, (int) (id % 1000), body.toString()};
    }

    /** An event as applications log them: JSON whose keys and much of whose values repeat from row to row. */
    private static Object[] event(long id) {
        SplittableRandom random = new SplittableRandom(id * 17 + 3);
        StringBuilder json = new StringBuilder("{\"id\": ").append(id)
                .append(", \"type\": \"page_view\", \"source\": \"web-frontend-v2\", \"user\": {\"id\": ")
                .append(random.nextInt(100_000)).append(", \"plan\": \"").append(random.nextBoolean() ? "free" : "pro")
                .append("\", \"locale\": \"en-US\"}, \"tags\": [");
        for (int t = 0; t < 8; t++) {
            json.append(t == 0 ? "" : ", ").append('"').append(WORDS[random.nextInt(50)]).append('"');
        }
        json.append("], \"properties\": {");
        for (int p = 0; p < 10; p++) {
            json.append(p == 0 ? "" : ", ").append("\"property_").append(p).append("\": \"")
                    .append(WORDS[random.nextInt(200)]).append("\"");
        }
        return new Object[] {id, json.append("}}").toString()};
    }

    private static String[] vocabulary() {
        SplittableRandom random = new SplittableRandom(3);
        String[] words = new String[2000];
        for (int i = 0; i < words.length; i++) {
            StringBuilder word = new StringBuilder();
            int length = 3 + random.nextInt(8);
            for (int c = 0; c < length; c++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            words[i] = word.toString();
        }
        return words;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

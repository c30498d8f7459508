package io.quiver.executor.stats;

import com.dynatrace.hash4j.distinctcount.UltraLogLog;
import io.quiver.catalog.TableDefinition;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The saved form of a table's statistics (see {@link Statistics} for when it is written). */
final class StatisticsCodec {
    private static final int VERSION = 1;
    private static final byte VECTOR = 'V';
    private static final byte SCALAR = 'S';

    private StatisticsCodec() {
    }

    static byte[] encode(TableStatistics table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            out.writeLong(table.liveRows());
            out.writeLong(table.deadRows());
            out.writeLong(table.inserts());
            out.writeLong(table.updates());
            out.writeLong(table.deletes());
            out.writeLong(table.modifiedSinceAnalyze());
            out.writeLong(table.analyzeCount());
            writeString(out, table.lastAnalyze() == null ? "" : table.lastAnalyze().toString());
            out.writeInt(table.columns().size());
            for (ColumnStatistics column : table.columns()) {
                switch (column) {
                    case VectorColumnStatistics vector -> writeVector(out, vector);
                    case ScalarColumnStatistics scalar -> writeScalar(out, scalar);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static TableStatistics decode(TableDefinition definition, byte[] saved) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(saved))) {
            if (in.readInt() != VERSION) {
                throw new IOException("unknown statistics version");
            }
            long live = in.readLong();
            long dead = in.readLong();
            long inserts = in.readLong();
            long updates = in.readLong();
            long deletes = in.readLong();
            long modified = in.readLong();
            long analyzes = in.readLong();
            String analyzed = readString(in);
            TableStatistics table = new TableStatistics(definition);
            table.restoreCounters(live, dead, inserts, updates, deletes, modified, analyzes,
                    analyzed.isEmpty() ? null : OffsetDateTime.parse(analyzed));
            int columns = in.readInt();
            table.columns().clear();
            for (int c = 0; c < columns; c++) {
                table.columns().add(in.readByte() == VECTOR ? readVector(in) : readScalar(in));
            }
            table.fitColumns(definition);
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the saved statistics of " + definition.name(), e);
        }
    }

    private static void writeVector(DataOutputStream out, VectorColumnStatistics vector) throws IOException {
        out.writeByte(VECTOR);
        out.writeInt(vector.dimensions());
        out.writeLong(vector.count());
        out.writeLong(vector.nulls());
        for (double m : vector.rawMean()) {
            out.writeDouble(m);
        }
        Map<Integer, Long> cells = vector.norms().cells();
        out.writeInt(cells.size());
        for (Map.Entry<Integer, Long> cell : cells.entrySet()) {
            out.writeInt(cell.getKey());
            out.writeLong(cell.getValue());
        }
    }

    private static VectorColumnStatistics readVector(DataInputStream in) throws IOException {
        int dimensions = in.readInt();
        VectorColumnStatistics vector = new VectorColumnStatistics(dimensions);
        long count = in.readLong();
        long nulls = in.readLong();
        double[] mean = new double[dimensions];
        for (int i = 0; i < dimensions; i++) {
            mean[i] = in.readDouble();
        }
        vector.restore(count, nulls, mean);
        for (int cells = in.readInt(); cells > 0; cells--) {
            vector.norms().putCell(in.readInt(), in.readLong());
        }
        return vector;
    }

    private static void writeScalar(DataOutputStream out, ScalarColumnStatistics scalar) throws IOException {
        out.writeByte(SCALAR);
        out.writeLong(scalar.nulls());
        out.writeLong(scalar.values());
        Map<Comparable<Object>, Long> counts = scalar.counts();
        out.writeInt(counts == null ? -1 : counts.size());
        if (counts != null) {
            for (Map.Entry<Comparable<Object>, Long> entry : counts.entrySet()) {
                writeKey(out, entry.getKey());
                out.writeLong(entry.getValue());
            }
        }
        out.writeInt(scalar.sample().size());
        for (Comparable<Object> key : scalar.sample()) {
            writeKey(out, key);
        }
        byte[] sketch = scalar.sketch().getState();
        out.writeInt(sketch.length);
        out.write(sketch);
    }

    private static ScalarColumnStatistics readScalar(DataInputStream in) throws IOException {
        long nulls = in.readLong();
        long values = in.readLong();
        int distinct = in.readInt();
        Map<Comparable<Object>, Long> counts = distinct < 0 ? null : new HashMap<>();
        for (int i = 0; i < distinct; i++) {
            counts.put(readKey(in), in.readLong());
        }
        List<Comparable<Object>> sample = new ArrayList<>();
        for (int size = in.readInt(); size > 0; size--) {
            sample.add(readKey(in));
        }
        byte[] sketch = new byte[in.readInt()];
        in.readFully(sketch);
        ScalarColumnStatistics scalar = new ScalarColumnStatistics();
        scalar.restore(nulls, values, counts, sample, UltraLogLog.wrap(sketch));
        return scalar;
    }

    private static void writeKey(DataOutputStream out, Comparable<Object> key) throws IOException {
        switch ((Object) key) {
            case Double d -> {
                out.writeByte('d');
                out.writeDouble(d);
            }
            case Boolean b -> {
                out.writeByte('b');
                out.writeBoolean(b);
            }
            case LocalDate date -> {
                out.writeByte('D');
                writeString(out, date.toString());
            }
            case LocalDateTime timestamp -> {
                out.writeByte('T');
                writeString(out, timestamp.toString());
            }
            case OffsetDateTime timestamp -> {
                out.writeByte('Z');
                writeString(out, timestamp.toString());
            }
            case LocalTime time -> {
                out.writeByte('t');
                writeString(out, time.toString());
            }
            default -> {
                out.writeByte('s');
                writeString(out, key.toString());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> readKey(DataInputStream in) throws IOException {
        Object key = switch (in.readByte()) {
            case 'd' -> in.readDouble();
            case 'b' -> in.readBoolean();
            case 'D' -> LocalDate.parse(readString(in));
            case 'T' -> LocalDateTime.parse(readString(in));
            case 'Z' -> OffsetDateTime.parse(readString(in));
            case 't' -> LocalTime.parse(readString(in));
            default -> readString(in);
        };
        return (Comparable<Object>) key;
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}

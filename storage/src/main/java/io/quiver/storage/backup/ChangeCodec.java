package io.quiver.storage.backup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The binary form of a {@link ChangeRecord}: lsn, commit time, then each change with typed keys and values. */
final class ChangeCodec {
    private static final int NULL = 0;
    private static final int LONG = 1;
    private static final int BYTES = 2;
    private static final int STRING = 3;
    private static final Change.Op[] OPS = Change.Op.values();

    private ChangeCodec() {
    }

    static byte[] encode(ChangeRecord record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(record.lsn());
            out.writeLong(record.commitMicros());
            out.writeInt(record.changes().size());
            for (Change change : record.changes()) {
                out.writeByte(change.op().ordinal());
                out.writeUTF(change.name());
                writeValue(out, change.key());
                writeValue(out, change.value());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    /** Decodes a payload whose checksum matched; a malformed one is reported as an IOException. */
    static ChangeRecord decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        long lsn = in.readLong();
        long micros = in.readLong();
        int count = in.readInt();
        if (count < 0 || count > payload.length) {
            throw new IOException("bad change count " + count);
        }
        List<Change> changes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int op = in.readUnsignedByte();
            if (op >= OPS.length) {
                throw new IOException("bad change kind " + op);
            }
            changes.add(new Change(OPS[op], in.readUTF(), readValue(in), readValue(in)));
        }
        if (in.available() > 0) {
            throw new IOException(in.available() + " trailing bytes");
        }
        return new ChangeRecord(lsn, micros, changes);
    }

    private static void writeValue(DataOutputStream out, Object value) throws IOException {
        switch (value) {
            case null -> out.writeByte(NULL);
            case Long l -> {
                out.writeByte(LONG);
                out.writeLong(l);
            }
            case byte[] b -> {
                out.writeByte(BYTES);
                out.writeInt(b.length);
                out.write(b);
            }
            case String s -> {
                out.writeByte(STRING);
                out.writeUTF(s);
            }
            default -> throw new IllegalArgumentException("cannot log a " + value.getClass().getName());
        }
    }

    private static Object readValue(DataInputStream in) throws IOException {
        return switch (in.readUnsignedByte()) {
            case NULL -> null;
            case LONG -> in.readLong();
            case BYTES -> {
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    throw new IOException("bad value length " + length);
                }
                yield in.readNBytes(length);
            }
            case STRING -> in.readUTF();
            default -> throw new IOException("bad value tag");
        };
    }
}

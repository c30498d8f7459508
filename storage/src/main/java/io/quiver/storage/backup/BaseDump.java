package io.quiver.storage.backup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.value.VersionedValue;

/**
 * {@code base.qdump}, a full backup: every row, primary-key entry and catalog entry of one snapshot, and the
 * sequences' values, as batches of {@link Change#put} records framed like the change log, then an end record.
 * A restore writes them into a new store with the same code that redoes the log.
 */
final class BaseDump {
    static final String FILE_NAME = "base.qdump";
    private static final int MAGIC = 0x51444D50; // "QDMP"
    private static final int VERSION = 1;
    private static final int BATCH_BYTES = 1 << 20;
    private static final long END_LSN = -1;

    private BaseDump() {
    }

    /** Writes the snapshot {@code tx} sees of {@code maps}; returns the file's size. */
    static long write(Path directory, ChangeLog.Cut cut, Transaction tx, List<MVMap<Object, VersionedValue<Object>>> maps,
                      Map<String, Long> sequences) {
        Path file = directory.resolve(FILE_NAME);
        Path temporary = DurableFiles.temporaryFor(file);
        try {
            try (OutputStream stream = Files.newOutputStream(temporary);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeUTF(cut.logId());
                out.writeLong(cut.lsn());
                out.writeLong(cut.micros());
                Batch batch = new Batch(out, cut.micros());
                for (MVMap<Object, VersionedValue<Object>> map : maps) {
                    TransactionMap<Object, Object> rows = tx.openMapX(map);
                    Iterator<Map.Entry<Object, Object>> entries = rows.entryIterator(null, null);
                    while (entries.hasNext()) {
                        Map.Entry<Object, Object> entry = entries.next();
                        batch.add(Change.put(map.getName(), entry.getKey(), entry.getValue()));
                    }
                }
                for (Map.Entry<String, Long> sequence : sequences.entrySet()) {
                    batch.add(Change.sequence(sequence.getKey(), sequence.getValue()));
                }
                batch.flush();
                Frames.write(out, ChangeCodec.encode(new ChangeRecord(END_LSN, cut.micros(), List.of())));
            }
            DurableFiles.publish(temporary, file);
            return Files.size(file);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw Failures.io("could not write file \"" + file + "\"", e);
        }
    }

    /** Reads a full backup, handing over each batch of changes; checks the header, checksums and the end. */
    static void read(Path directory, BackupManifest manifest, Consumer<List<Change>> batches) {
        Path file = directory.resolve(FILE_NAME);
        try (InputStream stream = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16))) {
            try {
                if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                    throw Failures.corrupted(file, "it is not a Quiver full backup");
                }
                String logId = in.readUTF();
                long lsn = in.readLong();
                in.readLong();
                if (!logId.equals(manifest.logId()) || lsn != manifest.baseLsn()) {
                    throw Failures.corrupted(file, "it is not the full backup " + BackupManifest.FILE_NAME + " describes");
                }
            } catch (EOFException e) {
                throw Failures.corrupted(file, "its header is cut short");
            }
            while (true) {
                switch (Frames.read(in)) {
                    case Frames.End end -> throw Failures.corrupted(file, "it is truncated (its end record is missing)");
                    case Frames.Damaged damaged -> throw Failures.corrupted(file, damaged.reason());
                    case Frames.Payload payload -> {
                        ChangeRecord record = decode(file, payload.bytes());
                        if (record.lsn() == END_LSN) {
                            if (in.read() >= 0) {
                                throw Failures.corrupted(file, "there is data after its end record");
                            }
                            return;
                        }
                        batches.accept(record.changes());
                    }
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw Failures.corrupted(file.getParent(), "its full backup \"" + file + "\" is missing");
        } catch (IOException e) {
            throw Failures.io("could not read file \"" + file + "\"", e);
        }
    }

    /** Removes a half-written dump so the directory counts as empty again; the write error is what matters. */
    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // the original failure is reported; a leftover .tmp only makes the next backup ask for an empty directory
        }
    }

    private static ChangeRecord decode(Path file, byte[] payload) {
        try {
            return ChangeCodec.decode(payload);
        } catch (IOException e) {
            throw Failures.corrupted(file, "a record is malformed: " + e.getMessage());
        }
    }

    /** Changes gathered into frames of about {@link #BATCH_BYTES}. */
    private static final class Batch {
        private final DataOutputStream out;
        private final long micros;
        private final List<Change> changes = new ArrayList<>();
        private long bytes;

        Batch(DataOutputStream out, long micros) {
            this.out = out;
            this.micros = micros;
        }

        void add(Change change) throws IOException {
            changes.add(change);
            bytes += 32 + change.name().length() + size(change.key()) + size(change.value());
            if (bytes >= BATCH_BYTES) {
                flush();
            }
        }

        void flush() throws IOException {
            if (!changes.isEmpty()) {
                Frames.write(out, ChangeCodec.encode(new ChangeRecord(0, micros, changes)));
                changes.clear();
                bytes = 0;
            }
        }

        private static int size(Object value) {
            return value instanceof byte[] b ? b.length : value instanceof String s ? s.length() : 8;
        }
    }
}

package io.quiver.storage.backup;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One file of the change log, named after the LSN of its first record: a header (magic, format version, the
 * log's id, the first LSN), then framed {@link ChangeRecord}s in LSN order.
 */
final class SegmentFile {
    static final String SUFFIX = ".qlog";
    private static final int MAGIC = 0x514C4F47; // "QLOG"
    private static final int VERSION = 1;

    private SegmentFile() {
    }

    static Path path(Path directory, long firstLsn) {
        return directory.resolve(String.format("%020d%s", firstLsn, SUFFIX));
    }

    static long firstLsn(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    }

    /** The segments in a directory, oldest first; none when it does not exist. */
    static List<Path> list(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d{20}\\" + SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw Failures.io("could not read directory \"" + directory + "\"", e);
        }
    }

    /** An open segment that records are appended to. */
    static final class Writer implements AutoCloseable {
        private final Path path;
        private final FileChannel channel;
        private long size;

        private Writer(Path path, FileChannel channel, long size) {
            this.path = path;
            this.channel = channel;
            this.size = size;
        }

        static Writer create(Path directory, String logId, long firstLsn) {
            Path path = SegmentFile.path(directory, firstLsn);
            try {
                Files.createDirectories(directory);
                FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                ByteArrayOutputStream header = new ByteArrayOutputStream();
                try (DataOutputStream out = new DataOutputStream(header)) {
                    out.writeInt(MAGIC);
                    out.writeInt(VERSION);
                    out.writeUTF(logId);
                    out.writeLong(firstLsn);
                }
                Writer writer = new Writer(path, channel, 0);
                writer.write(header.toByteArray());
                return writer;
            } catch (IOException e) {
                throw Failures.io("could not create file \"" + path + "\"", e);
            }
        }

        Path path() {
            return path;
        }

        long size() {
            return size;
        }

        /** Appends one framed record and returns where it starts. */
        long append(ChangeRecord record) {
            byte[] payload = ChangeCodec.encode(record);
            ByteArrayOutputStream framed = new ByteArrayOutputStream(Frames.frameSize(payload));
            try (DataOutputStream out = new DataOutputStream(framed)) {
                Frames.write(out, payload);
            } catch (IOException e) {
                throw new IllegalStateException(e); // a ByteArrayOutputStream does not fail
            }
            long start = size;
            write(framed.toByteArray());
            return start;
        }

        /** Takes back the records from {@code position} on (their transaction failed to commit). */
        void truncate(long position) {
            try {
                channel.truncate(position);
                size = position;
            } catch (IOException e) {
                throw Failures.io("could not truncate file \"" + path + "\"", e);
            }
        }

        /** Makes what was appended durable; a segment closed meanwhile was made durable by its closing. */
        void force() {
            try {
                channel.force(false);
            } catch (ClosedChannelException e) {
                // closed by a roll, which forced it first
            } catch (IOException e) {
                throw Failures.io("could not fsync file \"" + path + "\"", e);
            }
        }

        @Override
        public void close() {
            force();
            try {
                channel.close();
            } catch (IOException e) {
                throw Failures.io("could not close file \"" + path + "\"", e);
            }
        }

        private void write(byte[] bytes) {
            try {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer, size + buffer.position());
                }
                size += bytes.length;
            } catch (IOException e) {
                throw Failures.io("could not write to file \"" + path + "\"", e);
            }
        }
    }

    /**
     * Reads a segment's records in order, checking the header, every checksum and that LSNs follow on
     * from {@code expectedLsn}.
     *
     * @param tailMayBeTorn true for the newest segment of a live log, whose last record a crash may have cut
     *     short; such a tail is reported in the result instead of failing
     * @return where the valid records end, and why the rest is not valid (null when the file is whole)
     */
    static Scan read(Path segment, String logId, long expectedLsn, boolean tailMayBeTorn, Consumer<ChangeRecord> records) {
        try (InputStream file = Files.newInputStream(segment);
             DataInputStream in = new DataInputStream(new BufferedInputStream(file, 1 << 16))) {
            long fileSize = Files.size(segment);
            long position = readHeader(segment, in, logId);
            long lsn = expectedLsn;
            while (true) {
                Frames.Read read = Frames.read(in);
                switch (read) {
                    case Frames.End end -> {
                        return new Scan(position, lsn - 1, null);
                    }
                    case Frames.Damaged damaged -> {
                        if (tailMayBeTorn && isTail(segment, position, fileSize)) {
                            return new Scan(position, lsn - 1, damaged.reason());
                        }
                        throw Failures.corrupted(segment, damaged.reason() + " at byte " + position);
                    }
                    case Frames.Payload payload -> {
                        ChangeRecord record = decode(segment, payload.bytes(), position);
                        if (record.lsn() != lsn) {
                            throw Failures.corrupted(segment, "expected LSN " + lsn + " at byte " + position
                                    + " but found " + record.lsn());
                        }
                        records.accept(record);
                        position += Frames.frameSize(payload.bytes());
                        lsn++;
                    }
                }
            }
        } catch (IOException e) {
            throw Failures.io("could not read file \"" + segment + "\"", e);
        }
    }

    /** What {@link #read} found: the valid length of the file, the last LSN in it, why the rest is not valid. */
    record Scan(long validLength, long lastLsn, String tornTail) {
    }

    private static long readHeader(Path segment, DataInputStream in, String logId) throws IOException {
        try {
            if (in.readInt() != MAGIC) {
                throw Failures.corrupted(segment, "it is not a Quiver change-log file");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw Failures.corrupted(segment, "unknown format version " + version);
            }
            String id = in.readUTF();
            if (!id.equals(logId)) {
                throw Failures.corrupted(segment, "it belongs to change log " + id + ", not " + logId);
            }
            long first = in.readLong();
            if (first != firstLsn(segment)) {
                throw Failures.corrupted(segment, "its first LSN is " + first + ", its name says " + firstLsn(segment));
            }
            return 4 + 4 + 2 + id.getBytes(StandardCharsets.UTF_8).length + 8;
        } catch (EOFException e) {
            throw Failures.corrupted(segment, "its header is cut short");
        }
    }

    /** A damaged last record, or nothing but zeros after the valid records, is what a crash mid-append leaves. */
    private static boolean isTail(Path segment, long position, long fileSize) throws IOException {
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(4);
            channel.read(header, position);
            if (header.position() < 4) {
                return true;
            }
            long end = position + 8 + Integer.toUnsignedLong(header.getInt(0));
            if (end >= fileSize) {
                return true;
            }
            ByteBuffer rest = ByteBuffer.allocate((int) Math.min(fileSize - position, 1 << 20));
            channel.read(rest, position);
            for (int i = 0; i < rest.position(); i++) {
                if (rest.get(i) != 0) {
                    return false;
                }
            }
            return fileSize - position <= rest.capacity();
        }
    }

    private static ChangeRecord decode(Path segment, byte[] payload, long position) {
        try {
            return ChangeCodec.decode(payload);
        } catch (IOException e) {
            throw Failures.corrupted(segment, "the record at byte " + position + " is malformed: " + e.getMessage());
        }
    }
}

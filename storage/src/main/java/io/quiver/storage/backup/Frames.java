package io.quiver.storage.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.zip.CRC32C;

/**
 * Length- and checksum-framed payloads, as change-log segments and backup files store them:
 * {@code [int length][int crc32c][payload]}. A frame cut short or failing its checksum is reported, never
 * returned as data.
 */
final class Frames {
    /** Larger frames than this are not written, so a larger length is damage rather than a huge record. */
    static final int MAX_PAYLOAD = 1 << 30;

    /** What reading one frame found. */
    sealed interface Read {
    }

    record Payload(byte[] bytes) implements Read {
    }

    /** The input ended exactly where a frame would begin. */
    record End() implements Read {
    }

    /** The frame is cut short by the end of the input, or its length or checksum is wrong. */
    record Damaged(String reason) implements Read {
    }

    private Frames() {
    }

    static void write(DataOutputStream out, byte[] payload) throws IOException {
        out.writeInt(payload.length);
        out.writeInt(checksum(payload));
        out.write(payload);
    }

    static int frameSize(byte[] payload) {
        return 8 + payload.length;
    }

    static Read read(DataInputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            return new End();
        }
        try {
            int length = first << 24 | in.readUnsignedByte() << 16 | in.readUnsignedByte() << 8 | in.readUnsignedByte();
            if (length <= 0 || length > MAX_PAYLOAD) {
                return new Damaged("a record length of " + length + " bytes");
            }
            int expected = in.readInt();
            byte[] payload = new byte[length];
            in.readFully(payload);
            return checksum(payload) == expected ? new Payload(payload) : new Damaged("a record fails its checksum");
        } catch (EOFException e) {
            return new Damaged("a record is cut short");
        }
    }

    static int checksum(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue();
    }
}

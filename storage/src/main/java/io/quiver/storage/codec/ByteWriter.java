package io.quiver.storage.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with the primitive encodings the row format uses. */
final class ByteWriter {
    private byte[] buf;
    private int pos;

    ByteWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    int position() {
        return pos;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    /** Reserves {@code n} zero bytes (for a null bitmap filled in later) and returns where they start. */
    int skip(int n) {
        ensure(n);
        int start = pos;
        pos += n;
        return start;
    }

    void setBit(int bitmapStart, int index) {
        buf[bitmapStart + (index >>> 3)] |= (byte) (1 << (index & 7));
    }

    void writeByte(int b) {
        ensure(1);
        buf[pos++] = (byte) b;
    }

    void writeBytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    void writeShort(short v) {
        ensure(2);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    void writeInt(int v) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buf[pos++] = (byte) (v >>> shift);
        }
    }

    void writeLong(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[pos++] = (byte) (v >>> shift);
        }
    }

    /** Unsigned LEB128: lengths and counts are small, so they mostly take one byte. */
    void writeVarLong(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
    }

    /** Zig-zag so that small negative integers stay short too. */
    void writeSignedVarLong(long v) {
        writeVarLong((v << 1) ^ (v >> 63));
    }

    void writeLengthPrefixed(byte[] bytes) {
        writeVarLong(bytes.length);
        writeBytes(bytes);
    }

    void writeString(String s) {
        writeLengthPrefixed(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Vectors are the bulk of a vector table: raw little-endian float32, copied in one go. */
    void writeFloats(float[] values) {
        writeVarLong(values.length);
        int bytes = values.length * Float.BYTES;
        ensure(bytes);
        ByteBuffer.wrap(buf, pos, bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values);
        pos += bytes;
    }

    private void ensure(int extra) {
        if (pos + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + extra));
        }
    }
}

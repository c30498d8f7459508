package io.quiver.storage.codec;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Reads what {@link ByteWriter} wrote; running past the end means the stored row is damaged. */
final class ByteReader {
    private final byte[] buf;
    private int pos;

    ByteReader(byte[] buf) {
        this.buf = buf;
    }

    int position() {
        return pos;
    }

    boolean atEnd() {
        return pos == buf.length;
    }

    int skip(int n) {
        require(n);
        int start = pos;
        pos += n;
        return start;
    }

    boolean bit(int bitmapStart, int index) {
        return (buf[bitmapStart + (index >>> 3)] & (1 << (index & 7))) != 0;
    }

    int readByte() {
        require(1);
        return buf[pos++];
    }

    byte[] readBytes(int n) {
        require(n);
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    short readShort() {
        require(2);
        return (short) (((buf[pos++] & 0xFF) << 8) | (buf[pos++] & 0xFF));
    }

    int readInt() {
        require(4);
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (buf[pos++] & 0xFF);
        }
        return v;
    }

    long readLong() {
        require(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[pos++] & 0xFF);
        }
        return v;
    }

    long readVarLong() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw corrupted("variable-length integer too long");
    }

    long readSignedVarLong() {
        long v = readVarLong();
        return (v >>> 1) ^ -(v & 1);
    }

    int readLength() {
        long n = readVarLong();
        if (n < 0 || n > buf.length - pos) {
            throw corrupted("length " + n + " exceeds the remaining " + (buf.length - pos) + " bytes");
        }
        return (int) n;
    }

    byte[] readLengthPrefixed() {
        return readBytes(readLength());
    }

    String readString() {
        int n = readLength();
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    float[] readFloats() {
        long count = readVarLong();
        if (count < 0 || count > (buf.length - pos) / Float.BYTES) {
            throw corrupted("vector of " + count + " dimensions exceeds the stored row");
        }
        float[] out = new float[(int) count];
        int bytes = out.length * Float.BYTES;
        ByteBuffer.wrap(buf, pos, bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        pos += bytes;
        return out;
    }

    private void require(int n) {
        if (n < 0 || n > buf.length - pos) {
            throw corrupted("unexpected end of stored row");
        }
    }

    static QuiverException corrupted(String what) {
        return new QuiverException(SqlState.DATA_CORRUPTED, "invalid stored row: " + what);
    }
}

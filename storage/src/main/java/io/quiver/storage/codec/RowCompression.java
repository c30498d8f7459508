package io.quiver.storage.codec;

import java.util.Arrays;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * LZ4 for stored rows, where it pays: a row of at least {@value #MIN_BYTES} bytes is stored compressed when
 * that saves at least a tenth of it, else as it is. Float32 vectors barely compress (their mantissas are
 * noise to LZ4), so vector rows mostly stay raw and read without a decompression step; long or repetitive
 * text compresses well. A compressed row starts with the bytes 0x80 0x00 — a non-canonical LEB128 zero, which
 * no row {@link RowCodec} writes raw begins with — then its raw length and the LZ4 block, so rows stored
 * before compression existed (or with it off) read as they are.
 */
public final class RowCompression {
    static final int MIN_BYTES = 128;
    /** Compressed rows must be at most 90% of the raw size: below that saving, decompression costs more than it saves. */
    private static final int KEEP_PERCENT = 90;
    private static final byte MARKER_0 = (byte) 0x80;
    private static final byte MARKER_1 = 0x00;
    private static final LZ4Compressor COMPRESSOR = LZ4Factory.fastestJavaInstance().fastCompressor();
    private static final LZ4SafeDecompressor DECOMPRESSOR = LZ4Factory.fastestJavaInstance().safeDecompressor();

    private RowCompression() {
    }

    /** The row as stored: compressed when that pays, else {@code raw} itself. */
    public static byte[] compress(byte[] raw) {
        if (raw.length < MIN_BYTES) {
            return raw;
        }
        ByteWriter out = new ByteWriter(COMPRESSOR.maxCompressedLength(raw.length) + 12);
        out.writeByte(MARKER_0);
        out.writeByte(MARKER_1);
        out.writeVarLong(raw.length);
        byte[] block = new byte[COMPRESSOR.maxCompressedLength(raw.length)];
        int length = COMPRESSOR.compress(raw, 0, raw.length, block, 0, block.length);
        if ((long) (out.position() + length) * 100 > (long) raw.length * KEEP_PERCENT) {
            return raw;
        }
        out.writeBytes(Arrays.copyOf(block, length));
        return out.toByteArray();
    }

    public static boolean isCompressed(byte[] stored) {
        return stored.length >= 2 && stored[0] == MARKER_0 && stored[1] == MARKER_1;
    }

    /** The raw row of a stored one, compressed or not. */
    public static byte[] decompress(byte[] stored) {
        if (!isCompressed(stored)) {
            return stored;
        }
        ByteReader in = new ByteReader(stored);
        in.skip(2);
        long rawLength = in.readVarLong();
        // LZ4 expands at most 255-fold; a larger length is a damaged header.
        if (rawLength < 0 || rawLength > (long) stored.length * 255) {
            throw ByteReader.corrupted("compressed row claims " + rawLength + " bytes");
        }
        byte[] raw = new byte[(int) rawLength];
        try {
            int read = DECOMPRESSOR.decompress(stored, in.position(), stored.length - in.position(), raw, 0);
            if (read != raw.length) {
                throw ByteReader.corrupted("compressed row holds " + read + " of its " + rawLength + " bytes");
            }
        } catch (LZ4Exception e) {
            throw ByteReader.corrupted("compressed row does not decompress: " + e.getMessage());
        }
        return raw;
    }
}

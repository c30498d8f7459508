package io.quiver.index;

import io.quiver.common.type.PgBitString;

/**
 * Bit strings as a {@link VectorColumn} holds them: 16 bits per float, each float the exact integer value of
 * its word (0 to 65535), so the columns, graphs and lists built for float vectors carry bits unchanged at twice
 * their packed size (rather than 32 times, one float per bit). An integer value, unlike a float's raw bits,
 * survives every float operation exactly: no NaN pattern can be canonicalised away.
 */
public final class BitWords {
    public static final int BITS_PER_WORD = 16;

    private BitWords() {
    }

    /** The words holding {@code bits} bits. */
    public static int words(int bits) {
        return (bits + BITS_PER_WORD - 1) / BITS_PER_WORD;
    }

    /** The words of a bit string, first bits in the high bits of the first word; unused low bits zero. */
    public static float[] encode(PgBitString bits) {
        byte[] bytes = bits.bytes();
        float[] words = new float[words(bits.length())];
        for (int w = 0; w < words.length; w++) {
            int high = bytes[2 * w] & 0xff;
            int low = 2 * w + 1 < bytes.length ? bytes[2 * w + 1] & 0xff : 0;
            words[w] = (high << 8) | low;
        }
        return words;
    }

    /** The number of bits that differ. */
    static float hamming(float[] a, int aOffset, float[] b, int bOffset, int words) {
        int distance = 0;
        for (int i = 0; i < words; i++) {
            distance += Integer.bitCount((int) a[aOffset + i] ^ (int) b[bOffset + i]);
        }
        return distance;
    }

    /** pgvector's Jaccard distance: 1 - |a and b| / |a or b|, and 1 when the two share no set bit. */
    static float jaccard(float[] a, int aOffset, float[] b, int bOffset, int words) {
        int both = 0;
        int either = 0;
        for (int i = 0; i < words; i++) {
            int x = (int) a[aOffset + i];
            int y = (int) b[bOffset + i];
            both += Integer.bitCount(x & y);
            either += Integer.bitCount(x | y);
        }
        return both == 0 ? 1f : 1f - (float) both / either;
    }

    /** The first {@code words} words of {@code packed} as one 0/1 float per bit. */
    static float[] unpack(float[] packed, int words) {
        float[] bits = new float[words * BITS_PER_WORD];
        for (int w = 0; w < words; w++) {
            int word = (int) packed[w];
            for (int bit = 0; bit < BITS_PER_WORD; bit++) {
                bits[w * BITS_PER_WORD + bit] = (word >>> (BITS_PER_WORD - 1 - bit)) & 1;
            }
        }
        return bits;
    }

    /** {@code words} words from 0/1-valued floats, a bit set where its value is above one half. */
    static float[] pack(float[] bits, int words) {
        float[] packed = new float[words];
        for (int w = 0; w < words; w++) {
            int word = 0;
            for (int bit = 0; bit < BITS_PER_WORD; bit++) {
                word = (word << 1) | (bits[w * BITS_PER_WORD + bit] > 0.5f ? 1 : 0);
            }
            packed[w] = word;
        }
        return packed;
    }
}

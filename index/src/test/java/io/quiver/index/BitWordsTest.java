package io.quiver.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.quiver.common.type.PgBitString;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bit strings as 16-bit words: the kernels agree with PostgreSQL's bit string functions, and indexes find them. */
class BitWordsTest {
    private final Random random = new Random(5);

    @Test
    void kernelsMatchTheBitStringFunctionsForEveryLength() {
        for (int length = 1; length <= 70; length++) {
            PgBitString a = randomBits(length);
            PgBitString b = randomBits(length);
            float[] x = BitWords.encode(a);
            float[] y = BitWords.encode(b);
            assertThat(x).hasSize(BitWords.words(length));
            assertThat(BitWords.hamming(x, 0, y, 0, x.length)).isEqualTo((float) PgBitString.hammingDistance(a, b));
            assertThat(BitWords.jaccard(x, 0, y, 0, x.length))
                    .isCloseTo((float) PgBitString.jaccardDistance(a, b), offset(1e-6f));
        }
    }

    @Test
    void noSharedBitIsJaccardOne() {
        float[] zero = BitWords.encode(PgBitString.parse("0000"));
        float[] some = BitWords.encode(PgBitString.parse("0110"));
        assertThat(BitWords.jaccard(zero, 0, some, 0, 1)).isEqualTo(1f);
        assertThat(BitWords.jaccard(zero, 0, zero, 0, 1)).isEqualTo(1f);
    }

    @Test
    void unpackAndPackRoundTrip() {
        float[] words = BitWords.encode(randomBits(48));
        assertThat(BitWords.pack(BitWords.unpack(words, 3), 3)).containsExactly(words);
    }

    /** Clustered bit strings: HNSW and IVFFlat find rows no farther than the exact k-th. */
    @Test
    void indexesFindTheNearestBitStrings() {
        SyntheticVectors vectors = new SyntheticVectors(128, 40, 3);
        VectorColumn column = new VectorColumn(BitWords.words(128));
        for (int row = 0; row < 5_000; row++) {
            column.append(row, BitWords.encode(PgBitString.binaryQuantize(vectors.next())));
        }
        HnswIndex hnsw = HnswIndex.build(column, DistanceKind.HAMMING, IndexOptions.Hnsw.defaults());
        IvfFlatIndex ivf = IvfFlatIndex.build(column, DistanceKind.HAMMING, new IndexOptions.IvfFlat(50));
        double hnswFound = 0;
        double ivfFound = 0;
        for (int q = 0; q < 50; q++) {
            float[] query = BitWords.encode(PgBitString.binaryQuantize(vectors.next()));
            float kth = ExactScan.search(column, DistanceKind.HAMMING, query, 10, null)[9].distance();
            hnswFound += withinDistance(hnsw.search(query, 10, SearchOptions.defaults()), kth);
            ivfFound += withinDistance(ivf.search(query, 10, SearchOptions.defaults().withProbes(10)), kth);
        }
        assertThat(hnswFound / 500).isGreaterThanOrEqualTo(0.95);
        assertThat(ivfFound / 500).isGreaterThanOrEqualTo(0.90);
    }

    private static int withinDistance(Neighbor[] found, float kth) {
        int within = 0;
        for (Neighbor neighbor : found) {
            within += neighbor.distance() <= kth ? 1 : 0;
        }
        return within;
    }

    private PgBitString randomBits(int length) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < length; i++) {
            digits.append(random.nextInt(4) == 0 ? '1' : '0');
        }
        return PgBitString.parse(digits.toString());
    }
}

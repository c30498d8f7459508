package io.quiver.index;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The quantizers' codes, and HNSW and IVFFlat searching on them with re-ranking, on low-rank clustered data. */
class QuantizationTest {
    private static final int ROWS = 5_000;
    private static final int DIMENSIONS = 128;
    private static final int QUERIES = 50;
    private static final LowRankClusters DATA = new LowRankClusters(DIMENSIONS, 50, 8, new SplittableRandom(7));
    private static VectorColumn column;
    private static HnswIndex float32Hnsw;
    private static IvfFlatIndex float32Ivfflat;

    @BeforeAll
    static void data() {
        column = new VectorColumn(DIMENSIONS);
        for (int row = 0; row < ROWS; row++) {
            column.append(row + 1, DATA.next());
        }
        float32Hnsw = HnswIndex.build(column, DistanceKind.L2, IndexOptions.Hnsw.defaults());
        float32Ivfflat = IvfFlatIndex.build(column, DistanceKind.L2, new IndexOptions.IvfFlat(20));
    }

    @Test
    void sq8DecodesWithinHalfAStep() {
        Quantizer sq8 = train("sq8", DistanceKind.L2);
        float[] vector = column.get(17);
        byte[] code = new byte[sq8.codeBytes()];
        sq8.encode(vector, 0, code, 0);
        assertThat(code).hasSize(DIMENSIONS);
        float[] decoded = sq8.decode(code, 0);
        for (int d = 0; d < DIMENSIONS; d++) {
            // The range of a dimension is at most ~40 wide here: half a step of 255 is under 0.08.
            assertThat(decoded[d]).isCloseTo(vector[d], within(0.1f));
        }
    }

    @Test
    void pqCodesAreTheNearestCentroidsAndScoreAsTheirDecodedVector() {
        Quantizer pq = train("pq", DistanceKind.L2);
        assertThat(pq.codeBytes()).isEqualTo(DIMENSIONS / 4);
        float[] vector = column.get(3);
        byte[] code = new byte[pq.codeBytes()];
        pq.encode(vector, 0, code, 0);
        float[] decoded = pq.decode(code, 0);
        float[] query = column.get(4);
        float exactOfDecoded = DistanceKind.L2.key(query, 0, decoded, 0, DIMENSIONS);
        assertThat(pq.scorer(query).key(code, 0)).isCloseTo(exactOfDecoded, within(exactOfDecoded * 1e-4f));
        // Re-encoding the decoded vector gives the same code: each byte names its group's nearest centroid.
        byte[] again = new byte[pq.codeBytes()];
        pq.encode(decoded, 0, again, 0);
        assertThat(again).isEqualTo(code);
    }

    @Test
    void bqKeepsOneBitPerDimensionAndScoresTwoCodesByHammingDistance() {
        Quantizer bq = train("bq", DistanceKind.L2);
        assertThat(bq.codeBytes()).isEqualTo(DIMENSIONS / 8);
        byte[] codes = new byte[2 * bq.codeBytes()];
        bq.encode(column.get(1), 0, codes, 0);
        bq.encode(column.get(2), 0, codes, bq.codeBytes());
        int hamming = 0;
        for (int i = 0; i < bq.codeBytes(); i++) {
            hamming += Integer.bitCount((codes[i] ^ codes[bq.codeBytes() + i]) & 0xFF);
        }
        assertThat(bq.scorer(codes, 0).key(codes, bq.codeBytes())).isEqualTo(2f * hamming - DIMENSIONS);
    }

    @ParameterizedTest
    @EnumSource(value = DistanceKind.class, names = {"HAMMING", "JACCARD"}, mode = EnumSource.Mode.EXCLUDE)
    void pqRanksEveryDistanceKind(DistanceKind kind) {
        HnswIndex index = HnswIndex.build(column, kind, IndexOptions.hnsw(Map.of("quantization", "pq")));
        assertThat(meanRecall(index, SearchOptions.defaults())).isGreaterThanOrEqualTo(0.95);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sq8", "pq", "bq"})
    void hnswRecallAtDefaultsAndMemory(String method) {
        HnswIndex quantized = HnswIndex.build(column, DistanceKind.L2,
                IndexOptions.hnsw(Map.of("quantization", method)));
        assertThat(meanRecall(quantized, SearchOptions.defaults())).isGreaterThanOrEqualTo(0.95);
        long codes = quantized.stats().memoryBytes() - float32Hnsw.stats().memoryBytes();
        assertThat(codes).isPositive().isLessThanOrEqualTo(ROWS * DIMENSIONS * (long) Float.BYTES / 4 + 2048);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sq8", "pq", "bq"})
    void ivfflatRecallAndMemory(String method) {
        IvfFlatIndex quantized = IvfFlatIndex.build(column, DistanceKind.L2,
                IndexOptions.ivfflat(Map.of("lists", "20", "quantization", method)));
        SearchOptions options = SearchOptions.defaults().withProbes(10);
        assertThat(meanRecall(quantized, options)).isGreaterThanOrEqualTo(0.95);
        assertThat((double) quantized.stats().memoryBytes()).isLessThanOrEqualTo(float32Ivfflat.stats().memoryBytes() * 0.26);
    }

    /** Saved and loaded, the codes come back as they were (no retraining): the same answers, rows added since coded. */
    @ParameterizedTest
    @ValueSource(strings = {"hnsw", "ivfflat"})
    void codesSurviveSaveAndLoad(String method, @TempDir Path directory) {
        VectorColumn own = new VectorColumn(DIMENSIONS);
        LowRankClusters data = new LowRankClusters(DIMENSIONS, 20, 8, new SplittableRandom(3));
        for (int row = 0; row < 3_000; row++) {
            own.append(row + 1, data.next());
        }
        Map<String, String> with = Map.of("quantization", "pq", "pq_subspaces", "16", "lists", "10");
        VectorIndex index = method.equals("hnsw")
                ? HnswIndex.build(own, DistanceKind.L2, IndexOptions.hnsw(Map.of("quantization", "pq", "pq_subspaces", "16")))
                : IvfFlatIndex.build(own, DistanceKind.L2, IndexOptions.ivfflat(with));
        own.deleteSlot(5);
        index.delete(5);
        float[] query = data.next();
        SearchOptions options = SearchOptions.defaults().withProbes(10);
        Neighbor[] before = index.search(query, 10, options);
        index.save(directory);
        float[] added = data.next();
        own.append(3_001, added);
        VectorIndex loaded = IndexFiles.load(directory, own);
        assertThat(loaded.search(query, 10, options)).extracting(Neighbor::rowId)
                .containsExactlyElementsOf(java.util.Arrays.stream(before).map(Neighbor::rowId).toList());
        assertThat(loaded.search(added, 1, options)[0].rowId()).isEqualTo(3_001);
        assertThat(loaded.search(own.get(5), 10, options)).extracting(Neighbor::rowId).doesNotContain(6L);
    }

    private static Quantizer train(String method, DistanceKind kind) {
        int[] sample = new int[ROWS];
        java.util.Arrays.setAll(sample, i -> i);
        return Quantizer.train(IndexOptions.quantization(Map.of("quantization", method)), kind, column, sample);
    }

    private static double meanRecall(VectorIndex index, SearchOptions options) {
        double total = 0;
        for (int q = 0; q < QUERIES; q++) {
            float[] query = DATA.next();
            total += Recall.of(index.search(query, 10, options),
                    ExactScan.search(column, index.distanceKind(), query, 10, null));
        }
        return total / QUERIES;
    }
}

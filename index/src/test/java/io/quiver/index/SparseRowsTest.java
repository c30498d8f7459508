package io.quiver.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quiver.common.error.QuiverException;
import io.quiver.common.vector.SparseMath;
import io.quiver.common.vector.SparseVector;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sparse vectors in a variable-width column: the kernels agree with pgvector's sparsevec functions, the column
 * keeps each row's own length, and HNSW finds the nearest rows for every distance.
 */
class SparseRowsTest {
    private static final int DIMENSIONS = 30_000;
    private final Random random = new Random(9);
    private final SparseVector[] topics = randomTopics();

    @Test
    void kernelsMatchTheSparsevecFunctions() {
        for (int i = 0; i < 200; i++) {
            SparseVector a = randomSparse(random.nextInt(20));
            SparseVector b = randomSparse(random.nextInt(20));
            float[] x = SparseRows.encode(a);
            float[] y = SparseRows.encode(b);
            int v = VectorColumn.VARIABLE;
            assertThat((double) DistanceKind.L2.distance(DistanceKind.L2.key(x, 0, y, 0, v)))
                    .isCloseTo(SparseMath.l2Distance(a, b), within(1e-4));
            assertThat((double) DistanceKind.INNER_PRODUCT.key(x, 0, y, 0, v))
                    .isCloseTo(SparseMath.negativeInnerProduct(a, b), within(1e-4));
            assertThat((double) DistanceKind.L1.key(x, 0, y, 0, v)).isCloseTo(SparseMath.l1Distance(a, b), within(1e-4));
            double cosine = SparseMath.cosineDistance(a, b);
            if (!Double.isNaN(cosine)) {
                assertThat((double) DistanceKind.COSINE.key(x, 0, y, 0, v)).isCloseTo(cosine, within(1e-5));
            }
        }
    }

    @Test
    void indicesBeyondFloatPrecisionStayExact() {
        SparseVector far = new SparseVector(SparseVector.MAX_DIMENSIONS, new int[] {16_777_217, 999_999_999},
                new float[] {1, 2});
        SparseVector near = new SparseVector(SparseVector.MAX_DIMENSIONS, new int[] {16_777_216, 999_999_999},
                new float[] {1, 2});
        float[] x = SparseRows.encode(far);
        assertThat(DistanceKind.L2.key(x, 0, x, 0, VectorColumn.VARIABLE)).isZero();
        assertThat(DistanceKind.L2.key(x, 0, SparseRows.encode(near), 0, VectorColumn.VARIABLE)).isEqualTo(2f);
    }

    @Test
    void aVariableWidthColumnKeepsEachRowsLength() {
        VectorColumn column = VectorColumn.variableWidth();
        for (int row = 0; row < 20_000; row++) {
            column.append(row, SparseRows.encode(randomSparse(row % 7)));
        }
        for (int slot = 0; slot < 20_000; slot += 997) {
            assertThat(column.get(slot)).hasSize(1 + 2 * (slot % 7));
            assertThat(SparseRows.nonZeros(column.data(slot), column.offset(slot))).isEqualTo(slot % 7);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DistanceKind.class, names = {"HAMMING", "JACCARD"}, mode = EnumSource.Mode.EXCLUDE)
    void hnswFindsTheNearestSparseRows(DistanceKind kind) {
        VectorColumn column = topicClusteredRows();
        HnswIndex index = HnswIndex.build(column, kind, IndexOptions.Hnsw.defaults());
        // Rows of one topic are nearly equidistant from a query near it, so a row counts as found when it is no
        // farther than the exact k-th. Each topic shares half its elements with the one before, but the others
        // are still all about equally far, so a walk that enters the graph in the wrong topic has little to
        // steer by: at ef_search 40 about one build in a hundred misses a whole topic or two (0.87); at 100 the
        // worst of 100 builds measured 0.978.
        SearchOptions search = SearchOptions.defaults().withEfSearch(100);
        int found = 0;
        for (int q = 0; q < 40; q++) {
            float[] query = SparseRows.encode(near(topics[random.nextInt(topics.length)]));
            float kth = ExactScan.search(column, kind, query, 10, null)[9].distance();
            for (Neighbor neighbor : index.search(query, 10, search)) {
                found += neighbor.distance() <= kth ? 1 : 0;
            }
        }
        assertThat(found / 400.0).isGreaterThanOrEqualTo(0.95);
    }

    /**
     * Pruning alone left 1.5-12% of these rows (whole topics among them) unreachable from the entry point,
     * where no search could ever find them; the build links them back (none left in 60 builds measured).
     */
    @ParameterizedTest
    @EnumSource(value = DistanceKind.class, names = {"HAMMING", "JACCARD"}, mode = EnumSource.Mode.EXCLUDE)
    void hnswReachesEveryRowAfterABuild(DistanceKind kind) {
        HnswIndex index = HnswIndex.build(topicClusteredRows(), kind, IndexOptions.Hnsw.defaults());
        assertThat(index.unreachableNodes()).isLessThanOrEqualTo(2);
    }

    @Test
    void hnswRefusesSparseVectorsWithMoreThanAThousandNonZeros() {
        VectorColumn column = VectorColumn.variableWidth();
        column.append(1, SparseRows.encode(randomSparse(1_001)));
        assertThatThrownBy(() -> HnswIndex.build(column, DistanceKind.L2, IndexOptions.Hnsw.defaults()))
                .isInstanceOf(QuiverException.class)
                .hasMessage("sparsevec cannot have more than 1000 non-zero elements for hnsw index");
    }

    /** 4,000 rows around the 30 topics, taken in turn. */
    private VectorColumn topicClusteredRows() {
        VectorColumn column = VectorColumn.variableWidth();
        for (int row = 0; row < 4_000; row++) {
            column.append(row, SparseRows.encode(near(topics[row % topics.length])));
        }
        return column;
    }

    /** A topic's vector with a third of its elements moved a little and two elements of its own. */
    private SparseVector near(SparseVector topic) {
        TreeMap<Integer, Float> elements = new TreeMap<>();
        for (int i = 0; i < topic.nonZeros(); i++) {
            float value = topic.values()[i];
            elements.put(topic.indices()[i],
                    random.nextInt(3) == 0 ? value + 0.3f * (float) random.nextGaussian() : value);
        }
        for (int i = 0; i < 2; i++) {
            elements.put(random.nextInt(DIMENSIONS), (float) random.nextGaussian());
        }
        return sparse(elements);
    }

    /** 30 topics of 40 elements, each keeping every other element of the one before, as topics share words. */
    private SparseVector[] randomTopics() {
        SparseVector[] drawn = new SparseVector[30];
        drawn[0] = randomSparse(40);
        for (int t = 1; t < drawn.length; t++) {
            TreeMap<Integer, Float> elements = new TreeMap<>();
            for (int i = 0; i < drawn[t - 1].nonZeros(); i += 2) {
                elements.put(drawn[t - 1].indices()[i], drawn[t - 1].values()[i]);
            }
            while (elements.size() < 40) {
                elements.put(random.nextInt(DIMENSIONS), (float) random.nextGaussian() + 0.1f);
            }
            drawn[t] = sparse(elements);
        }
        return drawn;
    }

    private SparseVector randomSparse(int nonZeros) {
        TreeMap<Integer, Float> elements = new TreeMap<>();
        while (elements.size() < nonZeros) {
            elements.put(random.nextInt(DIMENSIONS), (float) random.nextGaussian() + 0.1f);
        }
        return sparse(elements);
    }

    private static SparseVector sparse(TreeMap<Integer, Float> elements) {
        int[] indices = elements.keySet().stream().mapToInt(Integer::intValue).toArray();
        float[] values = new float[indices.length];
        int i = 0;
        for (float value : elements.values()) {
            values[i++] = value;
        }
        return new SparseVector(DIMENSIONS, indices, values);
    }
}

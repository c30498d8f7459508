package io.quiver.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.BitSet;

import static org.assertj.core.api.Assertions.assertThat;

class IvfFlatIndexTest {
    private final SyntheticVectors data = new SyntheticVectors(128, 50, 11);

    @Test
    void recallAtTenWithHundredListsAndTenProbes() {
        VectorColumn column = data.column(20_000);
        IvfFlatIndex index = IvfFlatIndex.build(column, DistanceKind.L2, new IndexOptions.IvfFlat(100));
        SearchOptions options = SearchOptions.defaults().withProbes(10);
        double recall = 0;
        for (int q = 0; q < 50; q++) {
            float[] query = data.next();
            recall += Recall.of(index.search(query, 10, options),
                    ExactScan.search(column, DistanceKind.L2, query, 10, null));
        }
        assertThat(recall / 50).isGreaterThanOrEqualTo(0.90);
        assertThat(index.stats().entries()).isEqualTo(20_000);
        assertThat(index.stats().lists()).isEqualTo(100);
        assertThat(index.notice()).isEmpty();
    }

    @Test
    void indexOnAnEmptyTableSearchesExactlyThenTrains() {
        VectorColumn column = new VectorColumn(128);
        IvfFlatIndex index = IvfFlatIndex.build(column, DistanceKind.COSINE, new IndexOptions.IvfFlat(10));
        assertThat(index.trained()).isFalse();
        for (int row = 1; row <= 600; row++) {
            index.insert(column.append(row, data.next()));
            if (row == 100) {
                float[] query = data.next();
                assertThat(index.search(query, 5, SearchOptions.defaults()))
                        .containsExactly(ExactScan.search(column, DistanceKind.COSINE, query, 5, null));
            }
        }
        assertThat(index.trained()).isTrue();
        assertThat(index.stats().entries()).isEqualTo(600);
    }

    @Test
    void littleDataGivesPgvectorsNotice() {
        IvfFlatIndex index = IvfFlatIndex.build(data.column(5), DistanceKind.L2, new IndexOptions.IvfFlat(10));
        assertThat(index.notice()).contains("ivfflat index created with little data");
        assertThat(index.search(data.next(), 5, SearchOptions.defaults())).hasSize(5);
    }

    @Test
    void filtersAndDeletesAreHonouredWithKRows() {
        VectorColumn column = data.column(5_000);
        IvfFlatIndex index = IvfFlatIndex.build(column, DistanceKind.INNER_PRODUCT, new IndexOptions.IvfFlat(50));
        BitSet allowed = new BitSet();
        for (int slot = 0; slot < 5_000; slot += 1_000) {
            allowed.set(slot);
        }
        column.deleteSlot(0);
        Neighbor[] found = index.search(data.next(), 10, SearchOptions.defaults().withFilter(allowed::get));
        assertThat(found).hasSize(4).allMatch(n -> allowed.get(n.slot()) && n.slot() != 0);
    }

    @Test
    void saveAndLoadGiveIdenticalResults(@TempDir Path directory) {
        VectorColumn column = data.column(5_000);
        IvfFlatIndex index = IvfFlatIndex.build(column, DistanceKind.L2, new IndexOptions.IvfFlat(20));
        index.save(directory);
        VectorIndex loaded = IndexFiles.load(directory, column);
        SearchOptions options = SearchOptions.defaults().withProbes(3);
        for (int q = 0; q < 10; q++) {
            float[] query = data.next();
            assertThat(loaded.search(query, 10, options)).containsExactly(index.search(query, 10, options));
        }
    }
}

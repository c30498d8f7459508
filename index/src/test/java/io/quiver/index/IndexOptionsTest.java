package io.quiver.index;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Messages as the pgvector 0.8.6 reference server gives them. */
class IndexOptionsTest {
    @Test
    void hnswOptionsAndDefaults() {
        assertThat(IndexOptions.hnsw(Map.of())).isEqualTo(new IndexOptions.Hnsw(16, 64));
        assertThat(IndexOptions.hnsw(Map.of("m", "2", "ef_construction", "4"))).isEqualTo(new IndexOptions.Hnsw(2, 4));
        assertThat(IndexOptions.hnsw(Map.of("m", " 0x10 "))).isEqualTo(new IndexOptions.Hnsw(16, 64));
    }

    @Test
    void hnswRangesAndMessages() {
        assertError(() -> IndexOptions.hnsw(Map.of("m", "1")), "value 1 out of bounds for option \"m\"");
        assertThatThrownBy(() -> IndexOptions.hnsw(Map.of("m", "101")))
                .isInstanceOfSatisfying(QuiverException.class,
                        e -> assertThat(e.detail()).isEqualTo("Valid values are between \"2\" and \"100\"."));
        assertError(() -> IndexOptions.hnsw(Map.of("m", "abc")), "invalid value for integer option \"m\": abc");
        assertError(() -> IndexOptions.hnsw(Map.of("ef_construction", "3")),
                "value 3 out of bounds for option \"ef_construction\"");
        assertError(() -> IndexOptions.hnsw(Map.of("m", "16", "ef_construction", "20")),
                "ef_construction must be greater than or equal to 2 * m");
        assertError(() -> IndexOptions.hnsw(Map.of("foo", "1")), "unrecognized parameter \"foo\"");
    }

    @Test
    void ivfflatRangesAndMessages() {
        assertThat(IndexOptions.ivfflat(Map.of("lists", "32768")).lists()).isEqualTo(32768);
        assertError(() -> IndexOptions.ivfflat(Map.of("lists", "0")), "value 0 out of bounds for option \"lists\"");
        assertError(() -> IndexOptions.ivfflat(Map.of("lists", "32769")),
                "value 32769 out of bounds for option \"lists\"");
    }

    @Test
    void searchSettings() {
        assertThat(IndexOptions.efSearch("100")).isEqualTo(100);
        assertThat(IndexOptions.probes("200")).isEqualTo(200);
        assertError(() -> IndexOptions.efSearch("0"),
                "0 is outside the valid range for parameter \"hnsw.ef_search\" (1 .. 1000)");
        assertError(() -> IndexOptions.efSearch("x"), "invalid value for parameter \"hnsw.ef_search\": \"x\"");
        assertError(() -> IndexOptions.probes("40000"),
                "40000 is outside the valid range for parameter \"ivfflat.probes\" (1 .. 32768)");
    }

    @Test
    void operatorClasses() {
        assertThat(DistanceKind.forOpclass("vector_l1_ops", "hnsw")).isEqualTo(DistanceKind.L1);
        assertThat(DistanceKind.forOpclass("vector_ip_ops", "ivfflat")).isEqualTo(DistanceKind.INNER_PRODUCT);
        assertThatThrownBy(() -> DistanceKind.forOpclass("vector_l1_ops", "ivfflat"))
                .isInstanceOfSatisfying(QuiverException.class, e -> {
                    assertThat(e.state()).isEqualTo(SqlState.UNDEFINED_OBJECT);
                    assertThat(e.getMessage()).isEqualTo(
                            "operator class \"vector_l1_ops\" does not exist for access method \"ivfflat\"");
                });
    }

    private static void assertError(Runnable action, String message) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(QuiverException.class, e -> {
            assertThat(e.state()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}

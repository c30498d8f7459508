package io.quiver.sql.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SortKeyComparatorsTest {
    @Test
    void doublesSortAsPostgresDoes() {
        List<Object> values = new ArrayList<>(Arrays.asList(1.5, Double.NaN, null, -2.0, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY));
        values.sort(SortKeyComparators.nullsComparator(false, false));
        assertThat(values).containsExactly(Double.NEGATIVE_INFINITY, -2.0, 1.5, Double.POSITIVE_INFINITY, Double.NaN,
                null);
        values.sort(SortKeyComparators.nullsComparator(false, true));
        assertThat(values).containsExactly(Double.NaN, Double.POSITIVE_INFINITY, 1.5, -2.0, Double.NEGATIVE_INFINITY,
                null);
        values.sort(SortKeyComparators.nullsComparator(true, true));
        assertThat(values.get(0)).isNull();
    }

    @Test
    void zeroAndMinusZeroAreEqualAsInPostgres() {
        assertThat(SortKeyComparators.nullsComparator(false, false).compare(-0.0, 0.0)).isZero();
        assertThat(SortKeyComparators.nullsComparator(false, false).compare(-0.0f, 0.0f)).isZero();
    }

    @Test
    void otherNumbersAndMixedClassesKeepTheirOrder() {
        assertThat(SortKeyComparators.nullsComparator(false, false).compare(new BigDecimal("2.50"), new BigDecimal("2.5")))
                .isZero();
        assertThat(SortKeyComparators.nullsComparator(false, false).compare(3L, 20L)).isNegative();
        assertThat(SortKeyComparators.nullsComparator(false, false).compare(3, 2.5)).isPositive();
        assertThat(SortKeyComparators.nullsComparator(false, true).compare("a", "b")).isPositive();
    }
}

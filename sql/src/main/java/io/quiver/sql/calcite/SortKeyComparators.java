package io.quiver.sql.calcite;

import java.util.Comparator;
import org.apache.calcite.linq4j.function.Functions;

/**
 * The comparators of single-key sorts in generated code, in place of Calcite's
 * {@link Functions#nullsComparator(boolean, boolean)}, which compares any two numbers by converting both to
 * {@code BigDecimal}: exactly, so a double costs a {@code BigInteger} power. A k-NN query sorts its k rows
 * by a double distance, and that conversion held a third of the CPU samples of a k-NN loop on a freshly
 * started server (less once the JIT has compiled it), and failed on NaN and the infinities.
 * Two values of one numeric class compare directly here, as PostgreSQL orders them (NaN above every number,
 * -0 equal to 0); anything else goes to Calcite's comparator. NULLs go first or last whatever the direction,
 * as in Calcite's.
 */
public final class SortKeyComparators {
    private static final Comparator<Object>[] COMPARATORS = comparators();

    private SortKeyComparators() {
    }

    /** Called by generated code, with the arguments of the {@code Functions.nullsComparator} it replaces. */
    public static Comparator<Object> nullsComparator(boolean nullsFirst, boolean reverse) {
        return COMPARATORS[(nullsFirst ? 2 : 0) + (reverse ? 1 : 0)];
    }

    @SuppressWarnings("unchecked")
    private static Comparator<Object>[] comparators() {
        Comparator<Object>[] comparators = new Comparator[4];
        for (int i = 0; i < 4; i++) {
            comparators[i] = comparator(i >= 2, i % 2 == 1);
        }
        return comparators;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Object> comparator(boolean nullsFirst, boolean reverse) {
        Comparator calcite = Functions.nullsComparator(nullsFirst, reverse);
        return (a, b) -> {
            if (a == null || b == null || a.getClass() != b.getClass() || !(a instanceof Number)) {
                return calcite.compare(a, b);
            }
            int order = compareNumbers(a, b);
            return reverse ? -order : order;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareNumbers(Object a, Object b) {
        if (a instanceof Double x) {
            double y = (Double) b;
            return x == y ? 0 : Double.compare(x, y);
        }
        if (a instanceof Float x) {
            float y = (Float) b;
            return x == y ? 0 : Float.compare(x, y);
        }
        return ((Comparable) a).compareTo(b);
    }
}

package io.quiver.storage;

/**
 * Which entries of a secondary index a scan reads: those whose leading key values lie between two bounds.
 * A bound gives values for the first columns of the key (equal values for an equality lookup); null leaves
 * that side open.
 */
public record IndexBounds(Object[] lower, boolean lowerInclusive, Object[] upper, boolean upperInclusive) {
    /** The entries whose first key columns equal {@code values}. */
    public static IndexBounds equalTo(Object... values) {
        return new IndexBounds(values, true, values, true);
    }
}

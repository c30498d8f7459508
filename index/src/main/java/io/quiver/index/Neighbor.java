package io.quiver.index;

/**
 * One search hit: the slot in the column, the storage row it holds, and the value of the distance
 * operator (e.g. the Euclidean distance for {@code <->}, the negative inner product for {@code <#>}).
 */
public record Neighbor(int slot, long rowId, float distance) {
}

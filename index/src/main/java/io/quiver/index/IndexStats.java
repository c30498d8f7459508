package io.quiver.index;

import java.time.Duration;

/**
 * What an index reports about itself. {@code averageDegree} is HNSW's mean neighbours per node on the
 * base layer (NaN for IVFFlat); {@code lists} and {@code largestList} are IVFFlat's (0 for HNSW).
 */
public record IndexStats(String accessMethod, long entries, long memoryBytes, Duration buildTime,
                         double averageDegree, int lists, int largestList) {
}

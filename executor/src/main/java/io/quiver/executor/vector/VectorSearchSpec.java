package io.quiver.executor.vector;

import io.quiver.catalog.TableDefinition;
import io.quiver.executor.schema.TableStorageResolver;
import io.quiver.index.DistanceKind;

/**
 * What a compiled {@link VectorSearch} needs when it runs, handed to the generated code as one object:
 * the table and column searched, the distance, how many rows the query wants, and the engine's vectors.
 */
public record VectorSearchSpec(TableDefinition table, int column, DistanceKind kind, int k,
                               VectorIndexes indexes, TableStorageResolver storage) {
}

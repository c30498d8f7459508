package io.quiver.executor.vector;

import io.quiver.catalog.TableDefinition;
import io.quiver.executor.schema.TableStorageResolver;
import io.quiver.executor.session.SessionSettings;
import io.quiver.index.DistanceKind;

/**
 * What a compiled {@link VectorSearch} needs when it runs, handed to the generated code as one object:
 * the table and the source of the vectors searched (a column or an index expression), the distance, how many
 * rows the query wants, the share of rows the filter above is estimated to pass (1 without one), and the
 * engine's vectors.
 */
public record VectorSearchSpec(TableDefinition table, VectorSource source, DistanceKind kind, int k, double selectivity,
                               VectorIndexes indexes, TableStorageResolver storage) {
    /** The cheapest access for {@code rows} rows now, with the session's settings. */
    VectorAccess access(long rows, SessionSettings settings) {
        return VectorAccess.choose(table, source, kind, rows, selectivity, k, settings,
                index -> indexes.averageDegree(table, index));
    }
}

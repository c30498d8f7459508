package io.quiver.executor.index;

import io.quiver.catalog.IndexDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.executor.schema.TableStorageResolver;

/**
 * What an {@link IndexScan} reads, fixed at planning: the table, the index, the shape of its bounds. The
 * bound values are computed when the plan runs (they may be parameters).
 *
 * @param probes how many probes (1, or the length of an IN list)
 * @param probeWidth the values per probe's lower bound (0 for an open lower bound)
 * @param upperWidth the values of a range's upper bound (0 when open or not a range)
 * @param primaryKey whether the index is the table's primary key, whose probes are whole-key lookups
 * @param withRowId whether rows carry their row id last (the table UPDATE and DELETE read their targets from)
 */
public record IndexScanSpec(TableDefinition table, IndexDefinition index, TableStorageResolver storage, int probes,
                            int probeWidth, IndexCondition.RangeKind lowerKind, int upperWidth,
                            IndexCondition.RangeKind upperKind, boolean primaryKey,
                            boolean withRowId) {
}

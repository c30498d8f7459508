package io.quiver.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A vector index on one column of its table (pgvector's hnsw or ivfflat). Indexes share the relation
 * namespace of their schema with tables, as in PostgreSQL's pg_class.
 *
 * @param oid the index's OID (pg_class.oid), also the name of its directory under the data directory
 * @param name the index name
 * @param column the index of the indexed column in its table
 * @param method the access method, {@code hnsw} or {@code ivfflat}
 * @param opclass the operator class, e.g. {@code vector_l2_ops}
 * @param options the WITH (...) options as written, keys lower-cased
 */
public record IndexDefinition(long oid, String name, int column, String method, String opclass,
                              Map<String, String> options) {
    public IndexDefinition {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }
}

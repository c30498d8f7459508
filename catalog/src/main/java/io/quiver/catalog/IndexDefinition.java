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
 * @param column the index of the indexed column in its table's (visible) columns
 * @param method the access method, {@code hnsw} or {@code ivfflat}
 * @param opclass the operator class, e.g. {@code vector_l2_ops}
 * @param options the WITH (...) options as written, keys lower-cased, checked against pgvector's ranges
 * @param state whether it serves queries yet
 * @param createdAtMillis when CREATE INDEX ran, in milliseconds since the epoch (0 when unknown)
 * @param comment COMMENT ON INDEX text, or null
 */
public record IndexDefinition(long oid, String name, int column, String method, String opclass,
                              Map<String, String> options, IndexBuildState state, long createdAtMillis,
                              String comment) {
    public IndexDefinition {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** A committed index created now. */
    public IndexDefinition(long oid, String name, int column, String method, String opclass,
                           Map<String, String> options) {
        this(oid, name, column, method, opclass, options, IndexBuildState.READY, System.currentTimeMillis(), null);
    }

    public IndexDefinition withName(String newName) {
        return new IndexDefinition(oid, newName, column, method, opclass, options, state, createdAtMillis, comment);
    }

    public IndexDefinition withColumn(int newColumn) {
        return new IndexDefinition(oid, name, newColumn, method, opclass, options, state, createdAtMillis, comment);
    }

    public IndexDefinition withOptions(Map<String, String> newOptions) {
        return new IndexDefinition(oid, name, column, method, opclass, newOptions, state, createdAtMillis, comment);
    }

    public IndexDefinition withState(IndexBuildState newState) {
        return new IndexDefinition(oid, name, column, method, opclass, options, newState, createdAtMillis, comment);
    }

    public IndexDefinition withComment(String newComment) {
        return new IndexDefinition(oid, name, column, method, opclass, options, state, createdAtMillis, newComment);
    }
}

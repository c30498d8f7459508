package io.quiver.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An index on its table: a vector index on one column (pgvector's hnsw or ivfflat) or a B-tree (btree or
 * hash) on one or more scalar columns. Indexes share the relation namespace of their schema with tables, as
 * in PostgreSQL's pg_class.
 *
 * @param oid the index's OID (pg_class.oid), also the name of its directory or map in storage
 * @param name the index name
 * @param columns the indexes of the key columns in their table's (visible) columns, in key order
 * @param method the access method: {@code hnsw}, {@code ivfflat}, {@code btree} or {@code hash}
 * @param opclass the operator class of a vector index, e.g. {@code vector_l2_ops}; empty for the others
 * @param options the WITH (...) options as written, keys lower-cased, checked against pgvector's ranges
 * @param state whether it serves queries yet
 * @param createdAtMillis when CREATE INDEX ran, in milliseconds since the epoch (0 when unknown)
 * @param comment COMMENT ON INDEX text, or null
 * @param unique whether it is a UNIQUE index
 * @param expression the key of an expression index (whose {@code columns} are the ones it reads), else null
 */
public record IndexDefinition(long oid, String name, List<Integer> columns, String method, String opclass,
                              Map<String, String> options, IndexBuildState state, long createdAtMillis,
                              String comment, boolean unique, IndexExpression.Call expression) {
    public IndexDefinition {
        columns = List.copyOf(columns);
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** A non-unique index on one column. */
    public IndexDefinition(long oid, String name, int column, String method, String opclass,
                           Map<String, String> options, IndexBuildState state, long createdAtMillis,
                           String comment) {
        this(oid, name, List.of(column), method, opclass, options, state, createdAtMillis, comment, false, null);
    }

    /** A committed index on one column created now. */
    public IndexDefinition(long oid, String name, int column, String method, String opclass,
                           Map<String, String> options) {
        this(oid, name, column, method, opclass, options, IndexBuildState.READY, System.currentTimeMillis(), null);
    }

    /** A committed vector index on an expression reading {@code columns}, created now. */
    public static IndexDefinition onExpression(long oid, String name, List<Integer> columns, String method,
                                               String opclass, Map<String, String> options,
                                               IndexExpression.Call expression) {
        return new IndexDefinition(oid, name, columns, method, opclass, options, IndexBuildState.READY,
                System.currentTimeMillis(), null, false, expression);
    }

    /** The (first) key column; a vector index's only one, or the first an expression index reads. */
    public int column() {
        return columns.get(0);
    }

    /** Whether it is a B-tree or hash index on scalar columns, kept in storage rather than in memory. */
    public boolean isScalar() {
        return method.equals("btree") || method.equals("hash");
    }

    public IndexDefinition withName(String newName) {
        return new IndexDefinition(oid, newName, columns, method, opclass, options, state, createdAtMillis, comment,
                unique, expression);
    }

    public IndexDefinition withColumn(int newColumn) {
        return withColumns(List.of(newColumn));
    }

    public IndexDefinition withColumns(List<Integer> newColumns) {
        return new IndexDefinition(oid, name, newColumns, method, opclass, options, state, createdAtMillis, comment,
                unique, expression);
    }

    public IndexDefinition withOptions(Map<String, String> newOptions) {
        return new IndexDefinition(oid, name, columns, method, opclass, newOptions, state, createdAtMillis, comment,
                unique, expression);
    }

    public IndexDefinition withState(IndexBuildState newState) {
        return new IndexDefinition(oid, name, columns, method, opclass, options, newState, createdAtMillis, comment,
                unique, expression);
    }

    public IndexDefinition withComment(String newComment) {
        return new IndexDefinition(oid, name, columns, method, opclass, options, state, createdAtMillis, newComment,
                unique, expression);
    }
}

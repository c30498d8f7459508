package io.quiver.catalog;

import io.quiver.common.type.PgType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A table (a collection): its identity, life cycle, columns, primary key and vector indexes.
 *
 * @param oid the table's OID (pg_class.oid), also its storage id
 * @param schema the schema it lives in
 * @param name the table name
 * @param columns its visible columns in attribute order (attnum = index + 1)
 * @param primaryKey the indexes of the primary key columns, empty when there is none
 * @param primaryKeyName the primary key constraint's name ({@code items_pkey}), or null
 * @param comment COMMENT ON TABLE text, or null
 * @param indexes its vector indexes, in creation order
 * @param uuid a stable identifier that, unlike the name, survives renames and is never reused
 * @param state where it is in its life cycle
 * @param version 1 when created, increased by every DDL change to it
 * @param createdAtMillis when CREATE TABLE ran, in milliseconds since the epoch (0 when unknown)
 * @param droppedColumns the slots of dropped columns, which stored rows may still carry
 */
public record TableDefinition(long oid, String schema, String name, List<ColumnDefinition> columns,
                              List<Integer> primaryKey, String primaryKeyName, String comment,
                              List<IndexDefinition> indexes, UUID uuid, CollectionState state, long version,
                              long createdAtMillis, List<DroppedColumn> droppedColumns) {
    public TableDefinition {
        columns = assignSlots(columns, droppedColumns);
        primaryKey = List.copyOf(primaryKey);
        indexes = List.copyOf(indexes);
        droppedColumns = List.copyOf(droppedColumns);
    }

    /** A new table, created now. */
    public TableDefinition(long oid, String schema, String name, List<ColumnDefinition> columns,
                           List<Integer> primaryKey, String primaryKeyName, String comment) {
        this(oid, schema, name, columns, primaryKey, primaryKeyName, comment, List.of(), UUID.randomUUID(),
                CollectionState.SERVING, 1, System.currentTimeMillis(), List.of());
    }

    /** The identifier of a table persisted before tables had one: derived from its OID, so it is stable. */
    static UUID legacyUuid(long oid) {
        return UUID.nameUUIDFromBytes(("quiver-table-" + oid).getBytes(StandardCharsets.UTF_8));
    }

    /** Gives columns without a slot the next free ones, after every slot in use or dropped. */
    private static List<ColumnDefinition> assignSlots(List<ColumnDefinition> columns, List<DroppedColumn> dropped) {
        int next = nextSlot(columns, dropped);
        List<ColumnDefinition> assigned = new ArrayList<>(columns.size());
        for (ColumnDefinition column : columns) {
            assigned.add(column.slot() >= 0 ? column : column.withSlot(next++));
        }
        return List.copyOf(assigned);
    }

    private static int nextSlot(List<ColumnDefinition> columns, List<DroppedColumn> dropped) {
        int next = 0;
        for (ColumnDefinition column : columns) {
            next = Math.max(next, column.slot() + 1);
        }
        for (DroppedColumn column : dropped) {
            next = Math.max(next, column.slot() + 1);
        }
        return next;
    }

    /** The type stored in each slot of a row, dropped columns' included. */
    public List<PgType> slotTypes() {
        PgType[] types = new PgType[nextSlot(columns, droppedColumns)];
        columns.forEach(c -> types[c.slot()] = c.type().type());
        droppedColumns.forEach(c -> types[c.slot()] = c.type());
        return List.of(types);
    }

    /** The index of the named column, or -1. */
    /** The name of the column stored in {@code slot}, or null (a dropped column's slot). */
    public String columnNameAtSlot(int slot) {
        return columns.stream().filter(c -> c.slot() == slot).map(ColumnDefinition::name).findFirst().orElse(null);
    }

    public int columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        return -1;
    }

    public ColumnDefinition column(int index) {
        return columns.get(index);
    }

    public QualifiedTableName qualifiedName() {
        return new QualifiedTableName(schema, name);
    }

    /** A name derived from the table's as PostgreSQL derives constraint and sequence names. */
    public static String derivedName(String table, String column, String suffix) {
        return (column == null ? table : table + "_" + column) + "_" + suffix.toLowerCase(Locale.ROOT);
    }

    /** The index named {@code indexName}, or null. */
    public IndexDefinition index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst().orElse(null);
    }

    /** The indexes whose keys include the column at {@code columnIndex}. */
    public List<IndexDefinition> indexesOn(int columnIndex) {
        return indexes.stream().filter(i -> i.columns().contains(columnIndex)).toList();
    }

    /** Its vector (hnsw, ivfflat) indexes. */
    public List<IndexDefinition> vectorIndexes() {
        return indexes.stream().filter(i -> !i.isScalar()).toList();
    }

    /** Its B-tree and hash indexes on scalar columns. */
    public List<IndexDefinition> scalarIndexes() {
        return indexes.stream().filter(IndexDefinition::isScalar).toList();
    }

    public TableDefinition withComment(String newComment) {
        return new TableDefinition(oid, schema, name, columns, primaryKey, primaryKeyName, newComment, indexes, uuid,
                state, version, createdAtMillis, droppedColumns);
    }

    public TableDefinition withName(String newName) {
        return new TableDefinition(oid, schema, newName, columns, primaryKey, primaryKeyName, comment, indexes, uuid,
                state, version, createdAtMillis, droppedColumns);
    }

    TableDefinition withState(CollectionState newState) {
        return new TableDefinition(oid, schema, name, columns, primaryKey, primaryKeyName, comment, indexes, uuid,
                newState, version, createdAtMillis, droppedColumns);
    }

    TableDefinition withVersion(long newVersion) {
        return new TableDefinition(oid, schema, name, columns, primaryKey, primaryKeyName, comment, indexes, uuid,
                state, newVersion, createdAtMillis, droppedColumns);
    }

    public TableDefinition withIndex(IndexDefinition index) {
        List<IndexDefinition> more = new ArrayList<>(indexes);
        more.add(index);
        return withIndexes(more);
    }

    public TableDefinition withoutIndex(String indexName) {
        return withIndexes(indexes.stream().filter(i -> !i.name().equals(indexName)).toList());
    }

    /** The table with the index of the same OID replaced by {@code index}. */
    public TableDefinition withIndexReplaced(IndexDefinition index) {
        return withIndexes(indexes.stream().map(i -> i.oid() == index.oid() ? index : i).toList());
    }

    TableDefinition withIndexes(List<IndexDefinition> newIndexes) {
        return new TableDefinition(oid, schema, name, columns, primaryKey, primaryKeyName, comment, newIndexes, uuid,
                state, version, createdAtMillis, droppedColumns);
    }

    /** The table with a new last column; its slot comes after every slot ever used. */
    public TableDefinition withColumn(ColumnDefinition column) {
        List<ColumnDefinition> more = new ArrayList<>(columns);
        more.add(column.withSlot(-1));
        return new TableDefinition(oid, schema, name, more, primaryKey, primaryKeyName, comment, indexes, uuid,
                state, version, createdAtMillis, droppedColumns);
    }

    /** The table with the column at {@code index} changed by {@code change} (its slot stays). */
    public TableDefinition withColumnChanged(int index, UnaryOperator<ColumnDefinition> change) {
        List<ColumnDefinition> changed = new ArrayList<>(columns);
        changed.set(index, change.apply(columns.get(index)).withSlot(columns.get(index).slot()));
        return new TableDefinition(oid, schema, name, changed, primaryKey, primaryKeyName, comment, indexes, uuid,
                state, version, createdAtMillis, droppedColumns);
    }

    /**
     * The table without the column at {@code index}, as PostgreSQL's DROP COLUMN: its slot is kept as a dropped
     * column, the indexes on it and a primary key including it go with it, later columns move up one.
     */
    public TableDefinition withoutColumn(int index) {
        ColumnDefinition removed = columns.get(index);
        List<ColumnDefinition> remaining = new ArrayList<>(columns);
        remaining.remove(index);
        List<DroppedColumn> dropped = new ArrayList<>(droppedColumns);
        dropped.add(new DroppedColumn(removed.slot(), removed.type().type()));
        boolean keyGoes = primaryKey.contains(index);
        List<Integer> key = keyGoes ? List.of() : primaryKey.stream().map(i -> i > index ? i - 1 : i).toList();
        List<IndexDefinition> kept = indexes.stream().filter(i -> !i.columns().contains(index))
                .map(i -> i.withColumns(i.columns().stream().map(c -> c > index ? c - 1 : c).toList())).toList();
        return new TableDefinition(oid, schema, name, remaining, key, keyGoes ? null : primaryKeyName, comment, kept,
                uuid, state, version, createdAtMillis, dropped);
    }
}

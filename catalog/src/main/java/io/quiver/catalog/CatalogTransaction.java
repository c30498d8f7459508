package io.quiver.catalog;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.storage.MetaMap;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The DDL of one transaction: checked against the transaction's own view (the version it started from plus
 * its own changes), persisted in the meta map of its storage transaction, and published on commit.
 */
public final class CatalogTransaction {
    private final Catalog catalog;
    private final MetaMap meta;
    private final List<UnaryOperator<CatalogState>> changes = new ArrayList<>();
    private CatalogState view;

    CatalogTransaction(Catalog catalog, CatalogState base, MetaMap meta) {
        this.catalog = catalog;
        this.view = base;
        this.meta = meta;
    }

    /** What this transaction sees: its starting version and its own uncommitted DDL. */
    public CatalogState view() {
        return view;
    }

    public boolean hasChanges() {
        return !changes.isEmpty();
    }

    /** A fresh OID for a new table (OIDs are never reused, even when the transaction rolls back). */
    public long allocateOid() {
        return catalog.nextOid();
    }

    public void createTable(TableDefinition table) {
        if (!view.hasSchema(table.schema())) {
            throw QuiverException.of(SqlState.INVALID_SCHEMA_NAME, "schema \"%s\" does not exist", table.schema());
        }
        checkNameFree(table.schema(), table.name());
        replaceTable(table);
    }

    /** Adds a vector index to its table; its name must be free among the schema's relations. */
    public void createIndex(TableDefinition table, IndexDefinition index) {
        checkNameFree(table.schema(), index.name());
        replaceTable(table.withIndex(index));
    }

    public void dropIndex(TableDefinition table, String indexName) {
        replaceTable(table.withoutIndex(indexName));
    }

    private void checkNameFree(String schema, String name) {
        if (view.hasRelation(schema, name)) {
            throw QuiverException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists", name);
        }
    }

    /** Stores a changed definition of an existing table (ALTER, COMMENT ON). */
    public void replaceTable(TableDefinition table) {
        meta.put(Catalog.tableKey(table.qualifiedName()), TableDefinitionCodec.encode(table));
        apply(state -> state.withTable(table));
    }

    public void dropTable(QualifiedTableName name) {
        meta.remove(Catalog.tableKey(name));
        apply(state -> state.withoutTable(name));
    }

    public void createSchema(String schema) {
        if (view.hasSchema(schema)) {
            throw QuiverException.of(SqlState.DUPLICATE_SCHEMA, "schema \"%s\" already exists", schema);
        }
        Catalog.putText(meta, Catalog.SCHEMA_PREFIX + schema, "");
        apply(state -> state.withSchema(schema));
    }

    public void dropSchema(String schema) {
        meta.remove(Catalog.SCHEMA_PREFIX + schema);
        apply(state -> state.withoutSchema(schema));
    }

    public void createExtension(String name, String version) {
        Catalog.putText(meta, Catalog.EXTENSION_PREFIX + name, version);
        apply(state -> state.withExtension(name, version));
    }

    public void dropExtension(String name) {
        meta.remove(Catalog.EXTENSION_PREFIX + name);
        apply(state -> state.withoutExtension(name));
    }

    /** A point in this transaction's DDL, to return to with {@link #rollbackTo}. */
    public record Mark(int changes, CatalogState view) {
    }

    public Mark mark() {
        return new Mark(changes.size(), view);
    }

    /**
     * Forgets the DDL made since {@code mark} (ROLLBACK TO SAVEPOINT); its meta map writes are undone by the
     * storage transaction's own rollback to the same point.
     */
    public void rollbackTo(Mark mark) {
        changes.subList(mark.changes(), changes.size()).clear();
        view = mark.view();
    }

    /** Makes the changes visible to new statements; call after the storage transaction committed. */
    public void publish() {
        if (!changes.isEmpty()) {
            catalog.publish(changes);
        }
    }

    private void apply(UnaryOperator<CatalogState> change) {
        changes.add(change);
        view = change.apply(view);
    }
}

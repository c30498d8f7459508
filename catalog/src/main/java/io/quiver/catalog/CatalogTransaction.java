package io.quiver.catalog;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.storage.MetaMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The DDL of one transaction: checked against the transaction's own view (the version it started from plus
 * its own changes), persisted in the meta map of its storage transaction, and published on commit.
 */
public final class CatalogTransaction {
    private final Catalog catalog;
    private final MetaMap meta;
    private final List<UnaryOperator<CatalogState>> changes = new ArrayList<>();
    /** Tables and indexes this transaction created: its view shows them as INIT and BUILDING until it commits. */
    private final Set<Long> createdHere = new HashSet<>();
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
        createdHere.add(table.oid());
        store(table);
    }

    /** Adds a vector index to its table; its name must be free among the schema's relations. */
    public void createIndex(TableDefinition table, IndexDefinition index) {
        checkNameFree(table.schema(), index.name());
        createdHere.add(index.oid());
        replaceTable(table.withIndex(index));
    }

    public void dropIndex(TableDefinition table, String indexName) {
        replaceTable(table.withoutIndex(indexName));
    }

    /** ALTER INDEX ... RENAME TO: the new name must be free among the schema's relations. */
    public void renameIndex(TableDefinition table, IndexDefinition index, String newName) {
        checkNameFree(table.schema(), newName);
        replaceTable(table.withIndexReplaced(index.withName(newName)));
    }

    /** ALTER TABLE ... RENAME TO: the new name must be free among the schema's relations. */
    public void renameTable(TableDefinition table, String newName) {
        checkNameFree(table.schema(), newName);
        meta.remove(Catalog.tableKey(table.qualifiedName()));
        QualifiedTableName old = table.qualifiedName();
        apply(state -> state.withoutTable(old));
        replaceTable(table.withName(newName));
    }

    private void checkNameFree(String schema, String name) {
        if (view.hasRelation(schema, name)) {
            throw QuiverException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists", name);
        }
    }

    /** Stores a changed definition of an existing table (ALTER, COMMENT ON) as its next version. */
    public void replaceTable(TableDefinition table) {
        store(table.withVersion(table.version() + 1));
    }

    /** Persists and publishes the committed form; this transaction's view shows what it created as unfinished. */
    private void store(TableDefinition table) {
        TableDefinition committed = table.withState(CollectionState.SERVING)
                .withIndexes(table.indexes().stream().map(i -> i.withState(IndexBuildState.READY)).toList());
        meta.put(Catalog.tableKey(table.qualifiedName()), TableDefinitionCodec.encode(committed));
        TableDefinition seen = committed
                .withState(createdHere.contains(table.oid()) ? CollectionState.INIT : CollectionState.SERVING)
                .withIndexes(committed.indexes().stream().map(i -> createdHere.contains(i.oid())
                        ? i.withState(IndexBuildState.BUILDING) : i).toList());
        changes.add(state -> state.withTable(committed));
        view = view.withTable(seen);
    }

    public void dropTable(TableDefinition table) {
        QualifiedTableName name = table.qualifiedName();
        meta.remove(Catalog.tableKey(name));
        meta.remove(Catalog.tableAclKey(table.oid()));
        long oid = table.oid();
        changes.add(state -> state.withoutTable(name).withTableAcl(oid, null));
        view = view.withDroppedTable(table);
    }

    /** CREATE ROLE: the name must be free. */
    public void createRole(RoleDefinition role) {
        if (view.role(role.name()) != null) {
            throw QuiverException.of(SqlState.DUPLICATE_OBJECT, "role \"%s\" already exists", role.name());
        }
        storeRole(role);
    }

    /** ALTER ROLE, including RENAME TO (whose new name the caller checked). */
    public void replaceRole(RoleDefinition role) {
        storeRole(role);
    }

    private void storeRole(RoleDefinition role) {
        meta.put(Catalog.roleKey(role.oid()), RoleDefinitionCodec.encode(role));
        apply(state -> state.withRole(role));
    }

    public void dropRole(RoleDefinition role) {
        meta.remove(Catalog.roleKey(role.oid()));
        String name = role.name();
        apply(state -> state.withoutRole(name));
    }

    /** Sets a table's owner and privileges (CREATE TABLE, GRANT, REVOKE, ALTER TABLE ... OWNER TO). */
    public void setTableAcl(long tableOid, TableAcl acl) {
        Catalog.putText(meta, Catalog.tableAclKey(tableOid), acl.encode());
        apply(state -> state.withTableAcl(tableOid, acl));
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

package io.quiver.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * One immutable version of the catalog. A statement plans and runs against one of these from start to end,
 * so a concurrent DROP TABLE never changes what a running statement sees.
 */
public final class CatalogState {
    /** Schemas every database has; user schemas are added with CREATE SCHEMA. */
    public static final Set<String> BUILTIN_SCHEMAS = Set.of("public", "pg_catalog", "information_schema");

    private final long version;
    private final Map<QualifiedTableName, TableDefinition> tables;
    private final Set<String> schemas;
    private final Map<String, String> extensions;
    private final Map<Long, TableDefinition> droppedHere;
    private final Map<String, RoleDefinition> roles;
    private final Map<Long, TableAcl> tableAcls;

    private CatalogState(long version, Map<QualifiedTableName, TableDefinition> tables, Set<String> schemas,
                         Map<String, String> extensions, Map<Long, TableDefinition> droppedHere,
                         Map<String, RoleDefinition> roles, Map<Long, TableAcl> tableAcls) {
        this.version = version;
        this.tables = Collections.unmodifiableMap(tables);
        this.schemas = Collections.unmodifiableSet(schemas);
        this.extensions = Collections.unmodifiableMap(extensions);
        this.droppedHere = Collections.unmodifiableMap(droppedHere);
        this.roles = Collections.unmodifiableMap(roles);
        this.tableAcls = Collections.unmodifiableMap(tableAcls);
    }

    public static CatalogState empty() {
        return new CatalogState(0, new TreeMap<>(CatalogState::compareNames), new TreeSet<>(BUILTIN_SCHEMAS),
                new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    }

    /** Every role, by name. */
    public Map<String, RoleDefinition> roles() {
        return roles;
    }

    /** The role named {@code name}, or null. */
    public RoleDefinition role(String name) {
        return roles.get(name);
    }

    public RoleDefinition roleByOid(long oid) {
        return roles.values().stream().filter(r -> r.oid() == oid).findFirst().orElse(null);
    }

    /** The owner and privileges of the table with OID {@code tableOid}; the bootstrap superuser's by default. */
    public TableAcl tableAcl(long tableOid) {
        return tableAcls.getOrDefault(tableOid, TableAcl.ownedBy(RoleDefinition.BOOTSTRAP_SUPERUSER_OID));
    }

    /** The tables {@code roleOid} owns or holds privileges on (what keeps DROP ROLE from dropping it). */
    public java.util.List<TableDefinition> tablesReferencing(long roleOid) {
        return tables.values().stream().filter(t -> {
            TableAcl acl = tableAcl(t.oid());
            return acl.owner() == roleOid || acl.effectiveItems().stream().anyMatch(i -> i.grantee() == roleOid);
        }).toList();
    }

    CatalogState withRole(RoleDefinition role) {
        Map<String, RoleDefinition> changed = new TreeMap<>(roles);
        changed.values().removeIf(r -> r.oid() == role.oid());
        changed.put(role.name(), role);
        return new CatalogState(version, tables, schemas, extensions, droppedHere, changed, tableAcls);
    }

    CatalogState withoutRole(String name) {
        Map<String, RoleDefinition> changed = new TreeMap<>(roles);
        changed.remove(name);
        return new CatalogState(version, tables, schemas, extensions, droppedHere, changed, tableAcls);
    }

    CatalogState withTableAcl(long tableOid, TableAcl acl) {
        Map<Long, TableAcl> changed = new TreeMap<>(tableAcls);
        if (acl == null) {
            changed.remove(tableOid);
        } else {
            changed.put(tableOid, acl);
        }
        return new CatalogState(version, tables, schemas, extensions, droppedHere, roles, changed);
    }

    private static int compareNames(QualifiedTableName a, QualifiedTableName b) {
        int bySchema = a.schema().compareTo(b.schema());
        return bySchema != 0 ? bySchema : a.name().compareTo(b.name());
    }

    /** Increases with every committed DDL change. */
    public long version() {
        return version;
    }

    public TableDefinition table(QualifiedTableName name) {
        return tables.get(name);
    }

    public Collection<TableDefinition> tables() {
        return tables.values();
    }

    /**
     * The tables a transaction dropped and has not committed yet, in state {@link CollectionState#DROPPED}: only
     * that transaction's view has any (for quiver_catalog.collections); published versions never do.
     */
    public Collection<TableDefinition> droppedTables() {
        return droppedHere.values();
    }

    public TableDefinition tableByOid(long oid) {
        for (TableDefinition t : tables.values()) {
            if (t.oid() == oid) {
                return t;
            }
        }
        return null;
    }

    /** The table holding the index {@code name} in {@code schema}, or null. */
    public TableDefinition tableOfIndex(String schema, String name) {
        for (TableDefinition t : tables.values()) {
            if (t.schema().equals(schema) && t.index(name) != null) {
                return t;
            }
        }
        return null;
    }

    /** Whether a table or an index named {@code name} exists in {@code schema}: they share one namespace. */
    public boolean hasRelation(String schema, String name) {
        return table(new QualifiedTableName(schema, name)) != null || tableOfIndex(schema, name) != null;
    }

    public Set<String> schemas() {
        return schemas;
    }

    public boolean hasSchema(String schema) {
        return schemas.contains(schema);
    }

    /** Installed extensions and their versions. */
    public Map<String, String> extensions() {
        return extensions;
    }

    CatalogState withTable(TableDefinition table) {
        return copy(t -> {
            t.put(table.qualifiedName(), table);
            return t;
        }, s -> s, e -> e);
    }

    CatalogState withoutTable(QualifiedTableName name) {
        return copy(t -> {
            t.remove(name);
            return t;
        }, s -> s, e -> e);
    }

    CatalogState withDroppedTable(TableDefinition table) {
        CatalogState without = withoutTable(table.qualifiedName());
        Map<Long, TableDefinition> dropped = new TreeMap<>(droppedHere);
        dropped.put(table.oid(), table.withState(CollectionState.DROPPED));
        return new CatalogState(version, without.tables, without.schemas, without.extensions, dropped, roles,
                tableAcls);
    }

    CatalogState withSchema(String schema) {
        return copy(t -> t, s -> {
            s.add(schema);
            return s;
        }, e -> e);
    }

    CatalogState withoutSchema(String schema) {
        return copy(t -> t, s -> {
            s.remove(schema);
            return s;
        }, e -> e);
    }

    CatalogState withExtension(String name, String extensionVersion) {
        return copy(t -> t, s -> s, e -> {
            e.put(name, extensionVersion);
            return e;
        });
    }

    CatalogState withoutExtension(String name) {
        return copy(t -> t, s -> s, e -> {
            e.remove(name);
            return e;
        });
    }

    CatalogState nextVersion() {
        return new CatalogState(version + 1, tables, schemas, extensions, Map.of(), roles, tableAcls);
    }

    private CatalogState copy(UnaryOperator<Map<QualifiedTableName, TableDefinition>> tableChange,
                              UnaryOperator<Set<String>> schemaChange,
                              UnaryOperator<Map<String, String>> extensionChange) {
        Map<QualifiedTableName, TableDefinition> newTables = new TreeMap<>(CatalogState::compareNames);
        newTables.putAll(tables);
        return new CatalogState(version, tableChange.apply(newTables), schemaChange.apply(new TreeSet<>(schemas)),
                extensionChange.apply(new TreeMap<>(extensions)), droppedHere, roles, tableAcls);
    }
}

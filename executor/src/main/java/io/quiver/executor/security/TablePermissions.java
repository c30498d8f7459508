package io.quiver.executor.security;

import io.quiver.catalog.CatalogState;
import io.quiver.catalog.RoleDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.catalog.TablePrivilege;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.executor.session.QuiverSession;

/** PostgreSQL's checks on tables: a privilege from the table's ACL, or ownership for DDL; superusers pass all. */
public final class TablePermissions {
    private TablePermissions() {
    }

    /** Whether {@code role} holds {@code privilege} on {@code table}, as has_table_privilege answers. */
    public static boolean holds(RoleDefinition role, CatalogState catalog, long tableOid, TablePrivilege privilege) {
        return role.superuser() || catalog.tableAcl(tableOid).allows(role.oid(), privilege);
    }

    /** 42501 {@code permission denied for table t} unless the session's role holds {@code privilege}. */
    public static void require(QuiverSession session, CatalogState catalog, TableDefinition table,
                               TablePrivilege privilege) {
        if (!holds(Roles.current(session, catalog), catalog, table.oid(), privilege)) {
            throw permissionDenied(table);
        }
    }

    public static QuiverException permissionDenied(TableDefinition table) {
        return QuiverException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for table %s", table.name());
    }

    public static boolean owns(RoleDefinition role, CatalogState catalog, TableDefinition table) {
        return role.superuser() || catalog.tableAcl(table.oid()).owner() == role.oid();
    }

    /** 42501 {@code must be owner of table t}: what DDL on a table asks of anyone but its owner or a superuser. */
    public static void requireOwner(QuiverSession session, CatalogState catalog, TableDefinition table) {
        requireOwner(session, catalog, table, "table", table.name());
    }

    /** COMMENT ON COLUMN's wording: {@code must be owner of relation t}. */
    public static void requireRelationOwner(QuiverSession session, CatalogState catalog, TableDefinition table) {
        requireOwner(session, catalog, table, "relation", table.name());
    }

    /** The same for an index, which belongs to its table's owner: {@code must be owner of index i}. */
    public static void requireIndexOwner(QuiverSession session, CatalogState catalog, TableDefinition table,
                                         String index) {
        requireOwner(session, catalog, table, "index", index);
    }

    private static void requireOwner(QuiverSession session, CatalogState catalog, TableDefinition table, String kind,
                                     String name) {
        if (!owns(Roles.current(session, catalog), catalog, table)) {
            throw QuiverException.of(SqlState.INSUFFICIENT_PRIVILEGE, "must be owner of %s %s", kind, name);
        }
    }
}

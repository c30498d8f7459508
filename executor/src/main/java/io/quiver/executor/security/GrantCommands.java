package io.quiver.executor.security;

import io.quiver.catalog.AclItem;
import io.quiver.catalog.CatalogState;
import io.quiver.catalog.RoleDefinition;
import io.quiver.catalog.TableAcl;
import io.quiver.catalog.TableDefinition;
import io.quiver.catalog.TablePrivilege;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.executor.api.Notice;
import io.quiver.executor.session.ExecutionContext;
import io.quiver.executor.session.QuiverSession;
import io.quiver.executor.session.SearchPath;
import io.quiver.executor.statement.StatementResult;
import io.quiver.sql.utility.AlterTableOwner;
import io.quiver.sql.utility.GrantPrivileges;
import io.quiver.sql.utility.QualifiedName;
import io.quiver.sql.utility.RoleSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * GRANT and REVOKE on tables and ALTER TABLE ... OWNER TO, stored in the catalog (so transactional and
 * persisted) with PostgreSQL 15's rules: the owner (or a superuser, acting as the owner) grants; grants are
 * recorded with the owner as grantor.
 */
public final class GrantCommands {
    private final QuiverSession session;
    private final SearchPath searchPath;

    public GrantCommands(QuiverSession session, SearchPath searchPath) {
        this.session = session;
        this.searchPath = searchPath;
    }

    public StatementResult grantOrRevoke(GrantPrivileges statement, ExecutionContext ctx) {
        CatalogState catalog = ctx.catalogView();
        RoleDefinition actor = Roles.current(session, catalog);
        Set<TablePrivilege> privileges = privileges(statement.privileges());
        List<Long> grantees = statement.grantees().stream().map(spec -> spec.kind() == RoleSpec.Kind.PUBLIC
                ? AclItem.PUBLIC : Roles.require(session, catalog, spec).oid()).toList();
        List<Notice> notices = new ArrayList<>();
        for (TableDefinition table : tables(statement, catalog)) {
            if (!TablePermissions.owns(actor, catalog, table)) {
                // Without grant options (Quiver has none) a non-owner changes nothing: PostgreSQL warns if the
                // role holds some privilege on the table, and refuses otherwise.
                if (!holdsAny(actor, catalog, table)) {
                    throw TablePermissions.permissionDenied(table);
                }
                notices.add(new Notice("WARNING", statement.grant() ? SqlState.WARNING_PRIVILEGE_NOT_GRANTED
                        : SqlState.WARNING_PRIVILEGE_NOT_REVOKED, (statement.grant()
                        ? "no privileges were granted for \"" : "no privileges could be revoked for \"")
                        + table.name() + "\""));
                continue;
            }
            TableAcl acl = ctx.catalogView().tableAcl(table.oid());
            for (long grantee : grantees) {
                acl = acl.changed(grantee, privileges, statement.grant());
            }
            ctx.catalog().setTableAcl(table.oid(), acl);
        }
        return StatementResult.command(statement.grant() ? "GRANT" : "REVOKE", notices);
    }

    /**
     * ALTER TABLE ... OWNER TO: the owner may give the table only to itself (Quiver has no role membership),
     * a superuser to anyone; the ACL's entries move to the new owner as PostgreSQL's aclnewowner moves them.
     */
    public StatementResult alterOwner(AlterTableOwner statement, ExecutionContext ctx) {
        CatalogState catalog = ctx.catalogView();
        QualifiedName name = statement.table();
        TableDefinition table = searchPath.findTable(catalog, name.schema(), name.name());
        if (table == null) {
            if (!statement.ifExists()) {
                throw QuiverException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", name);
            }
            return StatementResult.command("ALTER TABLE", List.of(Notice.notice(SqlState.SUCCESSFUL_COMPLETION,
                    "relation \"" + name + "\" does not exist, skipping")));
        }
        RoleDefinition actor = Roles.current(session, catalog);
        RoleDefinition owner = Roles.require(session, catalog, statement.owner());
        TableAcl acl = catalog.tableAcl(table.oid());
        if (acl.owner() == owner.oid()) {
            return StatementResult.command("ALTER TABLE");
        }
        TablePermissions.requireOwner(session, catalog, table);
        if (!actor.superuser() && owner.oid() != actor.oid()) {
            throw QuiverException.of(SqlState.INSUFFICIENT_PRIVILEGE, "must be member of role \"%s\"", owner.name());
        }
        ctx.catalog().setTableAcl(table.oid(), acl.withOwner(owner.oid()));
        return StatementResult.command("ALTER TABLE");
    }

    private List<TableDefinition> tables(GrantPrivileges statement, CatalogState catalog) {
        List<TableDefinition> tables = new ArrayList<>();
        for (QualifiedName name : statement.tables()) {
            TableDefinition table = searchPath.findTable(catalog, name.schema(), name.name());
            if (table == null) {
                throw QuiverException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", name);
            }
            tables.add(table);
        }
        for (String schema : statement.schemas()) {
            if (!catalog.hasSchema(schema)) {
                throw QuiverException.of(SqlState.INVALID_SCHEMA_NAME, "schema \"%s\" does not exist", schema);
            }
            catalog.tables().stream().filter(t -> t.schema().equals(schema)).forEach(tables::add);
        }
        return tables;
    }

    private static boolean holdsAny(RoleDefinition role, CatalogState catalog, TableDefinition table) {
        return EnumSet.allOf(TablePrivilege.class).stream()
                .anyMatch(p -> TablePermissions.holds(role, catalog, table.oid(), p));
    }

    private static Set<TablePrivilege> privileges(Set<String> names) {
        if (names.isEmpty()) {
            return TablePrivilege.all();
        }
        Set<TablePrivilege> privileges = EnumSet.noneOf(TablePrivilege.class);
        names.forEach(name -> privileges.add(TablePrivilege.valueOf(name.toUpperCase(Locale.ROOT))));
        return privileges;
    }
}

package io.quiver.executor.security;

import io.quiver.catalog.CatalogState;
import io.quiver.catalog.RoleDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgDateTimeText;
import io.quiver.common.security.Md5Password;
import io.quiver.common.security.ScramVerifier;
import io.quiver.executor.api.Notice;
import io.quiver.executor.session.ExecutionContext;
import io.quiver.executor.session.QuiverSession;
import io.quiver.executor.statement.StatementResult;
import io.quiver.sql.utility.AlterRole;
import io.quiver.sql.utility.CreateRole;
import io.quiver.sql.utility.DropRole;
import io.quiver.sql.utility.RenameRole;
import io.quiver.sql.utility.RoleOptions;
import io.quiver.sql.utility.RoleSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** CREATE, ALTER and DROP ROLE with PostgreSQL 15's permission rules and messages. */
public final class RoleCommands {
    private final QuiverSession session;

    public RoleCommands(QuiverSession session) {
        this.session = session;
    }

    public StatementResult create(CreateRole create, ExecutionContext ctx) {
        RoleDefinition actor = Roles.current(session, ctx.catalogView());
        RoleOptions options = create.options();
        if (!actor.superuser() && !actor.createRole()) {
            throw new QuiverException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to create role");
        }
        if (flag(options, "superuser", false) && !actor.superuser()) {
            throw new QuiverException(SqlState.INSUFFICIENT_PRIVILEGE, "must be superuser to create superusers");
        }
        if (create.name().startsWith("pg_")) {
            throw new QuiverException(SqlState.RESERVED_NAME, "role name \"" + create.name() + "\" is reserved",
                    "Role names starting with \"pg_\" are reserved.", null, 0, null);
        }
        RoleDefinition role = new RoleDefinition(ctx.catalog().allocateOid(), create.name(),
                flag(options, "superuser", false), flag(options, "inherit", true), flag(options, "createrole", false),
                flag(options, "createdb", false), flag(options, "login", create.user()),
                flag(options, "replication", false), flag(options, "bypassrls", false),
                options.connectionLimit() == null ? -1 : options.connectionLimit(),
                options.passwordGiven() ? storedPassword(options.password(), create.name()) : null,
                validUntil(options.validUntil()));
        ctx.catalog().createRole(role);
        return StatementResult.command("CREATE ROLE");
    }

    public StatementResult alter(AlterRole alter, ExecutionContext ctx) {
        CatalogState catalog = ctx.catalogView();
        RoleDefinition actor = Roles.current(session, catalog);
        RoleDefinition role = Roles.require(session, catalog, alter.role());
        RoleOptions options = alter.options();
        boolean onlyOwnPassword = role.oid() == actor.oid() && options.flags().isEmpty()
                && options.connectionLimit() == null && options.validUntil() == null;
        if (!actor.superuser()) {
            if (role.superuser() || options.flags().containsKey("superuser")
                    || options.flags().containsKey("replication") || options.flags().containsKey("bypassrls")) {
                throw new QuiverException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied");
            }
            if (!actor.createRole() && !onlyOwnPassword) {
                throw new QuiverException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied");
            }
        }
        RoleDefinition changed = new RoleDefinition(role.oid(), role.name(),
                flag(options, "superuser", role.superuser()), flag(options, "inherit", role.inherit()),
                flag(options, "createrole", role.createRole()), flag(options, "createdb", role.createDb()),
                flag(options, "login", role.canLogin()), flag(options, "replication", role.replication()),
                flag(options, "bypassrls", role.bypassRls()),
                options.connectionLimit() == null ? role.connectionLimit() : options.connectionLimit(),
                options.passwordGiven() ? storedPassword(options.password(), role.name()) : role.password(),
                options.validUntil() == null ? role.validUntil() : validUntil(options.validUntil()));
        if (role.oid() == RoleDefinition.BOOTSTRAP_SUPERUSER_OID && !changed.superuser()) {
            throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED,
                    "The bootstrap user must have the SUPERUSER attribute.");
        }
        ctx.catalog().replaceRole(changed);
        return StatementResult.command("ALTER ROLE");
    }

    public StatementResult rename(RenameRole rename, ExecutionContext ctx) {
        CatalogState catalog = ctx.catalogView();
        RoleDefinition actor = Roles.current(session, catalog);
        RoleDefinition role = Roles.require(session, catalog, rename.role());
        if (role.name().equals(session.options().user())) {
            throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED, "session user cannot be renamed");
        }
        if (catalog.role(rename.newName()) != null) {
            throw QuiverException.of(SqlState.DUPLICATE_OBJECT, "role \"%s\" already exists", rename.newName());
        }
        if (rename.newName().startsWith("pg_")) {
            throw new QuiverException(SqlState.RESERVED_NAME, "role name \"" + rename.newName() + "\" is reserved",
                    "Role names starting with \"pg_\" are reserved.", null, 0, null);
        }
        requireRoleAdmin(actor, role, "permission denied to rename role");
        List<Notice> notices = new ArrayList<>();
        RoleDefinition renamed = role.withName(rename.newName());
        if (role.password() != null && Md5Password.isHash(role.password())) {
            // An MD5 hash is salted with the role name, so a new name makes it useless: PostgreSQL clears it.
            renamed = renamed.withPassword(null);
            notices.add(Notice.notice(SqlState.SUCCESSFUL_COMPLETION, "MD5 password cleared because of role rename"));
        }
        ctx.catalog().replaceRole(renamed);
        return StatementResult.command("ALTER ROLE", notices);
    }

    public StatementResult drop(DropRole drop, ExecutionContext ctx) {
        CatalogState catalog = ctx.catalogView();
        RoleDefinition actor = Roles.current(session, catalog);
        if (!actor.superuser() && !actor.createRole()) {
            throw new QuiverException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to drop role");
        }
        List<Notice> notices = new ArrayList<>();
        for (RoleSpec spec : drop.roles()) {
            if (spec.kind() != RoleSpec.Kind.NAME) {
                throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE,
                        "cannot use special role specifier in DROP ROLE");
            }
            RoleDefinition role = ctx.catalogView().role(spec.name());
            if (role == null) {
                if (!drop.ifExists()) {
                    throw QuiverException.of(SqlState.UNDEFINED_OBJECT, "role \"%s\" does not exist", spec.name());
                }
                notices.add(Notice.notice(SqlState.SUCCESSFUL_COMPLETION,
                        "role \"" + spec.name() + "\" does not exist, skipping"));
                continue;
            }
            if (role.oid() == actor.oid()) {
                throw new QuiverException(SqlState.OBJECT_IN_USE, "current user cannot be dropped");
            }
            if (role.name().equals(session.options().user())) {
                throw new QuiverException(SqlState.OBJECT_IN_USE, "session user cannot be dropped");
            }
            if (role.oid() == RoleDefinition.BOOTSTRAP_SUPERUSER_OID) {
                throw QuiverException.of(SqlState.OBJECT_IN_USE, "cannot drop role %s because it is required by "
                        + "the database system", role.name());
            }
            requireRoleAdmin(actor, role, "permission denied to drop role");
            List<TableDefinition> dependents = ctx.catalogView().tablesReferencing(role.oid());
            if (!dependents.isEmpty()) {
                String detail = dependents.stream().map(t -> (ctx.catalogView().tableAcl(t.oid()).owner() == role.oid()
                        ? "owner of table " : "privileges for table ") + t.name()).collect(Collectors.joining("\n"));
                throw new QuiverException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "role \"" + role.name()
                        + "\" cannot be dropped because some objects depend on it", detail, null, 0, null);
            }
            ctx.catalog().dropRole(role);
        }
        return StatementResult.command("DROP ROLE", notices);
    }

    /** Only superusers manage superusers; CREATEROLE manages the rest. */
    private static void requireRoleAdmin(RoleDefinition actor, RoleDefinition role, String message) {
        if (actor.superuser()) {
            return;
        }
        if (role.superuser()) {
            throw new QuiverException(SqlState.INSUFFICIENT_PRIVILEGE, message.replace("permission denied to",
                    "must be superuser to"));
        }
        if (!actor.createRole()) {
            throw new QuiverException(SqlState.INSUFFICIENT_PRIVILEGE, message);
        }
    }

    private static boolean flag(RoleOptions options, String name, boolean otherwise) {
        Map<String, Boolean> flags = options.flags();
        return flags.getOrDefault(name, otherwise);
    }

    /**
     * What is stored for PASSWORD: a SCRAM-SHA-256 verifier (password_encryption = scram-sha-256), or what the
     * client sent when it is already a verifier or an MD5 hash. An empty password is no password, as in PostgreSQL.
     */
    private static String storedPassword(String password, String roleName) {
        if (password == null || password.isEmpty()) {
            return null;
        }
        if (ScramVerifier.isVerifier(password) || Md5Password.isHash(password)) {
            return password;
        }
        return ScramVerifier.create(password).stored();
    }

    private static Instant validUntil(String text) {
        if (text == null || text.equalsIgnoreCase("infinity")) {
            return null;
        }
        PgDateTimeText.Parsed parsed = PgDateTimeText.parse(text, "timestamp with time zone");
        return parsed.dateTime().toInstant(parsed.offset() != null ? parsed.offset() : ZoneOffset.UTC);
    }
}

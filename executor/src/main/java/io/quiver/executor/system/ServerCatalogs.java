package io.quiver.executor.system;

import io.quiver.catalog.RoleDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.executor.security.Roles;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The catalogs about the server rather than relations: schemas, the database, roles, settings, extensions
 * and object comments. Quiver has one database; its roles are the catalog's (the bootstrap superuser, OID 10,
 * owns the schemas and extensions).
 */
final class ServerCatalogs {
    static final String UTF8_ENCODING_NAME = "UTF8";
    /** pg_database.encoding of UTF8. */
    static final int UTF8_ENCODING = 6;

    /** The descriptions \dx prints for the extensions Quiver provides. */
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "plpgsql", "PL/pgSQL procedural language",
            "vector", "vector data type and ivfflat and hnsw access methods");

    static final SystemTable NAMESPACE = new SystemTable("oid:oid nspname:name nspowner:oid nspacl:_text",
            (context, rows) -> {
                for (String schema : context.catalog().schemas()) {
                    long owner = schema.equals("public") ? SystemObjects.PG_DATABASE_OWNER
                            : SystemObjects.BOOTSTRAP_SUPERUSER;
                    rows.add().set("oid", SystemObjects.namespaceOid(schema)).set("nspname", schema)
                            .set("nspowner", owner);
                }
            });
    static final SystemTable DATABASE = new SystemTable(
            "oid:oid datname:name datdba:oid encoding:int4 datlocprovider:char datistemplate:bool "
                    + "datallowconn:bool datconnlimit:int4 datfrozenxid:oid datminmxid:oid dattablespace:oid "
                    + "datcollate:text datctype:text daticulocale:text datcollversion:text datacl:_text",
            (context, rows) -> rows.add().set("oid", SystemObjects.DATABASE_OID)
                    .set("datname", context.session().options().database())
                    .set("datdba", SystemObjects.BOOTSTRAP_SUPERUSER).set("encoding", UTF8_ENCODING)
                    .set("datlocprovider", "c").set("datistemplate", false).set("datallowconn", true)
                    .set("datconnlimit", -1).set("datfrozenxid", 0).set("datminmxid", 1)
                    .set("dattablespace", SystemObjects.PG_DEFAULT_TABLESPACE).set("datcollate", "C.UTF-8")
                    .set("datctype", "C.UTF-8"));
    private static final String ROLE_COLUMNS =
            "rolname:name rolsuper:bool rolinherit:bool rolcreaterole:bool rolcreatedb:bool rolcanlogin:bool "
                    + "rolreplication:bool rolconnlimit:int4 rolpassword:text rolvaliduntil:timestamptz "
                    + "rolbypassrls:bool";
    static final SystemTable ROLES = new SystemTable(ROLE_COLUMNS + " rolconfig:_text oid:oid",
            (context, rows) -> {
                context.catalog().roles().values().forEach(role -> role(rows, role,
                        role.password() == null ? null : "********"));
                rows.add().set("oid", SystemObjects.PG_DATABASE_OWNER).set("rolname", "pg_database_owner")
                        .set("rolsuper", false).set("rolinherit", true).set("rolcreaterole", false)
                        .set("rolcreatedb", false).set("rolcanlogin", false).set("rolreplication", false)
                        .set("rolconnlimit", -1).set("rolpassword", "********").set("rolbypassrls", false);
            });
    /** pg_authid: the verifiers themselves, which only superusers may read (as PostgreSQL's REVOKE on it). */
    static final SystemTable AUTHID = new SystemTable("oid:oid " + ROLE_COLUMNS,
            (context, rows) -> {
                if (!Roles.current(context.session(), context.catalog()).superuser()) {
                    throw new QuiverException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for table pg_authid");
                }
                context.catalog().roles().values().forEach(role -> role(rows, role, role.password()));
            });
    static final SystemTable USER = new SystemTable(
            "usename:name usesysid:oid usecreatedb:bool usesuper:bool userepl:bool usebypassrls:bool passwd:text "
                    + "valuntil:timestamptz useconfig:_text",
            (context, rows) -> context.catalog().roles().values().stream().filter(RoleDefinition::canLogin)
                    .forEach(role -> rows.add().set("usename", role.name()).set("usesysid", role.oid())
                            .set("usecreatedb", role.createDb()).set("usesuper", role.superuser())
                            .set("userepl", role.replication()).set("usebypassrls", role.bypassRls())
                            .set("passwd", "********").set("valuntil", validUntil(role))));
    static final SystemTable SETTINGS = new SystemTable(
            "name:text setting:text unit:text category:text short_desc:text extra_desc:text context:text "
                    + "vartype:text source:text min_val:text max_val:text enumvals:_text boot_val:text "
                    + "reset_val:text sourcefile:text sourceline:int4 pending_restart:bool",
            (context, rows) -> context.session().settings().all().forEach((name, value) -> rows.add()
                    .set("name", name).set("setting", value).set("category", "Quiver").set("short_desc", "")
                    .set("context", "user").set("vartype", "string").set("source", "session")
                    .set("reset_val", value).set("pending_restart", false)));
    static final SystemTable EXTENSION = new SystemTable(
            "oid:oid extname:name extowner:oid extnamespace:oid extrelocatable:bool extversion:text "
                    + "extconfig:_oid extcondition:_text",
            (context, rows) -> installedExtensions(context).forEach((name, version) -> {
                boolean builtin = name.equals("plpgsql");
                rows.add().set("oid", extensionOid(name)).set("extname", name)
                        .set("extowner", SystemObjects.BOOTSTRAP_SUPERUSER)
                        .set("extnamespace", builtin ? SystemObjects.PG_CATALOG_NAMESPACE
                                : SystemObjects.PUBLIC_NAMESPACE)
                        .set("extrelocatable", !builtin).set("extversion", version);
            }));
    static final SystemTable DESCRIPTION = new SystemTable(
            "objoid:oid classoid:oid objsubid:int4 description:text",
            (context, rows) -> {
                Comments.all(context.catalog()).forEach(comment -> rows.add().set("objoid", comment.oid())
                        .set("classoid", SystemObjects.PG_CLASS).set("objsubid", comment.subId())
                        .set("description", comment.text()));
                installedExtensions(context).keySet().forEach(name -> rows.add().set("objoid", extensionOid(name))
                        .set("classoid", SystemObjects.PG_EXTENSION).set("objsubid", 0)
                        .set("description", DESCRIPTIONS.get(name)));
            });

    private ServerCatalogs() {
    }

    /** plpgsql, which every PostgreSQL database has, and those CREATE EXTENSION installed. */
    private static Map<String, String> installedExtensions(SystemContext context) {
        Map<String, String> installed = new LinkedHashMap<>();
        installed.put("plpgsql", "1.0");
        installed.putAll(context.catalog().extensions());
        return installed;
    }

    private static long extensionOid(String name) {
        return name.equals("plpgsql") ? SystemObjects.PLPGSQL_EXTENSION : SystemObjects.VECTOR_EXTENSION;
    }

    private static void role(SystemTable.Rows rows, RoleDefinition role, String password) {
        rows.add().set("oid", role.oid()).set("rolname", role.name()).set("rolsuper", role.superuser())
                .set("rolinherit", role.inherit()).set("rolcreaterole", role.createRole())
                .set("rolcreatedb", role.createDb()).set("rolcanlogin", role.canLogin())
                .set("rolreplication", role.replication()).set("rolconnlimit", role.connectionLimit())
                .set("rolpassword", password).set("rolvaliduntil", validUntil(role))
                .set("rolbypassrls", role.bypassRls());
    }

    private static OffsetDateTime validUntil(RoleDefinition role) {
        return role.validUntil() == null ? null : role.validUntil().atOffset(ZoneOffset.UTC);
    }
}

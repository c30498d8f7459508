package io.quiver.executor.system;

import io.quiver.catalog.TableDefinition;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The catalogs about the server rather than relations: schemas, the database, roles, settings, extensions
 * and object comments. Quiver has one database and one role, the connected user, which owns every object
 * (OID 10, the bootstrap superuser's, as psql's queries expect of an owner).
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
    static final SystemTable ROLES = new SystemTable(
            "rolname:name rolsuper:bool rolinherit:bool rolcreaterole:bool rolcreatedb:bool rolcanlogin:bool "
                    + "rolreplication:bool rolconnlimit:int4 rolpassword:text rolvaliduntil:timestamptz "
                    + "rolbypassrls:bool rolconfig:_text oid:oid",
            (context, rows) -> {
                role(rows, SystemObjects.BOOTSTRAP_SUPERUSER, context.session().options().user(), true);
                role(rows, SystemObjects.PG_DATABASE_OWNER, "pg_database_owner", false);
            });
    static final SystemTable USER = new SystemTable(
            "usename:name usesysid:oid usecreatedb:bool usesuper:bool userepl:bool usebypassrls:bool passwd:text "
                    + "valuntil:timestamptz useconfig:_text",
            (context, rows) -> rows.add().set("usename", context.session().options().user())
                    .set("usesysid", SystemObjects.BOOTSTRAP_SUPERUSER).set("usecreatedb", true)
                    .set("usesuper", true).set("userepl", true).set("usebypassrls", true).set("passwd", "********"));
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

    private static void role(SystemTable.Rows rows, long oid, String name, boolean login) {
        rows.add().set("oid", oid).set("rolname", name).set("rolsuper", login).set("rolinherit", true)
                .set("rolcreaterole", login).set("rolcreatedb", login).set("rolcanlogin", login)
                .set("rolreplication", login).set("rolconnlimit", -1).set("rolpassword", "********")
                .set("rolbypassrls", login);
    }
}

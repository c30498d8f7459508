package io.quiver.executor.system;

import io.quiver.catalog.CatalogState;
import io.quiver.catalog.RoleDefinition;
import io.quiver.catalog.SqlType;
import io.quiver.catalog.TableDefinition;
import io.quiver.catalog.TablePrivilege;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import io.quiver.executor.api.Notice;
import io.quiver.executor.security.AclText;
import io.quiver.executor.security.Roles;
import io.quiver.executor.security.TablePermissions;
import io.quiver.executor.session.QuiverSession;
import io.quiver.executor.session.SearchPath;
import io.quiver.executor.session.SessionScope;
import io.quiver.executor.statement.CancelFlag;
import io.quiver.storage.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.locks.LockSupport;
import org.apache.calcite.linq4j.function.NonDeterministic;

/**
 * PostgreSQL's built-in functions that clients and psql call, as static methods compiled into plans. They
 * read the running statement's session through {@link SessionScope}.
 */
public final class PgFunctions {
    public static final String VERSION =
            "PostgreSQL 15.8 (Quiver 0.1.0) on x86_64-pc-linux-gnu, compiled by javac, 64-bit";

    private static final long SLEEP_SLICE_NANOS = 10_000_000;

    private PgFunctions() {
    }

    public static String version() {
        return VERSION;
    }

    public static String current_database() {
        return SessionScope.current().options().database();
    }

    public static String current_catalog() {
        return current_database();
    }

    public static String current_user() {
        return SessionScope.current().options().user();
    }

    /** Quiver has no SET ROLE, so the session user is the current user. */
    public static String session_user() {
        return current_user();
    }

    public static String current_schema() {
        QuiverSession session = SessionScope.current();
        return searchPath(session).currentSchema(catalog(session));
    }

    public static int pg_backend_pid() {
        return SessionScope.current().options().processId();
    }

    /** Asks backend {@code pid}'s running statement to stop with 57014, as a CancelRequest does. */
    @NonDeterministic
    public static boolean pg_cancel_backend(int pid) {
        return signal(pid, QuiverSession::cancel);
    }

    /** Ends backend {@code pid}'s connection with FATAL 57P01, stopping its running statement first. */
    @NonDeterministic
    public static boolean pg_terminate_backend(int pid) {
        return signal(pid, QuiverSession::terminate);
    }

    private static boolean signal(int pid, Consumer<QuiverSession> signal) {
        QuiverSession session = SessionScope.current();
        var target = session.engine().session(pid);
        if (target.isEmpty()) {
            session.addNotice(new Notice("WARNING", SqlState.WARNING,
                    "PID " + pid + " is not a PostgreSQL backend process"));
            return false;
        }
        signal.accept(target.get());
        return true;
    }

    /**
     * Sleeps {@code seconds}, waking every few milliseconds to honour a cancel (57014). PostgreSQL's result is
     * void, which prints as an empty value; Quiver returns that empty text. The argument is any number (or text
     * of one, as PostgreSQL reads an unknown literal as double precision): one Java method for every numeric
     * type, as Calcite passes each as its own class.
     */
    @NonDeterministic
    public static String pg_sleep(Object seconds) {
        if (seconds == null) {
            return "";
        }
        CancelFlag cancel = SessionScope.current().cancelFlag();
        long deadline = System.nanoTime() + (long) (secondsOf(seconds) * 1e9);
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            cancel.check();
            LockSupport.parkNanos(Math.min(left, SLEEP_SLICE_NANOS));
        }
        cancel.check();
        return "";
    }

    private static double secondsOf(Object seconds) {
        if (seconds instanceof Number number) {
            return number.doubleValue();
        }
        try {
            return Double.parseDouble(seconds.toString().strip());
        } catch (NumberFormatException e) {
            throw QuiverException.of(SqlState.INVALID_TEXT_REPRESENTATION,
                    "invalid input syntax for type double precision: \"%s\"", seconds);
        }
    }

    public static String current_setting(String name) {
        return SessionScope.current().settings().show(name);
    }

    /** Every schema of the search path that exists, pg_catalog first, as current_schemas(true) lists them. */
    public static List<String> current_schemas(Boolean includeImplicit) {
        QuiverSession session = SessionScope.current();
        List<String> schemas = new ArrayList<>();
        if (Boolean.TRUE.equals(includeImplicit)) {
            schemas.add(PgCatalogSchema.NAME);
        }
        searchPath(session).existing(catalog(session)).stream().filter(s -> !schemas.contains(s))
                .forEach(schemas::add);
        return schemas;
    }

    /**
     * The upper bound of an array's dimension; Quiver's arrays are one-dimensional and 1-based, and, as in
     * PostgreSQL, an empty array has no bounds.
     */
    public static Integer array_upper(List<Object> array, Integer dimension) {
        if (array == null || dimension == null || dimension != 1 || array.isEmpty()) {
            return null;
        }
        return array.size();
    }

    public static String pg_get_userbyid(Long oid) {
        if (oid == null) {
            return null;
        }
        QuiverSession session = SessionScope.current();
        var role = catalog(session).roleByOid(oid);
        if (role != null) {
            return role.name();
        }
        return oid == SystemObjects.PG_DATABASE_OWNER ? "pg_database_owner" : "unknown (OID=" + oid + ")";
    }

    public static String pg_encoding_to_char(Integer encoding) {
        return encoding != null && encoding == ServerCatalogs.UTF8_ENCODING ? ServerCatalogs.UTF8_ENCODING_NAME : "";
    }

    public static Boolean pg_table_is_visible(Long oid) {
        if (oid == null) {
            return null;
        }
        QuiverSession session = SessionScope.current();
        CatalogState catalog = catalog(session);
        Relation relation = Relations.byOid(catalog, oid);
        if (relation == null) {
            return null;
        }
        return relation.equals(Relations.byName(catalog, visibleSchemas(session), null, relation.name()));
    }

    public static String format_type(Long typeOid, Integer typmod) {
        if (typeOid == null) {
            return null;
        }
        PgType type = PgType.byOid(typeOid.intValue());
        if (type == null) {
            return "???";
        }
        return new SqlType(type, typmod == null ? -1 : typmod).displayName();
    }

    /** The comment on a table or an index; {@code catalogName} says which catalog the OID is from. */
    public static String obj_description(Long oid, String catalogName) {
        if (oid == null || !"pg_class".equals(catalogName)) {
            return null;
        }
        return Comments.ofRelation(catalog(SessionScope.current()), oid);
    }

    /** The comment on a column, by its table's OID and attnum (pg_attribute.attnum, an int2). */
    public static String col_description(Long oid, Short column) {
        return col_description(oid, column == null ? null : column.intValue());
    }

    /** The comment on a column, by its table's OID and attnum. */
    public static String col_description(Long oid, Integer column) {
        if (oid == null || column == null) {
            return null;
        }
        TableDefinition table = catalog(SessionScope.current()).tableByOid(oid);
        return table == null || column < 1 || column > table.columns().size() ? null
                : table.column(column - 1).comment();
    }

    /** Quiver has no comments on shared objects (databases, roles). */
    public static String shobj_description(Long oid, String catalogName) {
        return null;
    }

    public static String pg_get_indexdef(Long indexOid) {
        return pg_get_indexdef(indexOid, 0, false);
    }

    /** As psql's {@code \d index} calls it, with pg_attribute.attnum (int2) as the column number. */
    public static String pg_get_indexdef(Long indexOid, Short column, Boolean pretty) {
        return pg_get_indexdef(indexOid, column == null ? null : Integer.valueOf(column), pretty);
    }

    /** The CREATE INDEX statement of an index, or with a column number above 0 that key column's name. */
    public static String pg_get_indexdef(Long indexOid, Integer column, Boolean pretty) {
        Relation index = relation(indexOid, Relation.INDEX);
        if (index == null) {
            return null;
        }
        int position = column == null ? 0 : column;
        if (index.index() != null) {
            boolean prettyPrinted = Boolean.TRUE.equals(pretty);
            return position == 0
                    ? IndexDefinitions.createIndex(index.table(), index.index(),
                            visibleSchemas(SessionScope.current()).contains("public"), prettyPrinted)
                    : IndexDefinitions.keyColumn(index.table(), index.index(), position, prettyPrinted);
        }
        return position == 0 ? IndexDefinitions.createIndex(index.table())
                : IndexDefinitions.keyColumn(index.table(), position);
    }

    public static String pg_get_constraintdef(Long constraintOid) {
        return pg_get_constraintdef(constraintOid, false);
    }

    public static String pg_get_constraintdef(Long constraintOid, Boolean pretty) {
        if (constraintOid == null) {
            return null;
        }
        for (TableDefinition table : catalog(SessionScope.current()).tables()) {
            if (!table.primaryKey().isEmpty() && SystemObjects.primaryKeyConstraintOid(table) == constraintOid) {
                return IndexDefinitions.constraintDefinition(table);
            }
        }
        return null;
    }

    /** Quiver keeps expressions (pg_attrdef.adbin) as their SQL text, which is what this prints. */
    public static String pg_get_expr(String expression, Long relation) {
        return expression;
    }

    public static String pg_get_expr(String expression, Long relation, Boolean pretty) {
        return expression;
    }

    /** The sequence a serial column draws from, schema-qualified, or null. */
    public static String pg_get_serial_sequence(String table, String column) {
        QuiverSession session = SessionScope.current();
        CatalogState catalog = catalog(session);
        int dot = table.indexOf('.');
        TableDefinition definition = searchPath(session).findTable(catalog, dot < 0 ? null : table.substring(0, dot),
                table.substring(dot + 1));
        int index = definition == null ? -1 : definition.columnIndex(column);
        if (index < 0 || definition.column(index).sequenceName() == null) {
            return null;
        }
        return definition.schema() + "." + definition.column(index).sequenceName();
    }

    /** Whether the current role holds {@code privilege} on {@code table} (a name, optionally qualified). */
    public static Boolean has_table_privilege(String table, String privilege) {
        QuiverSession session = SessionScope.current();
        return tablePrivilege(Roles.current(session, catalog(session)), relationNamed(session, table), privilege);
    }

    public static Boolean has_table_privilege(String user, String table, String privilege) {
        QuiverSession session = SessionScope.current();
        return tablePrivilege(namedRole(session, user), relationNamed(session, table), privilege);
    }

    /** The OID form: null for an OID that is no table, as PostgreSQL answers. */
    public static Boolean has_table_privilege(Long table, String privilege) {
        QuiverSession session = SessionScope.current();
        Relation relation = table == null ? null : Relations.byOid(catalog(session), table);
        return relation == null ? null : tablePrivilege(Roles.current(session, catalog(session)), relation, privilege);
    }

    public static Boolean has_table_privilege(String user, Long table, String privilege) {
        QuiverSession session = SessionScope.current();
        Relation relation = table == null ? null : Relations.byOid(catalog(session), table);
        return relation == null ? null : tablePrivilege(namedRole(session, user), relation, privilege);
    }

    private static Relation relationNamed(QuiverSession session, String table) {
        int dot = table.indexOf('.');
        Relation relation = Relations.byName(catalog(session), visibleSchemas(session),
                dot < 0 ? null : table.substring(0, dot), table.substring(dot + 1));
        if (relation == null) {
            throw QuiverException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", table);
        }
        return relation;
    }

    private static RoleDefinition namedRole(QuiverSession session, String name) {
        RoleDefinition role = catalog(session).role(name);
        if (role == null) {
            throw QuiverException.of(SqlState.UNDEFINED_OBJECT, "role \"%s\" does not exist", name);
        }
        return role;
    }

    /**
     * Any of the listed privileges will do. System catalogs are readable by everyone; grant options are only
     * the owner's (Quiver grants none).
     */
    private static boolean tablePrivilege(RoleDefinition role, Relation relation, String privilege) {
        var privileges = AclText.privileges(privilege);
        CatalogState catalog = catalog(SessionScope.current());
        if (relation.table() == null) {
            return role.superuser() || privileges.contains(TablePrivilege.SELECT);
        }
        if (privilege.toUpperCase(java.util.Locale.ROOT).contains("WITH GRANT OPTION")) {
            return TablePermissions.owns(role, catalog, relation.table());
        }
        return privileges.stream().anyMatch(p -> TablePermissions.holds(role, catalog, relation.table().oid(), p));
    }

    @NonDeterministic
    public static long nextval(String sequence) {
        return sequence(sequence).next();
    }

    @NonDeterministic
    public static long currval(String sequence) {
        return sequence(sequence).current();
    }

    @NonDeterministic
    public static long setval(String sequence, long value) {
        sequence(sequence).set(value);
        return value;
    }

    private static Sequence sequence(String name) {
        QuiverSession session = SessionScope.current();
        String qualified = name.indexOf('.') >= 0 ? name
                : searchPath(session).creationSchema(catalog(session)) + "." + name;
        if (!SystemObjects.sequenceExists(catalog(session), qualified)) {
            throw QuiverException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", name);
        }
        return session.engine().storage().sequence(qualified);
    }

    static CatalogState catalog(QuiverSession session) {
        var open = session.transaction().openContext();
        return open != null ? open.catalogView() : session.engine().catalog().current();
    }

    private static Relation relation(Long oid, char kind) {
        if (oid == null) {
            return null;
        }
        Relation relation = Relations.byOid(catalog(SessionScope.current()), oid);
        return relation != null && relation.kind() == kind ? relation : null;
    }

    /** The schemas unqualified names are looked up in: pg_catalog, then the search path. */
    static List<String> visibleSchemas(QuiverSession session) {
        List<String> schemas = new ArrayList<>(List.of(PgCatalogSchema.NAME));
        schemas.addAll(searchPath(session).existing(catalog(session)));
        return schemas;
    }

    static SearchPath searchPath(QuiverSession session) {
        return SearchPath.parse(session.settings().show("search_path"), session.options().user());
    }
}

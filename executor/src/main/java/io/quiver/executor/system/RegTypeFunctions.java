package io.quiver.executor.system;

import io.quiver.catalog.CatalogState;
import io.quiver.catalog.SqlType;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import io.quiver.executor.session.QuiverSession;
import io.quiver.executor.session.SessionScope;
import java.util.List;

/**
 * What casts to PostgreSQL's object-identifier types compute (the parser turns {@code x::regclass} into
 * {@code pg_catalog.regclass(x)}): from text, the OID of the object the text names, failing as PostgreSQL fails
 * when there is none; from an OID, the name PostgreSQL prints for it, or the number when nothing has that OID.
 */
public final class RegTypeFunctions {
    private RegTypeFunctions() {
    }

    public static Long regclass(String name) {
        if (name == null) {
            return null;
        }
        if (isOid(name)) {
            return Long.parseLong(name);
        }
        QuiverSession session = SessionScope.current();
        List<String> parts = QualifiedNames.parse(name);
        String schema = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
        Relation relation = Relations.byName(PgFunctions.catalog(session), PgFunctions.visibleSchemas(session),
                schema, parts.get(parts.size() - 1));
        if (relation == null) {
            throw QuiverException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", name);
        }
        return relation.oid();
    }

    /** The relation's name, schema-qualified when the search path would not find it by its bare name. */
    public static String regclass(Long oid) {
        if (oid == null) {
            return null;
        }
        QuiverSession session = SessionScope.current();
        CatalogState catalog = PgFunctions.catalog(session);
        Relation relation = Relations.byOid(catalog, oid);
        if (relation == null) {
            return oid.toString();
        }
        boolean visible = relation.equals(Relations.byName(catalog, PgFunctions.visibleSchemas(session), null,
                relation.name()));
        String name = Identifiers.quote(relation.name());
        return visible ? name : Identifiers.quote(relation.schema()) + "." + name;
    }

    public static Long regtype(String name) {
        if (name == null) {
            return null;
        }
        if (isOid(name)) {
            return Long.parseLong(name);
        }
        String typeName = unqualified(name);
        for (PgType type : PgType.values()) {
            if (type.typname().equals(typeName) || new SqlType(type, -1).displayName().equals(typeName)) {
                return (long) type.oid();
            }
        }
        throw QuiverException.of(SqlState.UNDEFINED_OBJECT, "type \"%s\" does not exist", name);
    }

    /** The type's name as format_type prints it. */
    public static String regtype(Long oid) {
        if (oid == null) {
            return null;
        }
        return PgType.byOid(oid.intValue()) == null ? oid.toString() : PgFunctions.format_type(oid, null);
    }

    public static Long regnamespace(String name) {
        if (name == null) {
            return null;
        }
        String schema = QualifiedNames.parse(name).get(0);
        if (!PgFunctions.catalog(SessionScope.current()).hasSchema(schema)) {
            throw QuiverException.of(SqlState.INVALID_SCHEMA_NAME, "schema \"%s\" does not exist", name);
        }
        return SystemObjects.namespaceOid(schema);
    }

    public static String regnamespace(Long oid) {
        if (oid == null) {
            return null;
        }
        for (String schema : PgFunctions.catalog(SessionScope.current()).schemas()) {
            if (SystemObjects.namespaceOid(schema) == oid) {
                return Identifiers.quote(schema);
            }
        }
        return oid.toString();
    }

    /**
     * Quiver has no pg_proc; its catalogs hold a function reference (pg_type.typinput ...) as the name regproc
     * prints, which is the bare name of the built-in function.
     */
    public static String regproc(String name) {
        return name == null ? null : unqualified(name);
    }

    private static String unqualified(String name) {
        List<String> parts = QualifiedNames.parse(name);
        if (parts.size() > 2 || (parts.size() == 2 && !parts.get(0).equals(PgCatalogSchema.NAME))) {
            throw QuiverException.of(SqlState.UNDEFINED_OBJECT, "\"%s\" does not exist", name);
        }
        return parts.get(parts.size() - 1);
    }

    private static boolean isOid(String text) {
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    }
}

package io.quiver.sql.utility;

/**
 * A role as a statement names it: a name, or one of the special specifiers PostgreSQL's RoleSpec allows.
 * In a GRANT or REVOKE, the unquoted name {@code public} is {@link Kind#PUBLIC}.
 */
public record RoleSpec(Kind kind, String name) {
    public enum Kind { NAME, CURRENT_USER, SESSION_USER, CURRENT_ROLE, PUBLIC }

    public static RoleSpec named(String name) {
        return new RoleSpec(Kind.NAME, name);
    }

    @Override
    public String toString() {
        return kind == Kind.NAME ? name : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}

package io.quiver.catalog;

import java.time.Instant;

/**
 * A role (pg_authid row): who may log in, with which password verifier, and what it may do beyond the
 * privileges granted on objects.
 *
 * @param oid the role's OID; the bootstrap superuser's is 10, as in PostgreSQL
 * @param password the stored verifier (SCRAM-SHA-256 or a legacy MD5 hash), or null for none
 * @param connectionLimit how many connections it may hold at once, -1 for no limit
 * @param validUntil when its password stops working, or null for never
 */
public record RoleDefinition(long oid, String name, boolean superuser, boolean inherit, boolean createRole,
                             boolean createDb, boolean canLogin, boolean replication, boolean bypassRls,
                             int connectionLimit, String password, Instant validUntil) {
    /** PostgreSQL's BOOTSTRAP_SUPERUSERID. */
    public static final long BOOTSTRAP_SUPERUSER_OID = 10;
    public static final String BOOTSTRAP_SUPERUSER_NAME = "postgres";

    /** The superuser a new data directory starts with, as initdb creates it. */
    public static RoleDefinition bootstrapSuperuser() {
        return new RoleDefinition(BOOTSTRAP_SUPERUSER_OID, BOOTSTRAP_SUPERUSER_NAME, true, true, true, true, true,
                true, true, -1, null, null);
    }

    public RoleDefinition withName(String newName) {
        return new RoleDefinition(oid, newName, superuser, inherit, createRole, createDb, canLogin, replication,
                bypassRls, connectionLimit, password, validUntil);
    }

    public RoleDefinition withPassword(String newPassword) {
        return new RoleDefinition(oid, name, superuser, inherit, createRole, createDb, canLogin, replication,
                bypassRls, connectionLimit, newPassword, validUntil);
    }
}

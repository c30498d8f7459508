package io.quiver.sql.utility;

/** {@code ALTER TABLE [IF EXISTS] t OWNER TO role}. */
public record AlterTableOwner(boolean ifExists, QualifiedName table, RoleSpec owner) implements UtilityStatement {
}

package io.quiver.sql.utility;

import java.util.List;

/** {@code DROP ROLE|USER [IF EXISTS] role [, ...]}. */
public record DropRole(boolean ifExists, List<RoleSpec> roles) implements UtilityStatement {
    public DropRole {
        roles = List.copyOf(roles);
    }
}

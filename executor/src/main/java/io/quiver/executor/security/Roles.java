package io.quiver.executor.security;

import io.quiver.catalog.CatalogState;
import io.quiver.catalog.RoleDefinition;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.executor.session.QuiverSession;
import io.quiver.sql.utility.RoleSpec;

/** Finds roles as statements name them, and the role a session runs as. */
public final class Roles {
    private Roles() {
    }

    /**
     * The session's role. Quiver has no SET ROLE, so it is the authenticated one; a session whose role was
     * dropped meanwhile (by another session) acts with no privileges, as an unknown role with none.
     */
    public static RoleDefinition current(QuiverSession session, CatalogState catalog) {
        RoleDefinition role = catalog.role(session.options().user());
        return role != null ? role : new RoleDefinition(-1, session.options().user(), false, true, false, false,
                false, false, false, -1, null, null);
    }

    public static RoleDefinition require(QuiverSession session, CatalogState catalog, RoleSpec spec) {
        if (spec.kind() == RoleSpec.Kind.PUBLIC) {
            throw new QuiverException(SqlState.UNDEFINED_OBJECT, "role \"public\" does not exist");
        }
        String name = spec.kind() == RoleSpec.Kind.NAME ? spec.name() : session.options().user();
        RoleDefinition role = catalog.role(name);
        if (role == null) {
            throw QuiverException.of(SqlState.UNDEFINED_OBJECT, "role \"%s\" does not exist", name);
        }
        return role;
    }
}

package io.quiver.executor.security;

import io.quiver.catalog.CatalogState;
import io.quiver.catalog.RoleDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.common.error.SqlState;
import io.quiver.executor.api.Notice;
import io.quiver.executor.session.QuiverSession;
import java.util.List;

/** VACUUM and ANALYZE skip the tables the role does not own, with PostgreSQL's warning for each, not an error. */
public final class OwnedTables {
    private OwnedTables() {
    }

    /** The tables of {@code tables} the session's role may {@code command}; a warning into {@code notices} per other. */
    public static List<TableDefinition> of(QuiverSession session, CatalogState catalog, List<TableDefinition> tables,
                                           String command, List<Notice> notices) {
        RoleDefinition role = Roles.current(session, catalog);
        return tables.stream().filter(table -> {
            boolean owned = TablePermissions.owns(role, catalog, table);
            if (!owned) {
                notices.add(new Notice("WARNING", SqlState.WARNING, "skipping \"" + table.name()
                        + "\" --- only table or database owner can " + command + " it"));
            }
            return owned;
        }).toList();
    }
}

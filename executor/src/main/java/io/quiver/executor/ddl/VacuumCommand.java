package io.quiver.executor.ddl;

import io.quiver.catalog.CatalogState;
import io.quiver.catalog.TableDefinition;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.executor.QuiverEngine;
import io.quiver.executor.api.Notice;
import io.quiver.executor.security.OwnedTables;
import io.quiver.executor.session.QuiverSession;
import io.quiver.executor.session.SearchPath;
import io.quiver.executor.statement.StatementResult;
import io.quiver.sql.utility.QualifiedName;
import io.quiver.sql.utility.Vacuum;
import java.util.ArrayList;
import java.util.List;

/** VACUUM [FULL] [VERBOSE] [table, ...]: no tables means every table; VERBOSE reports as INFO. */
final class VacuumCommand {
    private VacuumCommand() {
    }

    static StatementResult run(Vacuum vacuum, QuiverSession session, SearchPath searchPath) {
        QuiverEngine engine = session.engine();
        CatalogState catalog = engine.catalog().current();
        List<TableDefinition> tables = new ArrayList<>();
        for (QualifiedName name : vacuum.tables()) {
            TableDefinition table = searchPath.findTable(catalog, name.schema(), name.name());
            if (table == null) {
                throw QuiverException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", name);
            }
            tables.add(table);
        }
        if (vacuum.tables().isEmpty()) {
            tables.addAll(catalog.tables());
        }
        List<Notice> notices = new ArrayList<>();
        List<TableDefinition> owned = OwnedTables.of(session, catalog, tables, "vacuum", notices);
        List<Notice> info = engine.vacuumer().vacuum(owned, vacuum.full(), session.options().database());
        if (vacuum.verbose()) {
            notices.addAll(info);
        }
        return StatementResult.command("VACUUM", notices);
    }
}

package io.quiver.executor.copy;

import io.quiver.catalog.CatalogState;
import io.quiver.catalog.TableDefinition;
import io.quiver.catalog.TablePrivilege;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import io.quiver.executor.QuiverEngine;
import io.quiver.executor.api.PreparedStatement;
import io.quiver.executor.security.TablePermissions;
import io.quiver.executor.session.QuiverSession;
import io.quiver.executor.session.SearchPath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Plans {@code COPY ... FROM STDIN} as the one-row INSERT each received row runs through, so COPY applies
 * exactly INSERT's defaults, casts and checks.
 */
public final class CopyPlanner {
    private final QuiverEngine engine;
    private final QuiverSession session;

    public CopyPlanner(QuiverEngine engine, QuiverSession session) {
        this.engine = engine;
        this.session = session;
    }

    public PreparedStatement plan(CopyStatement copy) {
        return copy.in() ? planIn(copy) : planOut(copy);
    }

    /** COPY TO STDOUT streams the rows of a query: the given one, or the listed columns of the table. */
    private PreparedStatement planOut(CopyStatement copy) {
        String query = copy.query();
        if (query == null) {
            TableDefinition table = table(copy);
            List<String> columns = copy.columns().isEmpty()
                    ? table.columns().stream().map(c -> c.name()).toList() : copy.columns();
            query = "SELECT " + columns.stream().map(CopyPlanner::quote).collect(Collectors.joining(", "))
                    + " FROM " + quote(table.schema()) + "." + quote(table.name());
        }
        PreparedStatement rows = session.prepareInternal(query, new int[0]);
        return new CopyPreparedStatement(rows.columns(), () -> new CopyOutSender(rows.bind(List.of()), copy.format()));
    }

    private TableDefinition table(CopyStatement copy) {
        SearchPath searchPath = SearchPath.parse(session.settings().show("search_path"), session.options().user());
        return searchPath.requireTable(catalogView(), copy.table().schema(), copy.table().name());
    }

    /** The catalog the session's open transaction sees, or the committed one; COPY opens no transaction here. */
    private CatalogState catalogView() {
        return session.transaction().openContext() != null
                ? session.transaction().openContext().catalogView() : engine.catalog().current();
    }

    private PreparedStatement planIn(CopyStatement copy) {
        TableDefinition table = table(copy);
        List<String> columns = copy.columns().isEmpty()
                ? table.columns().stream().map(c -> c.name()).toList() : copy.columns();
        List<PgType> types = new ArrayList<>();
        for (String column : columns) {
            int index = table.columnIndex(column);
            if (index < 0) {
                throw QuiverException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" of relation \"%s\" does not exist",
                        column, table.name());
            }
            types.add(table.column(index).type().type());
        }
        RowInserter inserter = DirectRowInserter.of(engine, session.transaction(), table, columns)
                .orElseGet(() -> plannedInserter(table, columns, types));
        // The planned inserter checks INSERT itself; the direct one is checked here, when the COPY starts.
        return new CopyPreparedStatement(List.of(), () -> {
            TablePermissions.require(session, catalogView(), table, TablePrivilege.INSERT);
            return new CopyInReceiver(inserter, session, copy.format(), types);
        });
    }

    /** Runs each row through the table's one-row INSERT plan, so any column default is evaluated as INSERT would. */
    private RowInserter plannedInserter(TableDefinition table, List<String> columns, List<PgType> types) {
        String insert = "INSERT INTO " + quote(table.schema()) + "." + quote(table.name())
                + columns.stream().map(CopyPlanner::quote).collect(Collectors.joining(", ", " (", ")"))
                + " VALUES (" + placeholders(columns.size()) + ")";
        int[] oids = types.stream().mapToInt(PgType::oid).toArray();
        PreparedStatement rowInsert = session.prepareInternal(insert, oids);
        return fields -> {
            try (var portal = rowInsert.bind(Arrays.asList(fields))) {
                portal.execute(0, row -> { });
            }
        };
    }

    private static String placeholders(int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            sb.append(i > 1 ? ", " : "").append('$').append(i);
        }
        return sb.toString();
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}

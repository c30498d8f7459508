package io.quiver.executor.ddl;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.executor.api.Notice;
import io.quiver.executor.session.ExecutionContext;
import io.quiver.executor.statement.StatementResult;
import io.quiver.sql.utility.CreateExtension;
import io.quiver.sql.utility.DropExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CREATE/DROP EXTENSION. Quiver has pgvector built in; the statement is accepted so that pgvector schemas run
 * unchanged, and recorded so pg_extension and psql's \dx show what PostgreSQL would.
 */
final class ExtensionCommands {
    /** The extensions Quiver provides, with the versions it is compatible with. */
    static final Map<String, String> AVAILABLE = Map.of("vector", "0.8.6", "plpgsql", "1.0");

    private ExtensionCommands() {
    }

    static StatementResult create(CreateExtension create, ExecutionContext ctx) {
        String version = AVAILABLE.get(create.name());
        if (version == null) {
            throw QuiverException.of(SqlState.UNDEFINED_FILE,
                    "could not open extension control file \"%s.control\": No such file or directory",
                    create.name());
        }
        if (ctx.catalogView().extensions().containsKey(create.name())) {
            if (create.ifNotExists()) {
                return StatementResult.command("CREATE EXTENSION", List.of(Notice.notice(SqlState.DUPLICATE_OBJECT,
                        "extension \"" + create.name() + "\" already exists, skipping")));
            }
            throw QuiverException.of(SqlState.DUPLICATE_OBJECT, "extension \"%s\" already exists", create.name());
        }
        ctx.catalog().createExtension(create.name(), version);
        return StatementResult.command("CREATE EXTENSION");
    }

    static StatementResult drop(DropExtension drop, ExecutionContext ctx) {
        List<Notice> notices = new ArrayList<>();
        for (String name : drop.names()) {
            if (!ctx.catalogView().extensions().containsKey(name)) {
                if (!drop.ifExists()) {
                    throw QuiverException.of(SqlState.UNDEFINED_OBJECT, "extension \"%s\" does not exist", name);
                }
                notices.add(Notice.notice(SqlState.SUCCESSFUL_COMPLETION,
                        "extension \"" + name + "\" does not exist, skipping"));
                continue;
            }
            ctx.catalog().dropExtension(name);
        }
        return StatementResult.command("DROP EXTENSION", notices);
    }
}

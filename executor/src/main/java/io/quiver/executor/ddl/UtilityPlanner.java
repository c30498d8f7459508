package io.quiver.executor.ddl;

import io.quiver.catalog.CatalogState;
import io.quiver.catalog.TableDefinition;
import io.quiver.catalog.TablePrivilege;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.executor.api.Notice;
import io.quiver.executor.plan.PlanEnvironment;
import io.quiver.executor.schema.TableStorageResolver;
import io.quiver.executor.session.ExecutionContext;
import io.quiver.executor.session.QuiverSession;
import io.quiver.executor.session.SearchPath;
import io.quiver.executor.statement.QuiverPreparedStatement;
import io.quiver.executor.statement.StatementResult;
import io.quiver.executor.statement.Statements;
import io.quiver.executor.statement.TransactionUse;
import io.quiver.executor.stats.TableChanges;
import io.quiver.executor.security.RoleCommands;
import io.quiver.executor.security.GrantCommands;
import io.quiver.executor.security.OwnedTables;
import io.quiver.executor.security.Roles;
import io.quiver.executor.security.TablePermissions;
import io.quiver.sql.utility.AlterTableOwner;
import io.quiver.sql.utility.GrantPrivileges;
import io.quiver.sql.utility.AlterIndexSet;
import io.quiver.sql.utility.AlterRole;
import io.quiver.sql.utility.CreateRole;
import io.quiver.sql.utility.DropRole;
import io.quiver.sql.utility.RenameRole;
import io.quiver.sql.utility.AlterTable;
import io.quiver.sql.utility.Analyze;
import io.quiver.sql.utility.Backup;
import io.quiver.sql.utility.Begin;
import io.quiver.sql.utility.Checkpoint;
import io.quiver.sql.utility.CommentOn;
import io.quiver.sql.utility.Commit;
import io.quiver.sql.utility.CreateExtension;
import io.quiver.sql.utility.CreateIndex;
import io.quiver.sql.utility.CreateSchema;
import io.quiver.sql.utility.CreateTable;
import io.quiver.sql.utility.Deallocate;
import io.quiver.sql.utility.Discard;
import io.quiver.sql.utility.DropExtension;
import io.quiver.sql.utility.DropIndex;
import io.quiver.sql.utility.DropSchema;
import io.quiver.sql.utility.DropTable;
import io.quiver.sql.utility.EmptyStatement;
import io.quiver.sql.utility.QualifiedName;
import io.quiver.sql.utility.Reindex;
import io.quiver.sql.utility.ReleaseSavepoint;
import io.quiver.sql.utility.RenameColumn;
import io.quiver.sql.utility.RenameIndex;
import io.quiver.sql.utility.RenameTable;
import io.quiver.sql.utility.ResetVariable;
import io.quiver.sql.utility.Rollback;
import io.quiver.sql.utility.RollbackToSavepoint;
import io.quiver.sql.utility.Savepoint;
import io.quiver.sql.utility.SetTransaction;
import io.quiver.sql.utility.SetVariable;
import io.quiver.sql.utility.ShowVariable;
import io.quiver.sql.utility.Truncate;
import io.quiver.sql.utility.UtilityStatement;
import io.quiver.sql.utility.Vacuum;
import java.util.ArrayList;
import java.util.List;

/** Plans the statements Calcite does not handle: DDL, transaction control, settings. */
public final class UtilityPlanner {
    private final QuiverSession session;
    private final TableStorageResolver storage;

    public UtilityPlanner(QuiverSession session, TableStorageResolver storage) {
        this.session = session;
        this.storage = storage;
    }

    public QuiverPreparedStatement plan(UtilityStatement statement) {
        return switch (statement) {
            case Begin begin -> control(() -> beginBlock());
            case Commit commit -> control(this::commit);
            case Rollback rollback -> control(this::rollback);
            case Savepoint savepoint -> control(() -> {
                session.transaction().savepoint(savepoint.name());
                return StatementResult.command("SAVEPOINT");
            });
            case RollbackToSavepoint rollbackTo -> control(() -> {
                session.transaction().rollbackToSavepoint(rollbackTo.name());
                return StatementResult.command("ROLLBACK");
            });
            case ReleaseSavepoint release -> control(() -> {
                session.transaction().releaseSavepoint(release.name());
                return StatementResult.command("RELEASE");
            });
            case SetVariable set -> SettingCommands.set(session, set);
            case ResetVariable reset -> SettingCommands.reset(session, reset);
            case ShowVariable show -> SettingCommands.show(session, show);
            case SetTransaction ignored -> normal(ctx -> StatementResult.command("SET"));
            case CreateTable create -> normal(ctx -> CreateTableCommand.run(create, ctx, searchPath(),
                    Roles.current(session, ctx.catalogView()).oid()));
            case DropTable drop -> normal(ctx -> dropTables(drop, ctx));
            case CreateIndex create -> normal(ctx -> indexCommands().create(create, ctx));
            case DropIndex drop -> normal(ctx -> indexCommands().drop(drop, ctx));
            case Reindex reindex -> normal(ctx -> indexCommands().reindex(reindex, ctx));
            case RenameIndex rename -> normal(ctx -> indexCommands().rename(rename, ctx));
            case AlterIndexSet alter -> normal(ctx -> indexCommands().setOptions(alter, ctx));
            case AlterTable alter -> normal(ctx -> alterTableCommands().alter(alter, ctx));
            case RenameTable rename -> normal(ctx -> alterTableCommands().renameTable(rename, ctx));
            case RenameColumn rename -> normal(ctx -> alterTableCommands().renameColumn(rename, ctx));
            case Truncate truncate -> normal(ctx -> truncate(truncate, ctx));
            case CreateSchema create -> normal(ctx -> createSchema(create, ctx));
            case DropSchema drop -> normal(ctx -> dropSchemas(drop, ctx));
            case CreateExtension create -> normal(ctx -> ExtensionCommands.create(create, ctx));
            case DropExtension drop -> normal(ctx -> ExtensionCommands.drop(drop, ctx));
            case CommentOn comment -> normal(ctx -> comment(comment, ctx));
            case Analyze analyze -> normal(ctx -> analyze(analyze, ctx));
            case Vacuum vacuum -> outsideBlock("VACUUM", () -> VacuumCommand.run(vacuum, session, searchPath()));
            case Checkpoint ignored -> normal(ctx -> StatementResult.command("CHECKPOINT"));
            case Backup backup -> BackupCommand.plan(session, backup);
            case Discard discard -> normal(ctx -> StatementResult.command("DISCARD " + discard.target()));
            case Deallocate deallocate -> normal(ctx -> StatementResult.command(
                    deallocate.name() == null ? "DEALLOCATE ALL" : "DEALLOCATE"));
            case EmptyStatement ignored -> normal(ctx -> StatementResult.command(""));
            case CreateRole create -> normal(ctx -> new RoleCommands(session).create(create, ctx));
            case AlterRole alter -> normal(ctx -> new RoleCommands(session).alter(alter, ctx));
            case RenameRole rename -> normal(ctx -> new RoleCommands(session).rename(rename, ctx));
            case DropRole drop -> normal(ctx -> new RoleCommands(session).drop(drop, ctx));
            case GrantPrivileges grant -> normal(ctx -> grantCommands().grantOrRevoke(grant, ctx));
            case AlterTableOwner alter -> normal(ctx -> grantCommands().alterOwner(alter, ctx));
            default -> throw QuiverException.of(SqlState.FEATURE_NOT_SUPPORTED, "%s is not supported yet",
                    describe(statement));
        };
    }

    private static String describe(UtilityStatement statement) {
        return statement.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase();
    }

    private QuiverPreparedStatement control(java.util.function.Supplier<StatementResult> action) {
        return Statements.command(session, TransactionUse.CONTROL, parameters -> action.get());
    }

    /** A statement PostgreSQL refuses inside a transaction block (25001), run without a transaction. */
    private QuiverPreparedStatement outsideBlock(String command, java.util.function.Supplier<StatementResult> action) {
        return control(() -> {
            if (session.transaction().inBlock()) {
                throw QuiverException.of(SqlState.ACTIVE_SQL_TRANSACTION, "%s cannot run inside a transaction block",
                        command);
            }
            return action.get();
        });
    }

    private QuiverPreparedStatement normal(java.util.function.Function<ExecutionContext, StatementResult> action) {
        return Statements.command(session, TransactionUse.NORMAL,
                parameters -> action.apply(session.transaction().context()));
    }

    private GrantCommands grantCommands() {
        return new GrantCommands(session, searchPath());
    }

    private IndexCommands indexCommands() {
        return new IndexCommands(session.engine().vectorIndexes(), searchPath(), session, storage,
                () -> PlanEnvironment.of(session.engine(), session));
    }

    private AlterTableCommands alterTableCommands() {
        return new AlterTableCommands(searchPath(), storage, session.engine().vectorIndexes(),
                () -> PlanEnvironment.of(session.engine(), session), session);
    }

    /** Frees a dropped table's storage, vectors and index files once the drop committed. */
    private void dropAfterCommit(TableDefinition table, ExecutionContext ctx) {
        ctx.afterCommit(() -> {
            storage.drop(table);
            session.engine().vectorIndexes().forget(table);
            session.engine().statistics().forget(table);
        });
    }

    private SearchPath searchPath() {
        return SearchPath.parse(session.settings().show("search_path"), session.options().user());
    }

    private StatementResult beginBlock() {
        if (!session.transaction().begin()) {
            return StatementResult.command("BEGIN", List.of(new Notice("WARNING", SqlState.ACTIVE_SQL_TRANSACTION,
                    "there is already a transaction in progress")));
        }
        return StatementResult.command("BEGIN");
    }

    private StatementResult commit() {
        if (!session.transaction().inBlock()) {
            return StatementResult.command("COMMIT", List.of(noTransaction()));
        }
        return StatementResult.command(session.transaction().commit());
    }

    private StatementResult rollback() {
        boolean inBlock = session.transaction().inBlock();
        session.transaction().rollback();
        return StatementResult.command("ROLLBACK", inBlock ? List.of() : List.of(noTransaction()));
    }

    private static Notice noTransaction() {
        return new Notice("WARNING", SqlState.NO_ACTIVE_SQL_TRANSACTION, "there is no transaction in progress");
    }

    private StatementResult dropTables(DropTable drop, ExecutionContext ctx) {
        List<Notice> notices = new ArrayList<>();
        for (QualifiedName name : drop.names()) {
            TableDefinition table = searchPath().findTable(ctx.catalogView(), name.schema(), name.name());
            if (table == null) {
                if (!drop.ifExists()) {
                    throw QuiverException.of(SqlState.UNDEFINED_TABLE, "table \"%s\" does not exist", name);
                }
                notices.add(Notice.notice(SqlState.SUCCESSFUL_COMPLETION,
                        "table \"" + name + "\" does not exist, skipping"));
                continue;
            }
            TablePermissions.requireOwner(session, ctx.catalogView(), table);
            ctx.catalog().dropTable(table);
            dropAfterCommit(table, ctx);
        }
        return StatementResult.command("DROP TABLE", notices);
    }

    private StatementResult truncate(Truncate truncate, ExecutionContext ctx) {
        for (QualifiedName name : truncate.tables()) {
            TableDefinition table = searchPath().requireTable(ctx.catalogView(), name.schema(), name.name());
            TablePermissions.require(session, ctx.catalogView(), table, TablePrivilege.TRUNCATE);
            ctx.storage().access(storage.storageOf(table)).truncate();
            TableChanges.of(ctx, session.engine().statistics()).truncated(table);
            // The in-memory vectors and indexes are rebuilt from the emptied table on next use.
            ctx.afterCommit(() -> session.engine().vectorIndexes().forget(table));
            if (truncate.restartIdentity()) {
                table.columns().stream().map(c -> c.sequenceName()).filter(s -> s != null)
                        .forEach(s -> session.engine().storage().sequence(table.schema() + "." + s).set(0));
            }
        }
        return StatementResult.command("TRUNCATE TABLE");
    }

    /** Recomputes the statistics of the named tables, or of every table, from their committed rows. */
    private StatementResult analyze(Analyze analyze, ExecutionContext ctx) {
        List<TableDefinition> tables = analyze.tables().isEmpty() ? List.copyOf(ctx.catalogView().tables())
                : analyze.tables().stream()
                        .map(name -> searchPath().requireTable(ctx.catalogView(), name.schema(), name.name()))
                        .toList();
        List<Notice> warnings = new ArrayList<>();
        OwnedTables.of(session, ctx.catalogView(), tables, "analyze", warnings)
                .forEach(session.engine().statistics()::analyze);
        return StatementResult.command("ANALYZE", warnings);
    }

    private StatementResult createSchema(CreateSchema create, ExecutionContext ctx) {
        if (create.ifNotExists() && ctx.catalogView().hasSchema(create.name())) {
            return StatementResult.command("CREATE SCHEMA", List.of(Notice.notice(SqlState.DUPLICATE_SCHEMA,
                    "schema \"" + create.name() + "\" already exists, skipping")));
        }
        ctx.catalog().createSchema(create.name());
        return StatementResult.command("CREATE SCHEMA");
    }

    private StatementResult dropSchemas(DropSchema drop, ExecutionContext ctx) {
        List<Notice> notices = new ArrayList<>();
        for (String name : drop.names()) {
            CatalogState view = ctx.catalogView();
            if (!view.hasSchema(name)) {
                if (!drop.ifExists()) {
                    throw QuiverException.of(SqlState.INVALID_SCHEMA_NAME, "schema \"%s\" does not exist", name);
                }
                notices.add(Notice.notice(SqlState.SUCCESSFUL_COMPLETION,
                        "schema \"" + name + "\" does not exist, skipping"));
                continue;
            }
            List<TableDefinition> tables = view.tables().stream().filter(t -> t.schema().equals(name)).toList();
            if (!tables.isEmpty() && !drop.cascade()) {
                throw new QuiverException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                        "cannot drop schema " + name + " because other objects depend on it",
                        "table " + tables.get(0).qualifiedName() + " depends on schema " + name,
                        "Use DROP ... CASCADE to drop the dependent objects too.", 0, null);
            }
            for (TableDefinition table : tables) {
                ctx.catalog().dropTable(table);
                dropAfterCommit(table, ctx);
            }
            ctx.catalog().dropSchema(name);
        }
        return StatementResult.command("DROP SCHEMA", notices);
    }

    private StatementResult comment(CommentOn comment, ExecutionContext ctx) {
        QualifiedName target = comment.target();
        return switch (comment.kind()) {
            case INDEX -> indexCommands().comment(target, comment.text(), ctx);
            case TABLE -> {
                if (searchPath().findTable(ctx.catalogView(), target.schema(), target.name()) == null
                        && indexCommands().tableOf(ctx.catalogView(), target) != null) {
                    throw QuiverException.of(SqlState.WRONG_OBJECT_TYPE, "\"%s\" is not a table", target.name());
                }
                TableDefinition table = searchPath().requireTable(ctx.catalogView(), target.schema(), target.name());
                TablePermissions.requireOwner(session, ctx.catalogView(), table);
                ctx.catalog().replaceTable(table.withComment(comment.text()));
                yield StatementResult.command("COMMENT");
            }
            case COLUMN -> {
                TableDefinition table = searchPath().requireTable(ctx.catalogView(), target.schema(), target.name());
                TablePermissions.requireRelationOwner(session, ctx.catalogView(), table);
                int column = table.columnIndex(comment.column());
                if (column < 0) {
                    throw QuiverException.of(SqlState.UNDEFINED_COLUMN,
                            "column \"%s\" of relation \"%s\" does not exist", comment.column(), table.name());
                }
                ctx.catalog().replaceTable(table.withColumnChanged(column, c -> c.withComment(comment.text())));
                yield StatementResult.command("COMMENT");
            }
            default -> throw QuiverException.of(SqlState.FEATURE_NOT_SUPPORTED, "COMMENT ON %s is not supported yet",
                    comment.kind());
        };
    }
}

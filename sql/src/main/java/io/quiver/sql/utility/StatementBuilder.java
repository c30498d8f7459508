package io.quiver.sql.utility;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.sql.utility.CommentOn.ObjectKind;
import io.quiver.sql.utility.grammar.PgUtilityParserBaseVisitor;
import io.quiver.sql.utility.grammar.PgUtilityLexer;
import io.quiver.sql.utility.grammar.PgUtilityParser.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the {@link UtilityStatement} for a parse tree of {@code singleStatement}. */
final class StatementBuilder extends PgUtilityParserBaseVisitor<UtilityStatement> {

    @Override
    public UtilityStatement visitSingleStatement(SingleStatementContext ctx) {
        return visit(ctx.statement());
    }

    // ---- tables, schemas, extensions ----

    @Override
    public UtilityStatement visitCreateTable(CreateTableContext ctx) {
        QualifiedName table = Names.qualified(ctx.qualifiedName());
        List<ColumnDefinition> columns = new ArrayList<>();
        List<TableConstraint> constraints = new ArrayList<>();
        for (TableElementContext element : ctx.tableElement()) {
            if (element.columnDefinition() != null) {
                columns.add(ColumnDefinitionBuilder.build(element.columnDefinition(), table.name()));
            } else {
                constraints.add(tableConstraint(element.tableConstraint()));
            }
        }
        return new CreateTable(table, ctx.ifNotExists() != null, columns, constraints);
    }

    private static TableConstraint tableConstraint(TableConstraintContext ctx) {
        String name = ctx.colId() == null ? null : Words.name(ctx.colId());
        TableConstraint.Kind kind = ctx.PRIMARY() != null ? TableConstraint.Kind.PRIMARY_KEY : TableConstraint.Kind.UNIQUE;
        return new TableConstraint(name, kind, Names.list(ctx.columnList().colId()));
    }

    @Override
    public UtilityStatement visitDropTable(DropTableContext ctx) {
        return new DropTable(Names.qualifiedList(ctx.qualifiedNameList()), ctx.ifExists() != null,
                cascade(ctx.dropBehavior()));
    }

    @Override
    public UtilityStatement visitTruncate(TruncateContext ctx) {
        boolean restart = ctx.identity != null && ctx.identity.getType() == PgUtilityLexer.RESTART;
        return new Truncate(Names.qualifiedList(ctx.qualifiedNameList()), restart, cascade(ctx.dropBehavior()));
    }

    @Override
    public UtilityStatement visitCreateSchema(CreateSchemaContext ctx) {
        return new CreateSchema(Words.name(ctx.colId()), ctx.ifNotExists() != null);
    }

    @Override
    public UtilityStatement visitDropSchema(DropSchemaContext ctx) {
        return new DropSchema(Names.list(ctx.colIdList()), ctx.ifExists() != null, cascade(ctx.dropBehavior()));
    }

    @Override
    public UtilityStatement visitCreateExtension(CreateExtensionContext ctx) {
        String schema = ctx.schema == null ? null : Words.name(ctx.schema);
        return new CreateExtension(Words.name(ctx.name), ctx.ifNotExists() != null, schema);
    }

    @Override
    public UtilityStatement visitDropExtension(DropExtensionContext ctx) {
        return new DropExtension(Names.list(ctx.colIdList()), ctx.ifExists() != null, cascade(ctx.dropBehavior()));
    }

    private static boolean cascade(DropBehaviorContext ctx) {
        return ctx != null && ctx.CASCADE() != null;
    }

    // ---- indexes ----

    @Override
    public UtilityStatement visitCreateIndex(CreateIndexContext ctx) {
        return new CreateIndex(
                ctx.name == null ? null : Words.name(ctx.name),
                ctx.UNIQUE() != null,
                ctx.CONCURRENTLY() != null,
                ctx.ifNotExists() != null,
                Names.qualified(ctx.qualifiedName()),
                ctx.method == null ? null : Words.name(ctx.method),
                ctx.indexElement().stream().map(StatementBuilder::indexElement).toList(),
                ctx.relOptions() == null ? Map.of() : Options.relOptions(ctx.relOptions()),
                ctx.restOfStatement() == null ? null : Words.rawText(ctx.restOfStatement()));
    }

    private static IndexElement indexElement(IndexElementContext ctx) {
        String opclass = ctx.opclass == null ? null : String.join(".", Names.parts(ctx.opclass));
        if (ctx.colId() != null) {
            return new IndexElement(Words.name(ctx.colId()), null, opclass);
        }
        if (ctx.functionCall() != null) {
            return new IndexElement(null, Words.rawText(ctx.functionCall()), opclass);
        }
        BalancedContext parenthesized = ctx.balanced();
        if (parenthesized.getChildCount() == 2) {
            throw SyntaxErrors.at(parenthesized.getStop());
        }
        return new IndexElement(null, Words.textInside(parenthesized), opclass);
    }

    @Override
    public UtilityStatement visitDropIndex(DropIndexContext ctx) {
        return new DropIndex(Names.qualifiedList(ctx.qualifiedNameList()), ctx.ifExists() != null,
                ctx.CONCURRENTLY() != null, cascade(ctx.dropBehavior()));
    }

    @Override
    public UtilityStatement visitReindex(ReindexContext ctx) {
        Reindex.Kind kind = ctx.kind.getType() == PgUtilityLexer.INDEX ? Reindex.Kind.INDEX : Reindex.Kind.TABLE;
        return new Reindex(kind, Names.qualified(ctx.qualifiedName()), ctx.CONCURRENTLY() != null);
    }

    @Override
    public UtilityStatement visitAlterIndexSet(AlterIndexSetContext ctx) {
        return new AlterIndexSet(Names.qualified(ctx.qualifiedName()), ctx.ifExists() != null,
                Options.relOptions(ctx.relOptions()));
    }

    @Override
    public UtilityStatement visitAlterIndexReset(AlterIndexResetContext ctx) {
        Map<String, String> reset = new LinkedHashMap<>();
        ctx.colLabel().forEach(label -> reset.put(Words.name(label).toLowerCase(Locale.ROOT), null));
        return new AlterIndexSet(Names.qualified(ctx.qualifiedName()), ctx.ifExists() != null, reset);
    }

    @Override
    public UtilityStatement visitRenameIndex(RenameIndexContext ctx) {
        return new RenameIndex(Names.qualified(ctx.qualifiedName()), ctx.ifExists() != null, Words.name(ctx.colId()));
    }

    // ---- ALTER TABLE ----

    @Override
    public UtilityStatement visitAlterTable(AlterTableContext ctx) {
        QualifiedName table = Names.qualified(ctx.qualifiedName());
        List<AlterTable.Action> actions = new ArrayList<>();
        for (AlterTableActionContext action : ctx.alterTableAction()) {
            actions.add(switch (action) {
                case AddColumnContext add -> new AlterTable.AddColumn(
                        ColumnDefinitionBuilder.build(add.columnDefinition(), table.name()), add.ifNotExists() != null);
                case DropColumnContext drop -> new AlterTable.DropColumn(Words.name(drop.colId()),
                        drop.ifExists() != null, cascade(drop.dropBehavior()));
                case SetNotNullContext set -> new AlterTable.SetNotNull(Words.name(set.colId()), true);
                case DropNotNullContext drop -> new AlterTable.SetNotNull(Words.name(drop.colId()), false);
                case SetDefaultContext set -> new AlterTable.SetDefault(Words.name(set.colId()),
                        Words.rawText(set.defaultExpression()));
                case DropDefaultContext drop -> new AlterTable.SetDefault(Words.name(drop.colId()), null);
                default -> throw new IllegalStateException("unexpected ALTER TABLE action " + action.getText());
            });
        }
        return new AlterTable(table, ctx.ifExists() != null, actions);
    }

    @Override
    public UtilityStatement visitRenameTable(RenameTableContext ctx) {
        return new RenameTable(Names.qualified(ctx.qualifiedName()), ctx.ifExists() != null, Words.name(ctx.colId()));
    }

    @Override
    public UtilityStatement visitRenameColumn(RenameColumnContext ctx) {
        return new RenameColumn(Names.qualified(ctx.qualifiedName()), ctx.ifExists() != null,
                Words.name(ctx.colId(0)), Words.name(ctx.colId(1)));
    }

    // ---- configuration ----

    @Override
    public UtilityStatement visitSetStatement(SetStatementContext ctx) {
        boolean local = ctx.scope != null && ctx.scope.getType() == PgUtilityLexer.LOCAL;
        return switch (ctx.setRest()) {
            case SetTransactionContext t -> TransactionModes.of(t.transactionModes()).toSetTransaction(false);
            case SetSessionCharacteristicsContext s -> TransactionModes.of(s.transactionModes()).toSetTransaction(true);
            case SetTimeZoneContext zone -> new SetVariable("timezone", zoneValue(zone.zoneValue()), local);
            case SetNamesContext names -> new SetVariable("client_encoding",
                    names.string() == null ? List.of() : List.of(Words.string(names.string())), local);
            case SetSchemaContext schema -> new SetVariable("search_path", List.of(Words.string(schema.string())), local);
            case SetVariableContext variable -> new SetVariable(variableName(variable.varName()),
                    variable.varValue().stream().map(Options::value).toList(), local);
            default -> throw new IllegalStateException("unexpected SET form " + ctx.getText());
        };
    }

    /** SET TIME ZONE LOCAL and DEFAULT both restore the default. */
    private static List<String> zoneValue(ZoneValueContext ctx) {
        return ctx.varValue() == null ? List.of() : List.of(Options.value(ctx.varValue()));
    }

    private static String variableName(VarNameContext ctx) {
        return ctx.colId().stream().map(Words::name).collect(Collectors.joining(".")).toLowerCase(Locale.ROOT);
    }

    @Override
    public UtilityStatement visitShowStatement(ShowStatementContext ctx) {
        return new ShowVariable(variableName(ctx.variableReference()));
    }

    @Override
    public UtilityStatement visitResetStatement(ResetStatementContext ctx) {
        return new ResetVariable(variableName(ctx.variableReference()));
    }

    private static String variableName(VariableReferenceContext ctx) {
        return switch (ctx) {
            case AllVariablesContext ignored -> "all";
            case TimeZoneVariableContext ignored -> "timezone";
            case IsolationVariableContext ignored -> "transaction_isolation";
            case NamedVariableContext named -> variableName(named.varName());
            default -> throw new IllegalStateException("unexpected variable " + ctx.getText());
        };
    }

    // ---- transactions ----

    @Override
    public UtilityStatement visitBeginStatement(BeginStatementContext ctx) {
        TransactionModes modes = TransactionModes.of(ctx.transactionModes());
        return new Begin(modes.isolationLevel(), modes.readOnly());
    }

    @Override
    public UtilityStatement visitCommitStatement(CommitStatementContext ctx) {
        return new Commit();
    }

    @Override
    public UtilityStatement visitRollbackStatement(RollbackStatementContext ctx) {
        return new Rollback();
    }

    @Override
    public UtilityStatement visitRollbackToSavepoint(RollbackToSavepointContext ctx) {
        return new RollbackToSavepoint(Words.name(ctx.colId()));
    }

    @Override
    public UtilityStatement visitSavepointStatement(SavepointStatementContext ctx) {
        return new Savepoint(Words.name(ctx.colId()));
    }

    @Override
    public UtilityStatement visitReleaseSavepoint(ReleaseSavepointContext ctx) {
        return new ReleaseSavepoint(Words.name(ctx.colId()));
    }

    // ---- session state and maintenance ----

    @Override
    public UtilityStatement visitDiscard(DiscardContext ctx) {
        return new Discard(switch (ctx.target.getType()) {
            case PgUtilityLexer.ALL -> Discard.Target.ALL;
            case PgUtilityLexer.PLANS -> Discard.Target.PLANS;
            case PgUtilityLexer.SEQUENCES -> Discard.Target.SEQUENCES;
            default -> Discard.Target.TEMP;
        });
    }

    @Override
    public UtilityStatement visitDeallocate(DeallocateContext ctx) {
        return new Deallocate(ctx.ALL() != null ? null : Words.name(ctx.colId()));
    }

    @Override
    public UtilityStatement visitCommentOn(CommentOnContext ctx) {
        ObjectKind kind = ObjectKind.valueOf(ctx.kind.getText().toUpperCase(Locale.ROOT));
        List<String> parts = Names.parts(ctx.anyName());
        String text = ctx.string() == null ? null : Words.string(ctx.string());
        return switch (kind) {
            case TABLE, INDEX -> new CommentOn(kind, Names.relation(parts), null, text);
            case EXTENSION, SCHEMA -> {
                if (parts.size() > 1) {
                    throw SyntaxErrors.at(ctx.anyName().DOT(0).getSymbol());
                }
                yield new CommentOn(kind, QualifiedName.of(parts.getFirst()), null, text);
            }
            case COLUMN -> {
                if (parts.size() == 1) {
                    throw new QuiverException(SqlState.SYNTAX_ERROR, "column name must be qualified");
                }
                QualifiedName table = Names.relation(parts.subList(0, parts.size() - 1));
                yield new CommentOn(kind, table, parts.getLast(), text);
            }
        };
    }

    @Override
    public UtilityStatement visitAnalyze(AnalyzeContext ctx) {
        return new Analyze(Names.qualifiedList(ctx.qualifiedNameList()));
    }

    @Override
    public UtilityStatement visitVacuum(VacuumContext ctx) {
        List<QualifiedName> tables = Names.qualifiedList(ctx.qualifiedNameList());
        if (ctx.vacuumOptions() != null) {
            VacuumOptions options = VacuumOptions.of(ctx.vacuumOptions());
            return new Vacuum(tables, options.full(), options.analyze(), options.verbose());
        }
        return new Vacuum(tables, ctx.FULL() != null, ctx.analyzeKeyword != null, ctx.VERBOSE() != null);
    }

    @Override
    public UtilityStatement visitCheckpoint(CheckpointContext ctx) {
        return new Checkpoint();
    }

    @Override
    public UtilityStatement visitBackup(BackupContext ctx) {
        return new Backup(Words.string(ctx.string()));
    }

    @Override
    public UtilityStatement visitCreateRole(CreateRoleContext ctx) {
        return new CreateRole(RoleStatements.newRoleName(ctx.roleName()), ctx.kind.getType() == PgUtilityLexer.USER,
                RoleStatements.options(ctx.roleOption()));
    }

    @Override
    public UtilityStatement visitAlterRole(AlterRoleContext ctx) {
        return new AlterRole(RoleStatements.roleSpec(ctx.roleSpec()), RoleStatements.options(ctx.roleOption()));
    }

    @Override
    public UtilityStatement visitRenameRole(RenameRoleContext ctx) {
        return new RenameRole(RoleStatements.roleSpec(ctx.roleSpec()), RoleStatements.newRoleName(ctx.roleName()));
    }

    @Override
    public UtilityStatement visitDropRole(DropRoleContext ctx) {
        return new DropRole(ctx.ifExists() != null, ctx.roleSpec().stream().map(RoleStatements::roleSpec).toList());
    }

    @Override
    public UtilityStatement visitGrant(GrantContext ctx) {
        if (ctx.OPTION() != null) {
            throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED, "WITH GRANT OPTION is not supported");
        }
        return grantOrRevoke(true, ctx.privileges(), ctx.privilegeTarget(), ctx.grantee());
    }

    @Override
    public UtilityStatement visitRevoke(RevokeContext ctx) {
        if (ctx.OPTION() != null) {
            throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED, "REVOKE GRANT OPTION FOR is not supported");
        }
        return grantOrRevoke(false, ctx.privileges(), ctx.privilegeTarget(), ctx.grantee());
    }

    private static GrantPrivileges grantOrRevoke(boolean grant, PrivilegesContext privileges,
                                                 PrivilegeTargetContext target, List<GranteeContext> grantees) {
        List<RoleSpec> roles = grantees.stream().map(RoleStatements::grantee).toList();
        return switch (target) {
            case TablesTargetContext tables -> new GrantPrivileges(grant, RoleStatements.privileges(privileges),
                    Names.qualifiedList(tables.qualifiedNameList()), List.of(), roles);
            case SchemaTablesTargetContext schemas -> new GrantPrivileges(grant,
                    RoleStatements.privileges(privileges), List.of(), Names.list(schemas.colIdList()), roles);
            default -> throw new IllegalStateException("unknown privilege target " + target.getText());
        };
    }

    @Override
    public UtilityStatement visitAlterTableOwner(AlterTableOwnerContext ctx) {
        return new AlterTableOwner(ctx.ifExists() != null, Names.qualified(ctx.qualifiedName()),
                RoleStatements.roleSpec(ctx.roleSpec()));
    }
}

package io.quiver.executor.ddl;

import io.quiver.catalog.CatalogState;
import io.quiver.catalog.SqlType;
import io.quiver.catalog.IndexDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import io.quiver.executor.api.Notice;
import io.quiver.executor.plan.PlanEnvironment;
import io.quiver.executor.schema.TableStorageResolver;
import io.quiver.executor.security.TablePermissions;
import io.quiver.executor.session.ExecutionContext;
import io.quiver.executor.session.QuiverSession;
import io.quiver.executor.session.SearchPath;
import io.quiver.executor.statement.StatementResult;
import io.quiver.executor.vector.VectorIndexes;
import io.quiver.executor.vector.VectorSource;
import io.quiver.index.DistanceKind;
import io.quiver.index.IndexOptions;
import io.quiver.index.IvfFlatIndex;
import io.quiver.index.VectorIndex;
import io.quiver.sql.utility.AlterIndexSet;
import io.quiver.sql.utility.CreateIndex;
import io.quiver.sql.utility.DropIndex;
import io.quiver.sql.utility.IndexElement;
import io.quiver.sql.utility.QualifiedName;
import io.quiver.sql.utility.Reindex;
import io.quiver.sql.utility.RenameIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * CREATE INDEX, DROP INDEX and REINDEX INDEX for pgvector's hnsw and ivfflat indexes. An index is built in
 * the statement (so bad options and build errors fail it) from the table's committed rows, and serves
 * queries once the transaction commits.
 */
final class IndexCommands {
    /** pgvector defines a default operator class for ivfflat only; hnsw needs one named. */
    private static final String IVFFLAT_DEFAULT_OPCLASS = "vector_l2_ops";

    private final VectorIndexes indexes;
    private final SearchPath searchPath;
    private final QuiverSession session;
    private final TableStorageResolver storage;
    private final ScalarIndexCommands scalarIndexes;
    /** Compiles expression index keys in the statement's transaction. */
    private final Supplier<PlanEnvironment> planning;

    IndexCommands(VectorIndexes indexes, SearchPath searchPath, QuiverSession session, TableStorageResolver storage,
                  Supplier<PlanEnvironment> planning) {
        this.indexes = indexes;
        this.planning = planning;
        this.searchPath = searchPath;
        this.session = session;
        this.storage = storage;
        this.scalarIndexes = new ScalarIndexCommands(storage);
    }

    /**
     * Every build leaves the table readable and writable (rows committed during it are added as it is
     * published), so CONCURRENTLY changes nothing but the name the build goes by and, as in PostgreSQL, that it
     * cannot run in a transaction block.
     */
    StatementResult create(CreateIndex create, ExecutionContext ctx) {
        String command = create.concurrently() ? concurrently("CREATE INDEX") : "CREATE INDEX";
        QualifiedName target = create.table();
        TableDefinition table = searchPath.requireTable(ctx.catalogView(), target.schema(), target.name());
        TablePermissions.requireOwner(session, ctx.catalogView(), table);
        String method = create.method() == null ? "btree" : create.method();
        if (method.equals("btree") || method.equals("hash")) {
            return createScalar(create, table, method, ctx);
        }
        if (!method.equals("hnsw") && !method.equals("ivfflat")) {
            throw QuiverException.of(SqlState.FEATURE_NOT_SUPPORTED, "access method \"%s\" is not supported yet",
                    method);
        }
        if (create.unique() || create.whereSql() != null || create.elements().size() != 1) {
            throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED,
                    "only vector indexes on one column or expression, without UNIQUE or WHERE, are supported");
        }
        StatementResult skipped = skipExisting(create, table, ctx);
        if (skipped != null) {
            return skipped;
        }
        IndexElement element = create.elements().get(0);
        VectorIndexKey key = VectorIndexKey.of(element, table, planning);
        String opclass = opclass(key.type(), method, element.opclass());
        checkOptions(method, create.withOptions());
        checkIndexable(method, key.type(), opclass, create.withOptions());
        String name = create.name() != null ? create.name() : freeName(ctx.catalogView(), table, key.name());
        long oid = ctx.catalog().allocateOid();
        IndexDefinition definition = key.expression() == null
                ? new IndexDefinition(oid, name, key.column(), method, opclass, create.withOptions())
                : IndexDefinition.onExpression(oid, name, key.columns(), method, opclass, create.withOptions(),
                        key.expression());
        ctx.catalog().createIndex(table, definition);
        return StatementResult.command("CREATE INDEX", buildAfterCommit(table, definition, ctx, command));
    }

    private StatementResult createScalar(CreateIndex create, TableDefinition table, String method,
                                         ExecutionContext ctx) {
        List<Integer> columns = ScalarIndexCommands.keyColumns(table, create, method);
        StatementResult skipped = skipExisting(create, table, ctx);
        if (skipped != null) {
            return skipped;
        }
        String name = create.name() != null ? create.name()
                : freeName(ctx.catalogView(), table, String.join("_", columns.stream()
                        .map(c -> table.column(c).name()).toList()));
        scalarIndexes.create(table, ScalarIndexCommands.definition(ctx.catalog().allocateOid(), name, columns, method,
                create.unique()), ctx);
        return StatementResult.command("CREATE INDEX");
    }

    /** CREATE INDEX IF NOT EXISTS naming a relation that exists: a notice instead of the index; else null. */
    private static StatementResult skipExisting(CreateIndex create, TableDefinition table, ExecutionContext ctx) {
        if (!create.ifNotExists() || create.name() == null
                || !ctx.catalogView().hasRelation(table.schema(), create.name())) {
            return null;
        }
        return StatementResult.command("CREATE INDEX", List.of(Notice.notice(SqlState.DUPLICATE_TABLE,
                "relation \"" + create.name() + "\" already exists, skipping")));
    }

    StatementResult drop(DropIndex drop, ExecutionContext ctx) {
        List<Notice> notices = new ArrayList<>();
        for (QualifiedName name : drop.names()) {
            TableDefinition table = tableOf(ctx.catalogView(), name);
            if (table == null) {
                if (!drop.ifExists()) {
                    throw QuiverException.of(SqlState.UNDEFINED_OBJECT, "index \"%s\" does not exist", name);
                }
                notices.add(Notice.notice(SqlState.SUCCESSFUL_COMPLETION,
                        "index \"" + name + "\" does not exist, skipping"));
                continue;
            }
            TablePermissions.requireIndexOwner(session, ctx.catalogView(), table, name.name());
            IndexDefinition definition = table.index(name.name());
            ctx.catalog().dropIndex(table, name.name());
            ctx.afterCommit(() -> {
                if (definition.isScalar()) {
                    storage.dropIndex(table, definition);
                } else {
                    indexes.drop(table, definition);
                }
            });
        }
        return StatementResult.command("DROP INDEX", notices);
    }

    StatementResult rename(RenameIndex rename, ExecutionContext ctx) {
        TableDefinition table = tableOf(ctx.catalogView(), rename.index());
        if (table == null) {
            return missingForAlter(rename.index(), rename.ifExists());
        }
        TablePermissions.requireIndexOwner(session, ctx.catalogView(), table, rename.index().name());
        ctx.catalog().renameIndex(table, table.index(rename.index().name()), rename.newName());
        return StatementResult.command("ALTER INDEX");
    }

    /**
     * ALTER INDEX ... SET/RESET (...): the build options (m, ef_construction, lists, and quantization,
     * pq_subspaces, rerank) checked as CREATE INDEX
     * checks them; as in PostgreSQL they take effect at the next REINDEX. Query-time settings such as
     * ef_search are not index options (pgvector rejects them here too): they are SET hnsw.ef_search.
     */
    StatementResult setOptions(AlterIndexSet alter, ExecutionContext ctx) {
        TableDefinition table = tableOf(ctx.catalogView(), alter.name());
        if (table == null) {
            return missingForAlter(alter.name(), alter.ifExists());
        }
        TablePermissions.requireIndexOwner(session, ctx.catalogView(), table, alter.name().name());
        IndexDefinition index = table.index(alter.name().name());
        Map<String, String> options = new LinkedHashMap<>(index.options());
        alter.options().forEach((key, value) -> {
            if (value == null) {
                options.remove(key);
            } else {
                options.put(key, value);
            }
        });
        if (alter.reset()) {
            alter.options().keySet().forEach(name -> checkOptions(index.method(), name.equals("pq_subspaces")
                    ? Map.of("quantization", "pq", name, defaultValue(name)) : Map.of(name, defaultValue(name))));
        }
        checkOptions(index.method(), options);
        ctx.catalog().replaceTable(table.withIndexReplaced(index.withOptions(options)));
        return StatementResult.command("ALTER INDEX");
    }

    /** COMMENT ON INDEX. */
    StatementResult comment(QualifiedName name, String text, ExecutionContext ctx) {
        TableDefinition table = tableOf(ctx.catalogView(), name);
        if (table == null) {
            if (searchPath.findTable(ctx.catalogView(), name.schema(), name.name()) != null) {
                throw QuiverException.of(SqlState.WRONG_OBJECT_TYPE, "\"%s\" is not an index", name.name());
            }
            throw QuiverException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", name);
        }
        TablePermissions.requireIndexOwner(session, ctx.catalogView(), table, name.name());
        IndexDefinition index = table.index(name.name());
        ctx.catalog().replaceTable(table.withIndexReplaced(index.withComment(text)));
        return StatementResult.command("COMMENT");
    }

    private static StatementResult missingForAlter(QualifiedName name, boolean ifExists) {
        if (!ifExists) {
            throw QuiverException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", name);
        }
        return StatementResult.command("ALTER INDEX", List.of(Notice.notice(SqlState.SUCCESSFUL_COMPLETION,
                "relation \"" + name + "\" does not exist, skipping")));
    }

    StatementResult reindex(Reindex reindex, ExecutionContext ctx) {
        String command = reindex.concurrently() ? concurrently("REINDEX") : "REINDEX";
        if (reindex.kind() != Reindex.Kind.INDEX) {
            throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED, "REINDEX TABLE is not supported yet");
        }
        TableDefinition table = tableOf(ctx.catalogView(), reindex.name());
        if (table == null) {
            throw QuiverException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", reindex.name());
        }
        TablePermissions.requireIndexOwner(session, ctx.catalogView(), table, reindex.name().name());
        if (table.index(reindex.name().name()).isScalar()) {
            // Maintained with every write in the writing transaction, a B-tree never needs rebuilding.
            return StatementResult.command("REINDEX");
        }
        return StatementResult.command("REINDEX",
                buildAfterCommit(table, table.index(reindex.name().name()), ctx, command));
    }

    /** Builds now, publishes once committed (or discards on rollback); returns pgvector's build notices. */
    private List<Notice> buildAfterCommit(TableDefinition table, IndexDefinition definition, ExecutionContext ctx,
                                          String command) {
        VectorIndex index = indexes.build(table, definition, session.options().processId(), command,
                session.cancelFlag());
        ctx.afterCommit(() -> indexes.publish(table, definition, index));
        ctx.afterRollback(() -> indexes.discard(table, definition, index));
        if (index instanceof IvfFlatIndex ivfflat && ivfflat.notice().isPresent()) {
            return List.of(Notice.notice(SqlState.SUCCESSFUL_COMPLETION, ivfflat.notice().get()));
        }
        return List.of();
    }

    /** The command name of a CONCURRENTLY build, refused inside a transaction block as PostgreSQL does. */
    private String concurrently(String command) {
        if (session.transaction().inBlock()) {
            throw QuiverException.of(SqlState.ACTIVE_SQL_TRANSACTION, "%s CONCURRENTLY cannot run inside a transaction block",
                    command);
        }
        return command + " CONCURRENTLY";
    }

    private static void checkOptions(String method, Map<String, String> options) {
        if (method.equals("hnsw")) {
            IndexOptions.hnsw(options);
        } else {
            IndexOptions.ivfflat(options);
        }
    }

    /** A valid value of a known option, to check that a RESET names one. */
    private static String defaultValue(String option) {
        return switch (option) {
            case "m" -> String.valueOf(IndexOptions.HNSW_DEFAULT_M);
            case "ef_construction" -> String.valueOf(IndexOptions.HNSW_DEFAULT_EF_CONSTRUCTION);
            case "lists" -> String.valueOf(IndexOptions.IVFFLAT_DEFAULT_LISTS);
            case "quantization", "rerank" -> IndexOptions.quantizationDefault(option);
            // Alone, pq_subspaces is refused without quantization = 'pq': check the name with that.
            case "pq_subspaces" -> String.valueOf(IndexOptions.PQ_MIN_SUBSPACES);
            default -> "1";
        };
    }

    /**
     * pgvector's checks of what an index's key holds: a sized vector kind or bit string, within the access
     * method's dimension limit; and Quiver's own, that only dense vectors (vector, halfvec) are quantized.
     */
    private static void checkIndexable(String method, SqlType key, String opclass, Map<String, String> with) {
        if (!VectorSource.searchable(key)) {
            throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "column does not have dimensions");
        }
        IndexOptions.checkDimensions(method, key.type(), key.typmod());
        IndexOptions.Quantization quantization = IndexOptions.quantization(with);
        if (quantization.quantized() && key.dimensions() < 0) {
            throw QuiverException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "quantization = '%s' is not supported for operator class \"%s\"", quantization.method(),
                    opclass);
        }
        IndexOptions.checkQuantization(quantization, key.typmod());
    }

    /** The operator class named, or the type's default, checked against the key's type as ResolveOpClass. */
    private static String opclass(SqlType key, String method, String named) {
        PgType type = key.type();
        String typeName = key.displayName().replaceAll("\\(.*\\)", "");
        if (named == null) {
            if (type != PgType.VECTOR || !method.equals("ivfflat")) {
                throw new QuiverException(SqlState.UNDEFINED_OBJECT, "data type " + typeName
                        + " has no default operator class for access method \"" + method + "\"", null,
                        "You must specify an operator class for the index or define a default operator class"
                                + " for the data type.", 0, null);
            }
            return IVFFLAT_DEFAULT_OPCLASS;
        }
        DistanceKind.forOpclass(named, method);
        if (type == PgType.VARBIT && named.startsWith(PgType.BIT.typname() + "_")) {
            // bit varying is binary-coercible to bit, so PostgreSQL accepts the class and pgvector refuses the type
            throw QuiverException.of(SqlState.FEATURE_NOT_SUPPORTED, "type not supported for %s index", method);
        }
        if (!named.startsWith(type.typname() + "_")) {
            throw QuiverException.of(SqlState.DATATYPE_MISMATCH, "operator class \"%s\" does not accept data type %s",
                    named, typeName);
        }
        return named;
    }

    /** PostgreSQL's ChooseIndexName: {@code <table>_<key>_idx}, then with 1, 2, ... appended. */
    private static String freeName(CatalogState catalog, TableDefinition table, String key) {
        String base = TableDefinition.derivedName(table.name(), key, "idx");
        String name = base;
        for (int suffix = 1; catalog.hasRelation(table.schema(), name); suffix++) {
            name = base + suffix;
        }
        return name;
    }

    /** The table of the index {@code name} names (looked up along the search path), or null. */
    TableDefinition tableOf(CatalogState catalog, QualifiedName name) {
        List<String> schemas = name.schema() != null ? List.of(name.schema()) : searchPath.existing(catalog);
        for (String schema : schemas) {
            TableDefinition table = catalog.tableOfIndex(schema, name.name());
            if (table != null) {
                return table;
            }
        }
        return null;
    }
}

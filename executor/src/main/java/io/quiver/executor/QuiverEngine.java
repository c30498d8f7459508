package io.quiver.executor;

import io.quiver.catalog.Catalog;
import io.quiver.catalog.CatalogTransaction;
import io.quiver.catalog.RoleDefinition;
import io.quiver.common.security.ScramVerifier;
import io.quiver.executor.api.LoginRole;
import io.quiver.storage.StorageTransaction;
import java.util.Optional;
import io.quiver.executor.api.QueryEngine;
import io.quiver.executor.api.Session;
import io.quiver.executor.api.SessionOptions;
import io.quiver.executor.plan.CalcitePlanCompiler;
import io.quiver.executor.plan.PlanCompiler;
import io.quiver.executor.schema.RootSchemaFactory;
import io.quiver.executor.schema.TableStorageResolver;
import io.quiver.executor.session.QuiverSession;
import io.quiver.executor.session.SessionSettings;
import io.quiver.executor.stats.QueryStatistics;
import io.quiver.executor.stats.Statistics;
import io.quiver.executor.vector.VectorIndexes;
import io.quiver.storage.StorageEngine;
import io.quiver.executor.vacuum.Vacuumer;
import io.quiver.storage.StorageOptions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One open database: storage, catalog and the sessions working on them. */
public final class QuiverEngine implements QueryEngine {
    private static final Logger LOG = LoggerFactory.getLogger(QuiverEngine.class);

    private final StorageEngine storage;
    private final Catalog catalog;
    private final PlanCache planCache = new PlanCache();
    private final TableStorageResolver tableStorage;
    private final RootSchemaFactory schemas;
    private final CalcitePlanCompiler compiler = new CalcitePlanCompiler();
    private final VectorIndexes vectorIndexes;
    private final Statistics statistics;
    private final QueryStatistics queryStatistics = new QueryStatistics();
    private final Set<QuiverSession> sessions = ConcurrentHashMap.newKeySet();
    private final Vacuumer vacuumer;
    private final Map<String, String> settingDefaults;
    /** Fires statement timeouts; one thread, as each task only raises a flag. */
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "quiver-timeouts");
        thread.setDaemon(true);
        return thread;
    });

    private QuiverEngine(StorageEngine storage, Catalog catalog, EngineConfig config) {
        this.storage = storage;
        this.settingDefaults = config.settingDefaults();
        this.catalog = catalog;
        this.tableStorage = new TableStorageResolver(storage);
        this.schemas = new RootSchemaFactory(tableStorage);
        this.vectorIndexes = new VectorIndexes(storage, tableStorage, config.dataDirectory());
        this.statistics = Statistics.open(storage, tableStorage, catalog.current());
        this.vacuumer = new Vacuumer(storage, catalog, vectorIndexes, statistics, config.autovacuum());
    }

    public static QuiverEngine open(EngineConfig config) {
        StorageEngine storage = StorageEngine.open(config.dataDirectory(),
                StorageOptions.defaults().withSynchronousCommit(config.synchronousCommit()));
        try {
            Catalog catalog = Catalog.open(storage);
            LOG.info("opened data directory {} ({} tables)", config.dataDirectory(), catalog.current().tables().size());
            return new QuiverEngine(storage, catalog, config);
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    @Override
    public Session openSession(SessionOptions options) {
        QuiverSession session = new QuiverSession(this, options);
        sessions.add(session);
        return session;
    }

    @Override
    public Map<String, String> startupParameters() {
        return SessionSettings.startupReport();
    }

    @Override
    public Optional<LoginRole> loginRole(String name) {
        RoleDefinition role = catalog.current().role(name);
        return Optional.ofNullable(role).map(r -> new LoginRole(r.name(), r.canLogin(), r.superuser(), r.password(),
                r.validUntil()));
    }

    /** Sets the bootstrap superuser's password (the server's --superuser-password-file), stored as a verifier. */
    public void setSuperuserPassword(String password) {
        try (StorageTransaction tx = storage.begin()) {
            CatalogTransaction ddl = catalog.begin(tx);
            RoleDefinition superuser = ddl.view().roleByOid(RoleDefinition.BOOTSTRAP_SUPERUSER_OID);
            ddl.replaceRole(superuser.withPassword(ScramVerifier.create(password).stored()));
            tx.commit();
            ddl.publish();
        }
    }

    public Catalog catalog() {
        return catalog;
    }

    public StorageEngine storage() {
        return storage;
    }

    public TableStorageResolver tableStorage() {
        return tableStorage;
    }

    public RootSchemaFactory schemas() {
        return schemas;
    }

    public VectorIndexes vectorIndexes() {
        return vectorIndexes;
    }

    /** VACUUM, and the background autovacuum. */
    public Vacuumer vacuumer() {
        return vacuumer;
    }

    /** Table and column statistics (quiver_stat, pg_stat_user_tables, the planner's row counts). */
    public Statistics statistics() {
        return statistics;
    }

    /** Per statement shape timings (quiver_stat.queries). */
    public QueryStatistics queryStatistics() {
        return queryStatistics;
    }

    public PlanCompiler compiler() {
        return compiler;
    }

    public JavaTypeFactory typeFactory() {
        return compiler.typeFactory();
    }

    public PlanCache planCache() {
        return planCache;
    }

    public void sessionClosed(QuiverSession session) {
        sessions.remove(session);
    }

    /** The sessions open now (for pg_stat_activity). */
    public Set<QuiverSession> sessions() {
        return Set.copyOf(sessions);
    }

    /** The open session whose backend process id is {@code pid}, if any (pg_cancel_backend, pg_terminate_backend). */
    public Optional<QuiverSession> session(int pid) {
        return sessions.stream().filter(session -> session.options().processId() == pid).findFirst();
    }

    /** Server-wide values of session settings (the command line's statement_timeout, max_connections ...). */
    public Map<String, String> settingDefaults() {
        return settingDefaults;
    }

    /** Where sessions schedule their statement timeouts. */
    public ScheduledExecutorService timers() {
        return timers;
    }

    @Override
    public void close() {
        sessions.forEach(QuiverSession::close);
        timers.shutdownNow();
        vacuumer.close();
        vectorIndexes.close();
        statistics.save();
        storage.close();
        LOG.info("data flushed and closed");
    }
}

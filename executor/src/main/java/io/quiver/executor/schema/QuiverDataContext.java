package io.quiver.executor.schema;

import io.quiver.executor.statement.CancelFlag;
import io.quiver.executor.session.ExecutionContext;
import io.quiver.executor.session.SessionSettings;
import io.quiver.executor.vector.VectorSearchReport;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The DataContext a compiled plan runs with: its parameter values (Calcite's {@code ?0, ?1 ...}), the
 * statement's transaction (read by the tables' scans), the cancel flag, the session's settings and the
 * statement's clock.
 */
public final class QuiverDataContext implements DataContext {
    /** The name under which a context answers itself, so tables find it inside Calcite's wrapping contexts. */
    private static final String SELF = "quiver.context";
    /** Rows handed to a RETURNING clause's plan through the {@code quiver_returning} tables. */
    public static final String RETURNING_ROWS = "quiver.returningRows";

    private final SchemaPlus rootSchema;
    private final JavaTypeFactory typeFactory;
    private final ExecutionContext execution;
    private final List<Object> parameters;
    private final CancelFlag cancelFlag;
    private final String user;
    private final SessionSettings settings;
    private final long statementTimeMillis = System.currentTimeMillis();
    private List<Object[]> returningRows = List.of();
    private final List<VectorSearchReport> searchReports = new ArrayList<>();

    public QuiverDataContext(SchemaPlus rootSchema, JavaTypeFactory typeFactory, ExecutionContext execution,
                             List<Object> parameters, CancelFlag cancelFlag, String user,
                             SessionSettings settings) {
        this.rootSchema = rootSchema;
        this.typeFactory = typeFactory;
        this.execution = execution;
        this.parameters = parameters;
        this.cancelFlag = cancelFlag;
        this.user = user;
        this.settings = settings;
    }

    /** The Quiver context a table scan runs in, found through whatever context Calcite passes. */
    public static QuiverDataContext of(DataContext root) {
        return (QuiverDataContext) root.get(SELF);
    }

    public ExecutionContext execution() {
        return execution;
    }

    /** The session's settings as the statement runs (e.g. hnsw.ef_search for vector searches). */
    public SessionSettings settings() {
        return settings;
    }

    public CancelFlag cancelFlag() {
        return cancelFlag;
    }

    /** Registers a vector search of this statement, to be shown by EXPLAIN ANALYZE. */
    public void addSearchReport(VectorSearchReport report) {
        searchReports.add(report);
    }

    public List<VectorSearchReport> searchReports() {
        return searchReports;
    }

    public QuiverDataContext withReturningRows(List<Object[]> rows) {
        this.returningRows = rows;
        return this;
    }

    @Override
    public SchemaPlus getRootSchema() {
        return rootSchema;
    }

    @Override
    public JavaTypeFactory getTypeFactory() {
        return typeFactory;
    }

    @Override
    public QueryProvider getQueryProvider() {
        return null;
    }

    @Override
    public Object get(String name) {
        if (name.equals(SELF)) {
            return this;
        }
        if (name.startsWith("?")) {
            int index = Integer.parseInt(name.substring(1));
            return index < parameters.size() ? parameters.get(index) : null;
        }
        if (name.equals(RETURNING_ROWS)) {
            return returningRows;
        }
        if (name.equals(Variable.USER.camelName) || name.equals(Variable.SYSTEM_USER.camelName)) {
            return user;
        }
        if (name.equals(Variable.CANCEL_FLAG.camelName)) {
            return cancelFlag.asAtomic();
        }
        if (name.equals(Variable.TIME_ZONE.camelName)) {
            return TimeZone.getTimeZone("UTC");
        }
        if (name.equals(Variable.CURRENT_TIMESTAMP.camelName) || name.equals(Variable.UTC_TIMESTAMP.camelName)
                || name.equals(Variable.LOCAL_TIMESTAMP.camelName)) {
            return statementTimeMillis;
        }
        return null;
    }
}

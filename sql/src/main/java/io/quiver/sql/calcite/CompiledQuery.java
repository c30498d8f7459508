package io.quiver.sql.calcite;

import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;

/**
 * A statement compiled once to Java code, to be run any number of times with different parameter values. It
 * holds no per-execution state, so one instance may be cached by SQL text and shared between sessions.
 */
public final class CompiledQuery {
    private final Bindable<Object> bindable;
    private final RelDataType rowType;
    private final List<String> columnNames;
    private final List<RelDataType> parameterTypes;
    private final Map<String, Object> compiledValues;
    private final SchemaPlus rootSchema;
    private final JavaTypeFactory typeFactory;
    private final String plan;
    private final List<Table> tablesRead;

    CompiledQuery(Bindable<Object> bindable, RelDataType rowType, List<String> columnNames,
            List<RelDataType> parameterTypes,
            Map<String, Object> compiledValues, SchemaPlus rootSchema, JavaTypeFactory typeFactory, String plan,
            List<Table> tablesRead) {
        this.bindable = bindable;
        this.rowType = rowType;
        this.columnNames = List.copyOf(columnNames);
        this.parameterTypes = List.copyOf(parameterTypes);
        this.compiledValues = Map.copyOf(compiledValues);
        this.rootSchema = rootSchema;
        this.typeFactory = typeFactory;
        this.plan = plan;
        this.tablesRead = List.copyOf(tablesRead);
    }

    /**
     * Every table the query reads, subqueries included, as written (before the optimiser drops a scan it proves
     * empty): what a privilege check must cover.
     */
    public List<Table> tablesRead() {
        return tablesRead;
    }

    /** The result columns: names and types (see {@link io.quiver.sql.type.PgTypeMapping} for their PgTypes). */
    public RelDataType rowType() {
        return rowType;
    }

    /** The result column names as PostgreSQL gives them ({@code count}, {@code ?column?} for Calcite's EXPR$n). */
    public List<String> columnNames() {
        return columnNames;
    }

    /** The type of each parameter, {@code $1} first. */
    public List<RelDataType> parameterTypes() {
        return parameterTypes;
    }

    /** The physical plan, as EXPLAIN shows it. */
    public String plan() {
        return plan;
    }

    /** A context to run this query with {@code parameters} ({@code $1} first), in the JVM's time zone. */
    public QueryContext newContext(List<?> parameters, AtomicBoolean cancelFlag) {
        return newContext(parameters, TimeZone.getDefault(), cancelFlag);
    }

    public QueryContext newContext(List<?> parameters, TimeZone timeZone, AtomicBoolean cancelFlag) {
        return new QueryContext(rootSchema, typeFactory, parameters, timeZone, cancelFlag);
    }

    /** Runs the query with {@code parameters}; each row is an array of column values. */
    public Enumerable<Object[]> execute(List<?> parameters) {
        return execute(newContext(parameters, new AtomicBoolean()));
    }

    /**
     * Runs the query in {@code context}. Evaluation errors surface from iterating the result; pass them through
     * {@link QuiverErrors#unwrap} to recover their SQLSTATE.
     */
    public Enumerable<Object[]> execute(DataContext context) {
        Enumerable<Object> rows = bindable.bind(new CompiledValuesContext(context, compiledValues));
        // Generated code may return a one-column row as the bare value; no column value is itself an Object[].
        return rows.select(row -> row instanceof Object[] values ? values : new Object[] {row});
    }
}

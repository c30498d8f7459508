package io.quiver.sql.calcite;

import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What one execution of a {@link CompiledQuery} reads at run time: the schema its scans find tables in, the
 * parameter values ({@code $1} is index 0; a vector is a {@code float[]}), the statement time, and a cancel flag.
 */
public final class QueryContext implements DataContext {
    private final SchemaPlus rootSchema;
    private final JavaTypeFactory typeFactory;
    private final List<?> parameters;
    private final long statementTimeMillis;
    private final TimeZone timeZone;
    private final AtomicBoolean cancelFlag;

    QueryContext(SchemaPlus rootSchema, JavaTypeFactory typeFactory, List<?> parameters, TimeZone timeZone,
            AtomicBoolean cancelFlag) {
        this.rootSchema = rootSchema;
        this.typeFactory = typeFactory;
        this.parameters = parameters;
        this.statementTimeMillis = System.currentTimeMillis();
        this.timeZone = timeZone;
        this.cancelFlag = cancelFlag;
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
    public @Nullable QueryProvider getQueryProvider() {
        return null;
    }

    @Override
    public @Nullable Object get(String name) {
        if (name.startsWith("?")) {
            return parameters.get(Integer.parseInt(name.substring(1)));
        }
        if (Variable.CANCEL_FLAG.camelName.equals(name)) {
            return cancelFlag;
        }
        if (Variable.TIME_ZONE.camelName.equals(name)) {
            return timeZone;
        }
        if (Variable.UTC_TIMESTAMP.camelName.equals(name) || Variable.CURRENT_TIMESTAMP.camelName.equals(name)) {
            return statementTimeMillis + (Variable.CURRENT_TIMESTAMP.camelName.equals(name)
                    ? timeZone.getOffset(statementTimeMillis) : 0);
        }
        if (Variable.LOCAL_TIMESTAMP.camelName.equals(name)) {
            return statementTimeMillis + timeZone.getOffset(statementTimeMillis);
        }
        return null;
    }
}

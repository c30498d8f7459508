package io.quiver.sql.calcite;

import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A caller's DataContext plus the values code generation stashed when the query was compiled (tables,
 * constants), which the generated code reads back by name at run time.
 */
final class CompiledValuesContext implements DataContext {
    private final DataContext context;
    private final Map<String, Object> compiledValues;

    CompiledValuesContext(DataContext context, Map<String, Object> compiledValues) {
        this.context = context;
        this.compiledValues = compiledValues;
    }

    @Override
    public SchemaPlus getRootSchema() {
        return context.getRootSchema();
    }

    @Override
    public JavaTypeFactory getTypeFactory() {
        return context.getTypeFactory();
    }

    @Override
    public @Nullable QueryProvider getQueryProvider() {
        return context.getQueryProvider();
    }

    @Override
    public @Nullable Object get(String name) {
        Object compiled = compiledValues.get(name);
        return compiled != null ? compiled : context.get(name);
    }
}

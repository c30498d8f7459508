package io.quiver.executor.system;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.schema.impl.TableFunctionImpl;

/** The {@code pg_catalog} schema: the system tables and functions clients and psql query. */
public final class PgCatalogSchema {
    public static final String NAME = "pg_catalog";

    private PgCatalogSchema() {
    }

    public static void addTo(SchemaPlus root) {
        SchemaPlus schema = root.add(NAME, new AbstractSchema());
        for (SystemCatalogs.Definition definition : SystemCatalogs.all()) {
            if (definition.schema().equals(NAME)) {
                schema.add(definition.name(), definition.table());
            }
        }
        schema.add("generate_series", TableFunctionImpl.create(GenerateSeries.class, "generate_series"));
        // Overloads (pg_get_indexdef(oid) and pg_get_indexdef(oid, int, bool)) share a name; Calcite picks one
        // by its arguments.
        for (Class<?> functions : List.of(PgFunctions.class, RegTypeFunctions.class, RelationSizes.class,
                TimeFunctions.class)) {
            for (Method method : functions.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers())) {
                    schema.add(method.getName(), function(method));
                }
            }
        }
    }

    private static Function function(Method method) {
        ScalarFunctionImpl function = (ScalarFunctionImpl) ScalarFunctionImpl.create(method);
        if (method.getDeclaringClass() == TimeFunctions.class) {
            return DeclaredTypeFunction.timestamptz(function);
        }
        return method.getReturnType() == List.class ? DeclaredTypeFunction.textArray(function) : function;
    }
}

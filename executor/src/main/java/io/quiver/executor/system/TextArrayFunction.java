package io.quiver.executor.system;

import java.util.List;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A pg_catalog function returning text[] (current_schemas). Calcite derives a function's SQL type from its Java
 * return type, and a {@code List<String>} says nothing of its elements; this declares the array's element type
 * so that subscripts, = ANY and array_to_string accept the result. Calcite represents arrays as lists at run
 * time, so the Java method is called as it is.
 */
final class TextArrayFunction implements ScalarFunction, ImplementableFunction {
    private final ScalarFunctionImpl function;

    TextArrayFunction(ScalarFunctionImpl function) {
        this.function = function;
    }

    @Override
    public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
        RelDataType text = typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.VARCHAR),
                true);
        return typeFactory.createTypeWithNullability(typeFactory.createArrayType(text, -1), true);
    }

    @Override
    public List<FunctionParameter> getParameters() {
        return function.getParameters();
    }

    @Override
    public CallImplementor getImplementor() {
        return function.getImplementor();
    }
}

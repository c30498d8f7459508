package io.quiver.executor.system;

import java.util.List;
import java.util.function.Function;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A pg_catalog function whose SQL type its Java return type does not tell: Calcite derives a function's type
 * from the method, and a {@code List<String>} says nothing of its elements (current_schemas returns text[]),
 * nor a {@code long} that it is a timestamptz (now()). The method is still called as it is: its Java value is
 * already Calcite's run-time representation of the declared type (a list; epoch milliseconds).
 */
final class DeclaredTypeFunction implements ScalarFunction, ImplementableFunction {
    private final ScalarFunctionImpl function;
    private final Function<RelDataTypeFactory, RelDataType> returnType;

    private DeclaredTypeFunction(ScalarFunctionImpl function, Function<RelDataTypeFactory, RelDataType> returnType) {
        this.function = function;
        this.returnType = returnType;
    }

    static DeclaredTypeFunction textArray(ScalarFunctionImpl function) {
        return new DeclaredTypeFunction(function, typeFactory -> {
            RelDataType text = typeFactory.createTypeWithNullability(
                    typeFactory.createSqlType(SqlTypeName.VARCHAR), true);
            return typeFactory.createTypeWithNullability(typeFactory.createArrayType(text, -1), true);
        });
    }

    static DeclaredTypeFunction timestamptz(ScalarFunctionImpl function) {
        return new DeclaredTypeFunction(function,
                typeFactory -> typeFactory.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3));
    }

    @Override
    public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
        return returnType.apply(typeFactory);
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

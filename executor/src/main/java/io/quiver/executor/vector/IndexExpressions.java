package io.quiver.executor.vector;

import io.quiver.catalog.IndexExpression;
import io.quiver.catalog.SqlType;
import io.quiver.catalog.TableDefinition;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.sql.function.BitFunctions;
import io.quiver.sql.function.HalfvecFunctions;
import io.quiver.sql.function.SparsevecFunctions;
import io.quiver.sql.function.VectorFunctions;
import io.quiver.sql.function.VectorOperators;
import io.quiver.sql.type.PgColumnType;
import io.quiver.sql.type.PgTypeMapping;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * Expression index keys between their two forms: the row expression a query orders by (and CREATE INDEX
 * compiles), and the {@link IndexExpression} the catalog keeps, which the engine evaluates on every row it
 * indexes. An expression qualifies when it calls only the engine's vector and bit string functions and casts
 * (deterministic, and strict: NULL in, NULL out) on columns and constants: what pgvector users index.
 */
public final class IndexExpressions {
    /** The classes whose static methods implement those functions, by simple name as the catalog names them. */
    private static final Map<String, Class<?>> IMPLEMENTORS = Stream.of(VectorFunctions.class,
            HalfvecFunctions.class, SparsevecFunctions.class, BitFunctions.class)
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));
    private static final Map<String, MethodHandle> METHODS = new ConcurrentHashMap<>();

    private IndexExpressions() {
    }

    /** The key {@code node} computes over {@code table}'s columns, or null when it does not qualify. */
    public static IndexExpression of(RexNode node, TableDefinition table) {
        return switch (node) {
            case RexInputRef ref -> new IndexExpression.Column(table.column(ref.getIndex()).slot());
            case RexLiteral literal -> constant(literal);
            case RexCall call -> call(call, table);
            default -> null;
        };
    }

    /** The type of a key's values, as a column of it would be declared. */
    static SqlType typeOf(RexNode node) {
        PgColumnType type = PgTypeMapping.toPg(node.getType());
        return new SqlType(type.type(), type.typmod());
    }

    private static IndexExpression constant(RexLiteral literal) {
        if (literal.getType().getSqlTypeName() == SqlTypeName.BOOLEAN) {
            Boolean value = literal.getValueAs(Boolean.class);
            return value == null ? null : new IndexExpression.Constant(value);
        }
        if (literal.getType().getSqlTypeName() == SqlTypeName.INTEGER) {
            Integer value = literal.getValueAs(Integer.class);
            return value == null ? null : new IndexExpression.Constant(value);
        }
        return null;
    }

    private static IndexExpression call(RexCall call, TableDefinition table) {
        if (!(call.getOperator() instanceof SqlUserDefinedFunction function)
                || !(function.getFunction() instanceof ScalarFunctionImpl implementation)
                || !IMPLEMENTORS.containsValue(implementation.method.getDeclaringClass())) {
            return null;
        }
        List<IndexExpression> arguments = new ArrayList<>();
        for (RexNode operand : call.getOperands()) {
            IndexExpression argument = of(operand, table);
            if (argument == null) {
                return null;
            }
            arguments.add(argument);
        }
        Method method = implementation.method;
        return new IndexExpression.Call(method.getDeclaringClass().getSimpleName() + "." + method.getName(),
                function.getName(), typeOf(call), VectorOperators.isCast(function), arguments);
    }

    /**
     * The key's value for a stored row (its values by slot), as the query's expression would compute it;
     * errors as that would (a row too short for {@code subvector}, say).
     */
    static Object evaluate(IndexExpression expression, Object[] rowBySlot) {
        return switch (expression) {
            case IndexExpression.Column column -> column.slot() < rowBySlot.length ? rowBySlot[column.slot()] : null;
            case IndexExpression.Constant constant -> constant.value();
            case IndexExpression.Call call -> invoke(call, rowBySlot);
        };
    }

    private static Object invoke(IndexExpression.Call call, Object[] rowBySlot) {
        Object[] arguments = new Object[call.arguments().size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = evaluate(call.arguments().get(i), rowBySlot);
            if (arguments[i] == null) {
                return null;
            }
        }
        try {
            return METHODS.computeIfAbsent(call.function(), IndexExpressions::method).invokeWithArguments(arguments);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new QuiverException(SqlState.INTERNAL_ERROR, "index expression " + call.function() + " failed", e);
        }
    }

    /** The public static method a catalog name ({@code SimpleClassName.method}) stands for. */
    private static MethodHandle method(String function) {
        int dot = function.indexOf('.');
        Class<?> implementor = IMPLEMENTORS.get(function.substring(0, dot));
        String name = function.substring(dot + 1);
        // Calcite's ScalarFunctionImpl.create takes the first public method by that name: so does this.
        for (Method method : implementor == null ? new Method[0] : implementor.getMethods()) {
            if (method.getName().equals(name) && Modifier.isStatic(method.getModifiers())) {
                try {
                    return MethodHandles.publicLookup().unreflect(method);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot call " + function, e);
                }
            }
        }
        throw QuiverException.of(SqlState.UNDEFINED_FUNCTION, "function %s of an index expression does not exist",
                function);
    }
}

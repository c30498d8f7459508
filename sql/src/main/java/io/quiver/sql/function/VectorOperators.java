package io.quiver.sql.function;

import io.quiver.sql.function.VectorOperandChecker.Slot;
import java.util.List;
import org.apache.calcite.schema.impl.AggregateFunctionImpl;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedAggFunction;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.util.Optionality;

/** pgvector's operators, functions and aggregates, and the standard ones Quiver extends to vectors. */
public final class VectorOperators {
    public static final SqlUserDefinedFunction L2_DISTANCE_FUNCTION =
            function("l2_distance", "l2Distance", ReturnTypes.DOUBLE_NULLABLE, Slot.VECTOR, Slot.VECTOR);
    public static final SqlUserDefinedFunction INNER_PRODUCT =
            function("inner_product", "innerProduct", ReturnTypes.DOUBLE_NULLABLE, Slot.VECTOR, Slot.VECTOR);
    public static final SqlUserDefinedFunction NEGATIVE_INNER_PRODUCT_FUNCTION =
            function("vector_negative_inner_product", "negativeInnerProduct", ReturnTypes.DOUBLE_NULLABLE,
                    Slot.VECTOR, Slot.VECTOR);
    public static final SqlUserDefinedFunction COSINE_DISTANCE_FUNCTION =
            function("cosine_distance", "cosineDistance", ReturnTypes.DOUBLE_NULLABLE, Slot.VECTOR, Slot.VECTOR);
    public static final SqlUserDefinedFunction L1_DISTANCE_FUNCTION =
            function("l1_distance", "l1Distance", ReturnTypes.DOUBLE_NULLABLE, Slot.VECTOR, Slot.VECTOR);
    public static final SqlUserDefinedFunction VECTOR_DIMS =
            function("vector_dims", "vectorDims", ReturnTypes.INTEGER_NULLABLE, Slot.VECTOR);
    public static final SqlUserDefinedFunction VECTOR_NORM =
            function("vector_norm", "vectorNorm", ReturnTypes.DOUBLE_NULLABLE, Slot.VECTOR);
    public static final SqlUserDefinedFunction L2_NORMALIZE =
            function("l2_normalize", "l2Normalize", VectorReturnTypes.FIRST_VECTOR, Slot.VECTOR);
    public static final SqlUserDefinedFunction SUBVECTOR =
            function("subvector", "subvector", VectorReturnTypes.ANY_VECTOR, Slot.VECTOR, Slot.INTEGER, Slot.INTEGER);
    public static final SqlUserDefinedFunction VECTOR_ADD =
            function("vector_add", "vectorAdd", VectorReturnTypes.FIRST_VECTOR, Slot.VECTOR, Slot.VECTOR);
    public static final SqlUserDefinedFunction VECTOR_SUB =
            function("vector_sub", "vectorSub", VectorReturnTypes.FIRST_VECTOR, Slot.VECTOR, Slot.VECTOR);
    public static final SqlUserDefinedFunction VECTOR_MUL =
            function("vector_mul", "vectorMul", VectorReturnTypes.FIRST_VECTOR, Slot.VECTOR, Slot.VECTOR);

    public static final VectorDistanceOperator L2_DISTANCE = new VectorDistanceOperator("<->", L2_DISTANCE_FUNCTION);
    public static final VectorDistanceOperator NEGATIVE_INNER_PRODUCT =
            new VectorDistanceOperator("<#>", NEGATIVE_INNER_PRODUCT_FUNCTION);
    public static final VectorDistanceOperator COSINE_DISTANCE =
            new VectorDistanceOperator("<=>", COSINE_DISTANCE_FUNCTION);
    public static final VectorDistanceOperator L1_DISTANCE = new VectorDistanceOperator("<+>", L1_DISTANCE_FUNCTION);

    public static final VectorArithmeticOperator PLUS =
            new VectorArithmeticOperator(SqlStdOperatorTable.PLUS, VECTOR_ADD);
    public static final VectorArithmeticOperator MINUS =
            new VectorArithmeticOperator(SqlStdOperatorTable.MINUS, VECTOR_SUB);
    public static final VectorArithmeticOperator MULTIPLY =
            new VectorArithmeticOperator(SqlStdOperatorTable.MULTIPLY, VECTOR_MUL);

    public static final VectorAwareAggFunction SUM =
            new VectorAwareAggFunction(SqlStdOperatorTable.SUM, aggregate("sum", VectorAggregates.Sum.class));
    public static final VectorAwareAggFunction AVG =
            new VectorAwareAggFunction(SqlStdOperatorTable.AVG, aggregate("avg", VectorAggregates.Avg.class));

    /** Implementations of casts to and from vector; they are not callable from SQL by these names. */
    static final SqlUserDefinedFunction VECTOR_IN = castFunction("vector_in", "vectorIn");
    static final SqlUserDefinedFunction VECTOR_IN_TYPMOD = castFunction("vector_in", "vectorInTypmod");
    static final SqlUserDefinedFunction VECTOR_OUT = castFunction("vector_out", "vectorOut");
    static final SqlUserDefinedFunction VECTOR_TYPMOD = castFunction("vector", "withDimension");
    static final SqlUserDefinedFunction INT_ARRAY_TO_VECTOR = castFunction("array_to_vector", "intArrayToVector");
    static final SqlUserDefinedFunction REAL_ARRAY_TO_VECTOR = castFunction("array_to_vector", "realArrayToVector");
    static final SqlUserDefinedFunction DOUBLE_ARRAY_TO_VECTOR =
            castFunction("array_to_vector", "doubleArrayToVector");
    static final SqlUserDefinedFunction NUMERIC_ARRAY_TO_VECTOR =
            castFunction("array_to_vector", "numericArrayToVector");
    static final SqlUserDefinedFunction VECTOR_TO_REAL_ARRAY = castFunction("vector_to_float4", "vectorToRealArray");

    private VectorOperators() {
    }

    /** Every operator callable from SQL that this class defines. */
    public static List<SqlOperator> all() {
        return List.of(L2_DISTANCE, NEGATIVE_INNER_PRODUCT, COSINE_DISTANCE, L1_DISTANCE,
                L2_DISTANCE_FUNCTION, INNER_PRODUCT, NEGATIVE_INNER_PRODUCT_FUNCTION, COSINE_DISTANCE_FUNCTION,
                L1_DISTANCE_FUNCTION, VECTOR_DIMS, VECTOR_NORM, L2_NORMALIZE, SUBVECTOR, VECTOR_ADD, VECTOR_SUB,
                VECTOR_MUL, PLUS, MINUS, MULTIPLY, SUM, AVG, PgCastFunction.INSTANCE);
    }

    private static SqlUserDefinedFunction function(String name, String method, SqlReturnTypeInference returnType,
            Slot... slots) {
        VectorOperandChecker checker = new VectorOperandChecker(slots);
        return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                returnType, checker, checker, ScalarFunctionImpl.create(VectorFunctions.class, method));
    }

    /** The types of cast functions' calls are set by the cast's converter, so they need no inference. */
    private static SqlUserDefinedFunction castFunction(String name, String method) {
        return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                ReturnTypes.explicit(SqlTypeName.ANY), null, null,
                ScalarFunctionImpl.create(VectorFunctions.class, method));
    }

    private static SqlAggFunction aggregate(String name, Class<?> accumulator) {
        VectorOperandChecker checker = new VectorOperandChecker(Slot.VECTOR);
        return new SqlUserDefinedAggFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                VectorReturnTypes.AGGREGATE_OF_VECTOR_OR_NULL, checker, checker,
                AggregateFunctionImpl.create(accumulator), false, false, Optionality.FORBIDDEN);
    }
}

package io.quiver.sql.function;

import io.quiver.common.type.PgType;
import io.quiver.sql.function.VectorOperandChecker.Slot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/**
 * pgvector's operators, functions and aggregates over vector, halfvec, sparsevec and bit, and the standard ones
 * Quiver extends to vectors.
 */
public final class VectorOperators {
    private static final List<PgType> ALL = VectorOperandChecker.ALL_KINDS;
    private static final List<PgType> DENSE = VectorOperandChecker.DENSE_KINDS;

    public static final SqlUserDefinedFunction L2_DISTANCE_FUNCTION =
            function("l2_distance", "l2Distance", ReturnTypes.DOUBLE_NULLABLE, ALL, Slot.VECTOR, Slot.VECTOR);
    public static final SqlUserDefinedFunction INNER_PRODUCT =
            function("inner_product", "innerProduct", ReturnTypes.DOUBLE_NULLABLE, ALL, Slot.VECTOR, Slot.VECTOR);
    public static final SqlUserDefinedFunction NEGATIVE_INNER_PRODUCT_FUNCTION =
            function("vector_negative_inner_product", "negativeInnerProduct", ReturnTypes.DOUBLE_NULLABLE, ALL,
                    Slot.VECTOR, Slot.VECTOR);
    public static final SqlUserDefinedFunction COSINE_DISTANCE_FUNCTION =
            function("cosine_distance", "cosineDistance", ReturnTypes.DOUBLE_NULLABLE, ALL, Slot.VECTOR,
                    Slot.VECTOR);
    public static final SqlUserDefinedFunction L1_DISTANCE_FUNCTION =
            function("l1_distance", "l1Distance", ReturnTypes.DOUBLE_NULLABLE, ALL, Slot.VECTOR, Slot.VECTOR);
    public static final SqlUserDefinedFunction VECTOR_DIMS =
            function("vector_dims", "vectorDims", ReturnTypes.INTEGER_NULLABLE, DENSE, Slot.VECTOR);
    public static final SqlUserDefinedFunction VECTOR_NORM =
            function("vector_norm", "vectorNorm", ReturnTypes.DOUBLE_NULLABLE, List.of(PgType.VECTOR), Slot.VECTOR);
    /** l2_norm is halfvec's and sparsevec's name for vector_norm. */
    public static final SqlUserDefinedFunction L2_NORM = function("l2_norm", "vectorNorm",
            ReturnTypes.DOUBLE_NULLABLE, List.of(PgType.HALFVEC, PgType.SPARSEVEC), Slot.VECTOR);
    public static final SqlUserDefinedFunction L2_NORMALIZE =
            function("l2_normalize", "l2Normalize", VectorReturnTypes.FIRST_VECTOR, ALL, Slot.VECTOR);
    public static final SqlUserDefinedFunction SUBVECTOR = function("subvector", "subvector",
            VectorReturnTypes.ANY_VECTOR, DENSE, Slot.VECTOR, Slot.INTEGER, Slot.INTEGER);
    public static final SqlUserDefinedFunction VECTOR_ADD =
            function("vector_add", "vectorAdd", VectorReturnTypes.FIRST_VECTOR, DENSE, Slot.VECTOR, Slot.VECTOR);
    public static final SqlUserDefinedFunction VECTOR_SUB =
            function("vector_sub", "vectorSub", VectorReturnTypes.FIRST_VECTOR, DENSE, Slot.VECTOR, Slot.VECTOR);
    public static final SqlUserDefinedFunction VECTOR_MUL =
            function("vector_mul", "vectorMul", VectorReturnTypes.FIRST_VECTOR, DENSE, Slot.VECTOR, Slot.VECTOR);
    public static final SqlUserDefinedFunction BINARY_QUANTIZE = function(BitFunctions.class, "binary_quantize",
            "binaryQuantize", VectorReturnTypes.BIT, DENSE, Slot.VECTOR);
    public static final SqlUserDefinedFunction HAMMING_DISTANCE_FUNCTION = function(BitFunctions.class,
            "hamming_distance", "hammingDistance", ReturnTypes.DOUBLE_NULLABLE, DENSE, Slot.BIT, Slot.BIT);
    public static final SqlUserDefinedFunction JACCARD_DISTANCE_FUNCTION = function(BitFunctions.class,
            "jaccard_distance", "jaccardDistance", ReturnTypes.DOUBLE_NULLABLE, DENSE, Slot.BIT, Slot.BIT);

    public static final VectorDistanceOperator L2_DISTANCE = new VectorDistanceOperator("<->", L2_DISTANCE_FUNCTION);
    public static final VectorDistanceOperator NEGATIVE_INNER_PRODUCT =
            new VectorDistanceOperator("<#>", NEGATIVE_INNER_PRODUCT_FUNCTION);
    public static final VectorDistanceOperator COSINE_DISTANCE =
            new VectorDistanceOperator("<=>", COSINE_DISTANCE_FUNCTION);
    public static final VectorDistanceOperator L1_DISTANCE = new VectorDistanceOperator("<+>", L1_DISTANCE_FUNCTION);
    public static final VectorDistanceOperator HAMMING_DISTANCE =
            new VectorDistanceOperator("<~>", HAMMING_DISTANCE_FUNCTION);
    public static final VectorDistanceOperator JACCARD_DISTANCE =
            new VectorDistanceOperator("<%>", JACCARD_DISTANCE_FUNCTION);

    public static final VectorArithmeticOperator PLUS =
            new VectorArithmeticOperator(SqlStdOperatorTable.PLUS, VECTOR_ADD);
    public static final VectorArithmeticOperator MINUS =
            new VectorArithmeticOperator(SqlStdOperatorTable.MINUS, VECTOR_SUB);
    public static final VectorArithmeticOperator MULTIPLY =
            new VectorArithmeticOperator(SqlStdOperatorTable.MULTIPLY, VECTOR_MUL);

    public static final List<VectorComparisonOperator> COMPARISONS = List.of(
            new VectorComparisonOperator(SqlStdOperatorTable.EQUALS),
            new VectorComparisonOperator(SqlStdOperatorTable.NOT_EQUALS),
            new VectorComparisonOperator(SqlStdOperatorTable.LESS_THAN),
            new VectorComparisonOperator(SqlStdOperatorTable.LESS_THAN_OR_EQUAL),
            new VectorComparisonOperator(SqlStdOperatorTable.GREATER_THAN),
            new VectorComparisonOperator(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL));

    public static final VectorAwareAggFunction SUM = new VectorAwareAggFunction(SqlStdOperatorTable.SUM,
            aggregate("sum", VectorAggregates.Sum.class), aggregate("sum", VectorAggregates.HalfvecSum.class));
    public static final VectorAwareAggFunction AVG = new VectorAwareAggFunction(SqlStdOperatorTable.AVG,
            aggregate("avg", VectorAggregates.Avg.class), aggregate("avg", VectorAggregates.HalfvecAvg.class));

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
    static final SqlUserDefinedFunction HALFVEC_IN = castFunction(HalfvecFunctions.class, "halfvec_in", "halfvecIn");
    static final SqlUserDefinedFunction HALFVEC_TO_VECTOR =
            castFunction(HalfvecFunctions.class, "halfvec_to_vector", "halfvecToVector");
    static final SqlUserDefinedFunction VECTOR_TO_HALFVEC =
            castFunction(HalfvecFunctions.class, "vector_to_halfvec", "vectorToHalfvec");
    static final SqlUserDefinedFunction INT_ARRAY_TO_HALFVEC =
            castFunction(HalfvecFunctions.class, "array_to_halfvec", "intArrayToHalfvec");
    static final SqlUserDefinedFunction REAL_ARRAY_TO_HALFVEC =
            castFunction(HalfvecFunctions.class, "array_to_halfvec", "realArrayToHalfvec");
    static final SqlUserDefinedFunction DOUBLE_ARRAY_TO_HALFVEC =
            castFunction(HalfvecFunctions.class, "array_to_halfvec", "doubleArrayToHalfvec");
    static final SqlUserDefinedFunction NUMERIC_ARRAY_TO_HALFVEC =
            castFunction(HalfvecFunctions.class, "array_to_halfvec", "numericArrayToHalfvec");
    static final SqlUserDefinedFunction SPARSEVEC_IN =
            castFunction(SparsevecFunctions.class, "sparsevec_in", "sparsevecIn");
    static final SqlUserDefinedFunction SPARSEVEC_OUT =
            castFunction(SparsevecFunctions.class, "sparsevec_out", "sparsevecOut");
    static final SqlUserDefinedFunction SPARSEVEC_TYPMOD =
            castFunction(SparsevecFunctions.class, "sparsevec", "withDimension");
    static final SqlUserDefinedFunction DENSE_TO_SPARSEVEC =
            castFunction(SparsevecFunctions.class, "vector_to_sparsevec", "denseToSparsevec");
    static final SqlUserDefinedFunction SPARSEVEC_TO_VECTOR =
            castFunction(SparsevecFunctions.class, "sparsevec_to_vector", "sparsevecToVector");
    static final SqlUserDefinedFunction SPARSEVEC_TO_HALFVEC =
            castFunction(SparsevecFunctions.class, "sparsevec_to_halfvec", "sparsevecToHalfvec");
    static final SqlUserDefinedFunction BIT_IN = castFunction(BitFunctions.class, "bit_in", "bitIn");
    static final SqlUserDefinedFunction BIT_LENGTH = castFunction(BitFunctions.class, "bit", "withLength");
    static final SqlUserDefinedFunction BIT_OUT = castFunction(BitFunctions.class, "bit_out", "bitOut");
    static final SqlUserDefinedFunction COMPARE_DENSE =
            castFunction(VectorComparisons.class, "vector_cmp", "compareDense");
    static final SqlUserDefinedFunction COMPARE_SPARSE =
            castFunction(VectorComparisons.class, "sparsevec_cmp", "compareSparse");
    static final SqlUserDefinedFunction COMPARE_BITS = castFunction(VectorComparisons.class, "bitcmp", "compareBits");
    public static final SqlUserDefinedFunction DENSE_SORT_KEY =
            castFunction(VectorComparisons.class, "vector_sort_key", "denseSortKey");
    public static final SqlUserDefinedFunction SPARSE_SORT_KEY =
            castFunction(VectorComparisons.class, "sparsevec_sort_key", "sparseSortKey");

    /**
     * The functions implementing casts, which print as {@code value::type}; by identity, as operators are equal
     * by name and several casts share one (array_to_vector).
     */
    private static final Set<SqlOperator> CASTS = identitySet(VECTOR_IN, VECTOR_IN_TYPMOD, VECTOR_OUT,
            VECTOR_TYPMOD, INT_ARRAY_TO_VECTOR, REAL_ARRAY_TO_VECTOR, DOUBLE_ARRAY_TO_VECTOR, NUMERIC_ARRAY_TO_VECTOR,
            VECTOR_TO_REAL_ARRAY, HALFVEC_IN, HALFVEC_TO_VECTOR, VECTOR_TO_HALFVEC, INT_ARRAY_TO_HALFVEC,
            REAL_ARRAY_TO_HALFVEC, DOUBLE_ARRAY_TO_HALFVEC, NUMERIC_ARRAY_TO_HALFVEC, SPARSEVEC_IN, SPARSEVEC_OUT,
            SPARSEVEC_TYPMOD, DENSE_TO_SPARSEVEC, SPARSEVEC_TO_VECTOR, SPARSEVEC_TO_HALFVEC, BIT_IN, BIT_LENGTH,
            BIT_OUT);

    /**
     * The halfvec and sparsevec implementations of functions whose vector implementation cannot serve them:
     * sparsevec values are not {@code float[]}, halfvec results need rounding or halfvec's error messages.
     */
    private static final Map<SqlOperator, Map<PgType, SqlUserDefinedFunction>> VARIANTS = Map.ofEntries(
            variants(L2_DISTANCE_FUNCTION, "l2Distance", "l2Distance"),
            variants(INNER_PRODUCT, "innerProduct", "innerProduct"),
            variants(NEGATIVE_INNER_PRODUCT_FUNCTION, "negativeInnerProduct", "negativeInnerProduct"),
            variants(COSINE_DISTANCE_FUNCTION, "cosineDistance", "cosineDistance"),
            variants(L1_DISTANCE_FUNCTION, "l1Distance", "l1Distance"),
            variants(L2_NORM, null, "l2Norm"),
            variants(L2_NORMALIZE, "l2Normalize", "l2Normalize"),
            variants(SUBVECTOR, "subvector", null),
            variants(VECTOR_ADD, "add", null),
            variants(VECTOR_SUB, "subtract", null),
            variants(VECTOR_MUL, "multiply", null));

    private VectorOperators() {
    }

    /** Every operator callable from SQL that this class defines. */
    public static List<SqlOperator> all() {
        List<SqlOperator> all = new ArrayList<>(COMPARISONS);
        all.addAll(List.of(L2_DISTANCE, NEGATIVE_INNER_PRODUCT, COSINE_DISTANCE, L1_DISTANCE,
                L2_DISTANCE_FUNCTION, INNER_PRODUCT, NEGATIVE_INNER_PRODUCT_FUNCTION, COSINE_DISTANCE_FUNCTION,
                L1_DISTANCE_FUNCTION, VECTOR_DIMS, VECTOR_NORM, L2_NORM, L2_NORMALIZE, SUBVECTOR, VECTOR_ADD,
                VECTOR_SUB, VECTOR_MUL, BINARY_QUANTIZE, HAMMING_DISTANCE, JACCARD_DISTANCE,
                HAMMING_DISTANCE_FUNCTION, JACCARD_DISTANCE_FUNCTION, PLUS, MINUS, MULTIPLY, SUM, AVG,
                PgCastFunction.INSTANCE));
        return all;
    }

    /** Whether {@code operator} is the function a cast to or from a vector kind or bit string converts to. */
    public static boolean isCast(SqlOperator operator) {
        return CASTS.contains(operator);
    }

    private static Set<SqlOperator> identitySet(SqlOperator... operators) {
        Set<SqlOperator> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(Arrays.asList(operators));
        return Collections.unmodifiableSet(set);
    }

    /** The function computing {@code function} over vectors of {@code kind}. */
    static SqlUserDefinedFunction implementation(SqlUserDefinedFunction function, PgType kind) {
        return VARIANTS.getOrDefault(function, Map.of()).getOrDefault(kind, function);
    }

    private static Map.Entry<SqlOperator, Map<PgType, SqlUserDefinedFunction>> variants(
            SqlUserDefinedFunction function, String halfvecMethod, String sparsevecMethod) {
        Map<PgType, SqlUserDefinedFunction> byKind = new EnumMap<>(PgType.class);
        String name = function.getName();
        if (halfvecMethod != null) {
            byKind.put(PgType.HALFVEC, castFunction(HalfvecFunctions.class, name, halfvecMethod));
        }
        if (sparsevecMethod != null) {
            byKind.put(PgType.SPARSEVEC, castFunction(SparsevecFunctions.class, name, sparsevecMethod));
        }
        return Map.entry(function, byKind);
    }

    private static SqlUserDefinedFunction function(String name, String method, SqlReturnTypeInference returnType,
            List<PgType> kinds, Slot... slots) {
        return function(VectorFunctions.class, name, method, returnType, kinds, slots);
    }

    private static SqlUserDefinedFunction function(Class<?> implementor, String name, String method,
            SqlReturnTypeInference returnType, List<PgType> kinds, Slot... slots) {
        VectorOperandChecker checker = new VectorOperandChecker(kinds, slots);
        return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                returnType, checker, checker, ScalarFunctionImpl.create(implementor, method));
    }

    /**
     * Functions called with their type set by the converter (casts, per-kind implementations), so they need no
     * inference.
     */
    private static SqlUserDefinedFunction castFunction(String name, String method) {
        return castFunction(VectorFunctions.class, name, method);
    }

    private static SqlUserDefinedFunction castFunction(Class<?> implementor, String name, String method) {
        return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                ReturnTypes.explicit(SqlTypeName.ANY), null, null, ScalarFunctionImpl.create(implementor, method));
    }

    private static SqlAggFunction aggregate(String name, Class<?> accumulator) {
        VectorOperandChecker checker = new VectorOperandChecker(DENSE, Slot.VECTOR);
        return new SqlUserDefinedAggFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                VectorReturnTypes.AGGREGATE_OF_VECTOR_OR_NULL, checker, checker,
                AggregateFunctionImpl.create(accumulator), false, false, Optionality.FORBIDDEN);
    }
}

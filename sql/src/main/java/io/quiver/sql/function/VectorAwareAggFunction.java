package io.quiver.sql.function;

import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.util.Optionality;

/**
 * {@code avg} or {@code sum} over numbers as Calcite's standard aggregate, and over vectors as pgvector's. The
 * validator finds aggregates by name, so this one stands in for the standard one; after conversion to relational
 * algebra {@link io.quiver.sql.calcite.VectorAggregateResolver} replaces it by whichever its argument type selects.
 */
public final class VectorAwareAggFunction extends SqlAggFunction {
    private final SqlAggFunction standard;
    private final SqlAggFunction vectorImplementation;
    private final SqlAggFunction halfvecImplementation;

    VectorAwareAggFunction(SqlAggFunction standard, SqlAggFunction vectorImplementation,
            SqlAggFunction halfvecImplementation) {
        this(standard, vectorImplementation, halfvecImplementation, new VectorOperandChecker(
                VectorOperandChecker.DENSE_KINDS, VectorOperandChecker.Slot.VECTOR));
    }

    private VectorAwareAggFunction(SqlAggFunction standard, SqlAggFunction vectorImplementation,
            SqlAggFunction halfvecImplementation, VectorOperandChecker vectorChecker) {
        super(standard.getName(), null, SqlKind.OTHER_FUNCTION,
                ReturnTypes.chain(VectorReturnTypes.AGGREGATE_OF_VECTOR_OR_NULL, standard.getReturnTypeInference()),
                null, vectorChecker.or(standard.getOperandTypeChecker()), SqlFunctionCategory.NUMERIC, false, false,
                Optionality.FORBIDDEN);
        this.standard = standard;
        this.vectorImplementation = vectorImplementation;
        this.halfvecImplementation = halfvecImplementation;
    }

    public SqlAggFunction standard() {
        return standard;
    }

    public SqlAggFunction vectorImplementation() {
        return vectorImplementation;
    }

    public SqlAggFunction halfvecImplementation() {
        return halfvecImplementation;
    }
}

package io.quiver.sql.function;

import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * A pgvector distance operator ({@code <->}, {@code <#>}, {@code <=>}, {@code <+>}, and
 * {@code <~>}, {@code <%>} over bit strings) as the parser and validator see
 * it. It evaluates as its {@link #implementation() function}, to which {@link QuiverConvertletTable} converts it.
 */
public final class VectorDistanceOperator extends SqlBinaryOperator {
    /**
     * PostgreSQL's precedence of user-defined operators: tighter than comparison (30) and LIKE, BETWEEN, IN (32),
     * looser than + and - (40).
     */
    static final int PRECEDENCE = 36;

    private final SqlOperator implementation;

    /** The operator takes the operands its implementation takes (vector kinds or bit strings). */
    VectorDistanceOperator(String name, SqlOperator implementation) {
        this(name, implementation, (VectorOperandChecker) implementation.getOperandTypeChecker());
    }

    private VectorDistanceOperator(String name, SqlOperator implementation, VectorOperandChecker checker) {
        super(name, SqlKind.OTHER, PRECEDENCE, true, ReturnTypes.DOUBLE_NULLABLE, checker, checker);
        this.implementation = implementation;
    }

    /** The function that computes this operator. */
    public SqlOperator implementation() {
        return implementation;
    }
}

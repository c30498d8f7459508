package io.quiver.sql.parser;

import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL's {@code expr::type} while the parser climbs operator precedence. It binds tighter than every other
 * operator (PostgreSQL gives {@code ::} the highest precedence after {@code .} and {@code []}), and the tree it
 * builds is a plain {@code CAST(expr AS type)}, so nothing after the parser ever sees this operator.
 */
public final class PgCastOperator extends SqlBinaryOperator {
    public static final PgCastOperator INSTANCE = new PgCastOperator();

    /** Above unary minus (80) and below {@code .} and {@code []} (100). */
    private static final int PRECEDENCE = 94;

    private PgCastOperator() {
        super("::", SqlKind.CAST, PRECEDENCE, true, null, null, null);
    }

    @Override
    public SqlCall createCall(@Nullable SqlLiteral functionQualifier, SqlParserPos pos,
            @Nullable SqlNode... operands) {
        return SqlStdOperatorTable.CAST.createCall(pos, operands);
    }
}

package io.quiver.sql.calcite;

import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's validator with PostgreSQL's reading of a bare name. Calcite calls any function without
 * parameters when its name appears without parentheses, before it looks for a column, so a column named
 * {@code version} read as {@code version()}. PostgreSQL calls only its SQL keyword functions that way
 * ({@code current_date}, {@code current_user} ...), which the parser and Calcite's own table provide; a
 * schema function such as pg_catalog's {@code version()} needs its parentheses.
 */
final class PgValidator extends SqlValidatorImpl {
    PgValidator(SqlOperatorTable operators, SqlValidatorCatalogReader catalogReader, RelDataTypeFactory typeFactory,
                Config config) {
        super(operators, catalogReader, typeFactory, config);
    }

    @Override
    public @Nullable SqlCall makeNullaryCall(SqlIdentifier id) {
        SqlCall call = super.makeNullaryCall(id);
        return call != null && call.getOperator() instanceof SqlUserDefinedFunction ? null : call;
    }
}

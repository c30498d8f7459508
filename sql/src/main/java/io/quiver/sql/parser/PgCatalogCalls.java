package io.quiver.sql.parser;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Calls of functions of the pg_catalog schema, for syntax PostgreSQL computes with a function: the session
 * keywords (current_user ...) and casts to the reg* types. The validator resolves them among the schema's
 * functions, so their implementations live with the rest of pg_catalog.
 */
public final class PgCatalogCalls {
    private static final String PG_CATALOG = "pg_catalog";

    private PgCatalogCalls() {
    }

    /** A call of {@code pg_catalog.name(operands)}. */
    public static SqlCall call(String name, SqlParserPos pos, SqlNode... operands) {
        SqlIdentifier identifier = new SqlIdentifier(List.of(PG_CATALOG, name), pos);
        SqlUnresolvedFunction function = new SqlUnresolvedFunction(identifier, null, null, null, null,
                SqlFunctionCategory.USER_DEFINED_FUNCTION);
        return function.createCall(pos, operands);
    }
}

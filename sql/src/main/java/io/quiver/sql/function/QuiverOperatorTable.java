package io.quiver.sql.function;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The operators Quiver's validator knows: pgvector's, then any the caller adds (session functions such as
 * current_database()), then Calcite's standard and PostgreSQL library operators. Calcite picks the first
 * operator of a name, so earlier tables override later ones. Names match case-insensitively: PostgreSQL folds
 * unquoted names to lower case while Calcite registers its operators in upper case.
 */
public final class QuiverOperatorTable implements SqlOperatorTable {
    /**
     * Calcite's standard and PostgreSQL operators, and array_to_string, which PostgreSQL has and Calcite files
     * under other libraries with PostgreSQL's semantics (NULL elements are skipped), and pg_typeof.
     */
    private static final SqlOperatorTable CALCITE = SqlOperatorTables.chain(
            SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.STANDARD, SqlLibrary.POSTGRESQL),
            SqlOperatorTables.of(SqlLibraryOperators.ARRAY_TO_STRING, PgTypeofFunction.INSTANCE));
    private static final SqlOperatorTable VECTOR = SqlOperatorTables.of(VectorOperators.all());
    private static final String PG_CATALOG = "pg_catalog";
    private static final SqlNameMatcher CASE_INSENSITIVE = SqlNameMatchers.withCaseSensitive(false);

    /** The tables after pgvector's. */
    private final SqlOperatorTable others;

    private QuiverOperatorTable(SqlOperatorTable others) {
        this.others = others;
    }

    /** Quiver's operators with {@code extraTables} looked up after pgvector's and before Calcite's. */
    public static QuiverOperatorTable create(SqlOperatorTable... extraTables) {
        List<SqlOperatorTable> tables = new ArrayList<>(List.of(extraTables));
        tables.add(CALCITE);
        return new QuiverOperatorTable(SqlOperatorTables.chain(tables));
    }

    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, @Nullable SqlFunctionCategory category,
            SqlSyntax syntax, List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
        VECTOR.lookupOperatorOverloads(opName, category, syntax, operatorList, CASE_INSENSITIVE);
        if (syntax == SqlSyntax.FUNCTION) {
            // The validator looks CAST up as a function although its syntax is SPECIAL.
            List<SqlOperator> special = new ArrayList<>();
            VECTOR.lookupOperatorOverloads(opName, category, SqlSyntax.SPECIAL, special, CASE_INSENSITIVE);
            special.stream().filter(SqlFunction.class::isInstance).forEach(operatorList::add);
        }
        if (!isInPgCatalog(opName)) {
            others.lookupOperatorOverloads(opName, category, syntax, operatorList, CASE_INSENSITIVE);
            return;
        }
        // PostgreSQL's built-ins live in pg_catalog, so psql's pg_catalog.array_to_string(...) means Calcite's
        // array_to_string. Calcite's keyword functions (CURRENT_USER ...) are not among them: the parser turns
        // those keywords into calls of pg_catalog's own functions of the same names.
        List<SqlOperator> builtins = new ArrayList<>();
        others.lookupOperatorOverloads(opName.getComponent(1), category, syntax, builtins, CASE_INSENSITIVE);
        builtins.stream().filter(op -> op.getSyntax() != SqlSyntax.FUNCTION_ID).forEach(operatorList::add);
    }

    private static boolean isInPgCatalog(SqlIdentifier opName) {
        return opName.names.size() == 2 && opName.names.get(0).equals(PG_CATALOG);
    }

    @Override
    public List<SqlOperator> getOperatorList() {
        List<SqlOperator> operators = new ArrayList<>(VECTOR.getOperatorList());
        operators.addAll(others.getOperatorList());
        return operators;
    }
}

package io.quiver.sql.parser;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.sql.function.VectorOperators;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Checks the schema-qualified names PostgreSQL clients write for operators and collations. Built-in operators
 * live in pg_catalog and pgvector's in public, the schema Quiver installs the extension in.
 */
public final class PgOperatorNames {
    private static final String PG_CATALOG = "pg_catalog";
    private static final String EXTENSION_SCHEMA = "public";
    /** The collations that order text by code point, which is how Quiver compares text. */
    private static final Set<String> CODE_POINT_COLLATIONS = Set.of("default", "C", "POSIX", "ucs_basic");

    private PgOperatorNames() {
    }

    /**
     * The operator {@code OPERATOR(schema.symbol)} names, given the operator its bare symbol names.
     *
     * @throws QuiverException 42883 when the operator is not in that schema
     */
    public static SqlOperator qualified(@Nullable SqlIdentifier schema, SqlOperator op) {
        if (schema == null) {
            return op;
        }
        String expected = VectorOperators.all().contains(op) ? EXTENSION_SCHEMA : PG_CATALOG;
        if (!schema.getSimple().equals(expected)) {
            throw QuiverException.of(SqlState.UNDEFINED_FUNCTION, "operator does not exist: %s.%s",
                    schema.getSimple(), op.getName());
        }
        return op;
    }

    /**
     * Accepts a collation Quiver's text comparison already honours.
     *
     * @throws QuiverException 42704 for any other collation
     */
    public static void checkCollation(@Nullable SqlIdentifier schema, String collation) {
        boolean inPgCatalog = schema == null || schema.getSimple().equals(PG_CATALOG);
        if (!inPgCatalog || !CODE_POINT_COLLATIONS.contains(collation)) {
            String name = schema == null ? collation : schema.getSimple() + "." + collation;
            throw QuiverException.of(SqlState.UNDEFINED_OBJECT, "collation \"%s\" for encoding \"UTF8\" does not exist",
                    name);
        }
    }
}

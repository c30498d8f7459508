package io.quiver.sql.utility;

/**
 * One key of CREATE INDEX: exactly one of {@code column} and {@code expressionSql} is set. A parenthesized
 * expression is given without its outer parentheses, a function call as written.
 *
 * @param opclass the operator class (e.g. {@code vector_cosine_ops}), or null for the type's default
 */
public record IndexElement(String column, String expressionSql, String opclass) {
    public IndexElement {
        if ((column == null) == (expressionSql == null)) {
            throw new IllegalArgumentException("an index element is either a column or an expression");
        }
    }
}

package io.quiver.sql.utility;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.sql.utility.ColumnDefinition.Identity;
import io.quiver.sql.utility.grammar.PgUtilityParser.ColumnConstraintContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.ColumnDefinitionContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.DefaultConstraintContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.IdentityConstraintContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.NotNullConstraintContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.NullConstraintContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.PrimaryKeyColumnConstraintContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.UniqueColumnConstraintContext;

/**
 * Folds a column's constraint clauses into a {@link ColumnDefinition}, rejecting the contradictions PostgreSQL
 * rejects while transforming CREATE TABLE.
 */
final class ColumnDefinitionBuilder {
    private final String table;
    private final String column;
    private Boolean nullable;
    private boolean primaryKey;
    private boolean unique;
    private String defaultSql;
    private Identity identity = Identity.NONE;

    private ColumnDefinitionBuilder(String table, String column) {
        this.table = table;
        this.column = column;
    }

    static ColumnDefinition build(ColumnDefinitionContext ctx, String table) {
        ColumnDefinitionBuilder builder = new ColumnDefinitionBuilder(table, Words.name(ctx.colId()));
        for (ColumnConstraintContext constraint : ctx.columnConstraint()) {
            builder.add(constraint);
        }
        return new ColumnDefinition(builder.column, TypeNameBuilder.build(ctx.typeName()),
                Boolean.FALSE.equals(builder.nullable), builder.primaryKey, builder.unique, builder.defaultSql,
                builder.identity);
    }

    private void add(ColumnConstraintContext constraint) {
        switch (constraint.columnConstraintBody()) {
            case NotNullConstraintContext ignored -> setNullable(false, constraint);
            case NullConstraintContext ignored -> setNullable(true, constraint);
            case PrimaryKeyColumnConstraintContext ignored -> primaryKey = true;
            case UniqueColumnConstraintContext ignored -> unique = true;
            case DefaultConstraintContext withDefault -> {
                if (defaultSql != null) {
                    throw error("multiple default values specified", constraint);
                }
                if (identity != Identity.NONE) {
                    throw error("both default and identity specified", constraint);
                }
                defaultSql = Words.rawText(withDefault.defaultExpression());
            }
            case IdentityConstraintContext generated -> {
                if (identity != Identity.NONE) {
                    throw error("multiple identity specifications", constraint);
                }
                if (defaultSql != null) {
                    throw error("both default and identity specified", constraint);
                }
                identity = generated.ALWAYS() != null ? Identity.ALWAYS : Identity.BY_DEFAULT;
            }
            default -> throw new IllegalStateException("unexpected constraint " + constraint.getText());
        }
    }

    private void setNullable(boolean value, ColumnConstraintContext constraint) {
        if (nullable != null && nullable != value) {
            throw error("conflicting NULL/NOT NULL declarations", constraint);
        }
        nullable = value;
    }

    private QuiverException error(String problem, ColumnConstraintContext constraint) {
        return SyntaxErrors.error(SqlState.SYNTAX_ERROR,
                problem + " for column \"" + column + "\" of table \"" + table + "\"", constraint.getStart());
    }
}

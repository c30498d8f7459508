package io.quiver.sql.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSyntax;

/**
 * Names result columns as PostgreSQL does where the query gave no alias: a column keeps its name, a function
 * call is named after the function ({@code count}, {@code vector_dims}), a cast after its type, a field of a
 * row ({@code (keys).n}) after the field, anything else
 * {@code ?column?}. Calcite would call them {@code EXPR$0}.
 */
final class PgColumnNames {
    private static final String UNNAMED = "?column?";

    private PgColumnNames() {
    }

    /** The column names of {@code validated}, replacing Calcite's generated ones in {@code calciteNames}. */
    static List<String> of(SqlNode validated, List<String> calciteNames) {
        SqlSelect select = innermostSelect(validated);
        List<String> names = new ArrayList<>(calciteNames);
        if (select == null || select.getSelectList().size() != names.size()) {
            names.replaceAll(name -> isGenerated(name) ? UNNAMED : name);
            return names;
        }
        for (int i = 0; i < names.size(); i++) {
            if (isGenerated(names.get(i))) {
                names.set(i, nameOf(select.getSelectList().get(i)));
            }
        }
        return names;
    }

    private static SqlSelect innermostSelect(SqlNode node) {
        if (node instanceof SqlSelect select) {
            return select;
        }
        if (node instanceof SqlOrderBy orderBy) {
            return innermostSelect(orderBy.query);
        }
        return null;
    }

    private static boolean isGenerated(String name) {
        return name.startsWith("EXPR$");
    }

    /** Calcite gives a call of a schema function without parameters (current_schema()) FUNCTION_ID_CONSTANT. */
    private static boolean isFunctionSyntax(SqlSyntax syntax) {
        return syntax == SqlSyntax.FUNCTION || syntax == SqlSyntax.FUNCTION_STAR
                || syntax == SqlSyntax.FUNCTION_ID || syntax == SqlSyntax.FUNCTION_ID_CONSTANT;
    }

    private static String nameOf(SqlNode item) {
        if (item.getKind() == SqlKind.AS) {
            SqlCall as = (SqlCall) item;
            String alias = ((SqlIdentifier) as.operand(1)).getSimple();
            return isGenerated(alias) ? nameOf(as.operand(0)) : alias;
        }
        if (item instanceof SqlIdentifier identifier) {
            return identifier.names.get(identifier.names.size() - 1);
        }
        if (item.getKind() == SqlKind.DOT && item instanceof SqlCall dot
                && dot.operand(1) instanceof SqlIdentifier field) {
            return field.getSimple();
        }
        if (isTypedCast(item)) {
            // The cast's type names it unless what it casts has a name of its own (a column, a function).
            SqlBasicCall cast = (SqlBasicCall) item;
            SqlNode inner = cast.operand(0);
            while (isTypedCast(inner)) {
                inner = ((SqlBasicCall) inner).operand(0);
            }
            String name = nameOf(inner);
            return name.equals(UNNAMED) ? typeName((SqlDataTypeSpec) cast.operand(1)) : name;
        }
        if (item.getKind() == SqlKind.OVER || item.getKind() == SqlKind.FILTER) {
            // rank() OVER (...) and count(*) FILTER (...) are named after their function.
            return nameOf(((SqlCall) item).operand(0));
        }
        if (item instanceof SqlIntervalLiteral) {
            // PostgreSQL names interval '1 day' (and '1 day'::interval, read as the same constant) by its type.
            return "interval";
        }
        if (item instanceof SqlCall call && isFunctionSyntax(call.getOperator().getSyntax())) {
            return call.getOperator().getName().toLowerCase(Locale.ROOT);
        }
        return UNNAMED;
    }

    private static boolean isTypedCast(SqlNode node) {
        return node.getKind() == SqlKind.CAST && node instanceof SqlBasicCall cast
                && cast.operand(1) instanceof SqlDataTypeSpec;
    }

    /** PostgreSQL's name of a type as the parser resolved it: numeric for DECIMAL, int4 for INTEGER. */
    private static String typeName(SqlDataTypeSpec spec) {
        String name = spec.getTypeName().getSimple().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "decimal" -> "numeric";
            case "integer" -> "int4";
            case "bigint" -> "int8";
            case "smallint" -> "int2";
            case "double" -> "float8";
            case "real" -> "float4";
            case "boolean" -> "bool";
            case "char" -> "bpchar";
            default -> name;
        };
    }
}

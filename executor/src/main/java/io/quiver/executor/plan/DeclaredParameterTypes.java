package io.quiver.executor.plan;

import io.quiver.common.type.PgType;
import io.quiver.sql.parser.QuiverSqlParser;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Applies the parameter types a client declared in Parse by casting each {@code $n} to its type, so the
 * validator infers everything else around them as it would around a typed value.
 */
final class DeclaredParameterTypes {
    private DeclaredParameterTypes() {
    }

    static SqlNode apply(SqlNode query, List<PgType> declared) {
        if (declared.stream().allMatch(t -> t == null || typeName(t) == null)) {
            return query;
        }
        return query.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlDynamicParam param) {
                int index = param.getIndex();
                String name = index < declared.size() && declared.get(index) != null
                        ? typeName(declared.get(index)) : null;
                return name == null ? param : SqlStdOperatorTable.CAST.createCall(param.getParserPosition(), param,
                        typeSpec(name));
            }
        });
    }

    private static SqlDataTypeSpec typeSpec(String name) {
        SqlSelect select = (SqlSelect) QuiverSqlParser.parse("SELECT CAST(NULL AS " + name + ")");
        return (SqlDataTypeSpec) ((SqlBasicCall) select.getSelectList().get(0)).operand(1);
    }

    /** The SQL spelling of a declared type, or null to leave the parameter's type to inference. */
    private static String typeName(PgType type) {
        return switch (type) {
            case BOOL -> "BOOLEAN";
            case INT2 -> "SMALLINT";
            case INT4 -> "INTEGER";
            case INT8 -> "BIGINT";
            case FLOAT4 -> "REAL";
            case FLOAT8 -> "DOUBLE";
            case NUMERIC -> "DECIMAL";
            case TEXT, VARCHAR, BPCHAR, NAME -> "VARCHAR";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
            case TIMESTAMPTZ -> "TIMESTAMP WITH LOCAL TIME ZONE";
            case BYTEA -> "VARBINARY";
            case VECTOR, HALFVEC, SPARSEVEC -> type.typname();
            case BIT, VARBIT -> "varbit";
            default -> null;
        };
    }
}

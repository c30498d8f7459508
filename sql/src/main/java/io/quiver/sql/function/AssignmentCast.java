package io.quiver.sql.function;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.sql.type.BitSqlType;
import io.quiver.sql.type.PgTypeMapping;
import io.quiver.sql.type.VectorSqlType;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * The cast of a value stored into a column by INSERT or UPDATE, with PostgreSQL's assignment rules: a
 * lossless or range-checked conversion between numbers, anything to a string type, and otherwise only a
 * value of the column's own kind. Text (other than a quoted literal, which PostgreSQL types as unknown),
 * booleans into numbers and the like fail with 42804 as in PostgreSQL; range checks happen when the value is
 * stored.
 */
public final class AssignmentCast extends PgCastFunction {
    /** format_type's names for the types whose typname differs. */
    private static final Map<String, String> TYPE_NAMES = Map.of("int2", "smallint", "int4", "integer",
            "int8", "bigint", "float4", "real", "float8", "double precision", "bool", "boolean",
            "varchar", "character varying", "bpchar", "character", "timestamptz", "timestamp with time zone",
            "timestamp", "timestamp without time zone");

    private final String column;
    private final String columnType;

    /**
     * @param column the column's name, for the error message
     * @param columnType its type as format_type prints it without modifiers ({@code integer}, {@code vector})
     */
    public AssignmentCast(String column, String columnType) {
        super("ASSIGNMENT_CAST");
        this.column = column;
        this.columnType = columnType;
    }

    /** Validated as itself: the validator would otherwise look the operator up by name, finding none. */
    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
        validator.deriveType(scope, call.operand(0));
        return validateOperands(validator, scope, call);
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
        SqlNode source = binding.operand(0);
        if (SqlUtil.isNullLiteral(source, false) || source instanceof SqlDynamicParam
                || source instanceof SqlCharStringLiteral) {
            return super.checkOperandTypes(binding, throwOnFailure);
        }
        RelDataType sourceType = binding.getValidator().getValidatedNodeType(source);
        RelDataType target = binding.getOperandType(1);
        if (!assignable(sourceType, target)) {
            throw new QuiverException(SqlState.DATATYPE_MISMATCH, "column \"" + column + "\" is of type "
                    + columnType + " but expression is of type " + name(sourceType), null,
                    "You will need to rewrite or cast the expression.", 0, null);
        }
        return super.checkOperandTypes(binding, throwOnFailure);
    }

    private static boolean assignable(RelDataType source, RelDataType target) {
        if (SqlTypeUtil.isCharacter(target) || source.getSqlTypeName() == target.getSqlTypeName()) {
            return true;
        }
        if (target instanceof VectorSqlType || source instanceof VectorSqlType) {
            return source instanceof VectorSqlType && target instanceof VectorSqlType
                    || target instanceof VectorSqlType && SqlTypeUtil.isArray(source);
        }
        if (target instanceof BitSqlType || source instanceof BitSqlType) {
            return source instanceof BitSqlType && target instanceof BitSqlType;
        }
        if (SqlTypeUtil.isNumeric(target)) {
            return SqlTypeUtil.isNumeric(source);
        }
        if (SqlTypeUtil.isCharacter(source) || SqlTypeUtil.isBoolean(source) || SqlTypeUtil.isBoolean(target)) {
            return false;
        }
        SqlTypeFamily family = target.getSqlTypeName().getFamily();
        return family != null && family.contains(source)
                || SqlTypeUtil.isArray(target) && SqlTypeUtil.isArray(source);
    }

    private static String name(RelDataType type) {
        String typname = PgTypeMapping.toPg(type).type().typname();
        if (typname.startsWith("_")) {
            return TYPE_NAMES.getOrDefault(typname.substring(1), typname.substring(1)) + "[]";
        }
        return TYPE_NAMES.getOrDefault(typname, typname);
    }
}

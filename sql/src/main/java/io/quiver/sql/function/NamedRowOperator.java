package io.quiver.sql.function;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlRowOperator;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * A row whose fields have names, as PostgreSQL's composite results have ({@code _pg_expandarray(a)} is a row
 * of x and n that a query reads as {@code (keys).x}); Calcite's ROW names its fields EXPR$0, EXPR$1 ...
 * Converted to Calcite's ROW with this type, so it runs as any row does.
 */
public final class NamedRowOperator extends SqlRowOperator {
    private final List<String> fieldNames;

    public NamedRowOperator(List<String> fieldNames) {
        super("ROW");
        this.fieldNames = List.copyOf(fieldNames);
    }

    /** SqlOperator's would look the operator up by its name, ROW, and put Calcite's in its place. */
    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
        for (SqlNode operand : call.getOperandList()) {
            validator.deriveType(scope, operand);
        }
        return validateOperands(validator, scope, call);
    }

    @Override
    public RelDataType inferReturnType(SqlOperatorBinding binding) {
        return binding.getTypeFactory().createStructType(binding.collectOperandTypes(), fieldNames);
    }
}

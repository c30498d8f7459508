package io.quiver.executor.dml;

import io.quiver.catalog.SqlType;
import io.quiver.catalog.TableDefinition;
import io.quiver.catalog.TablePrivilege;
import io.quiver.common.type.PgType;
import io.quiver.executor.plan.PlanEnvironment;
import io.quiver.executor.security.RequiredPrivileges;
import io.quiver.executor.session.ExecutionContext;
import io.quiver.executor.statement.QuiverPreparedStatement;
import io.quiver.executor.statement.StatementResult;
import io.quiver.executor.statement.TransactionUse;
import io.quiver.sql.type.QuiverTypeNameSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlUtil;

/**
 * The bulk-load shape of INSERT, {@code INSERT INTO t [(cols)] VALUES (...), (...)} whose values are
 * parameters, NULL, DEFAULT or plain literals (pgjdbc's {@code reWriteBatchedInserts}, generated SQL dumps),
 * stored without compiling a query: each value goes through the same assignment checks as the planned INSERT
 * ({@link AssignmentCoercion}). Statements with anything else (expressions, RETURNING, other defaults, a
 * parameter declared with a type other than its column's) take the planned path.
 */
public final class DirectInsertPlanner {
    private final PlanEnvironment env;

    public DirectInsertPlanner(PlanEnvironment env) {
        this.env = env;
    }

    /** How one value of a VALUES row is obtained. */
    private sealed interface Value {
    }

    /** The n-th parameter, already decoded as its type. */
    private record Parameter(int index) implements Value {
    }

    /** A literal already converted to a value {@link AssignmentCoercion#assign} takes. */
    private record Constant(Object value) implements Value {
    }

    /** DEFAULT, or a column the statement leaves out. */
    private record Omitted() implements Value {
    }

    public Optional<QuiverPreparedStatement> plan(SqlInsert insert, String returningList, List<PgType> declared) {
        if (returningList != null || insert.getSource().getKind() != SqlKind.VALUES) {
            return Optional.empty();
        }
        TableDefinition table = env.targetTable(insert.getTargetTable());
        int[] targets = InsertPlanner.targetColumns(table, insert.getTargetColumnList());
        List<SqlNode> rowNodes = ((SqlCall) insert.getSource()).getOperandList();
        int width = table.columns().size();
        boolean[] given = new boolean[width];
        PgType[] parameterTypes = new PgType[Math.max(declared.size(), parameterCount(rowNodes))];
        List<Value[]> rows = new ArrayList<>(rowNodes.size());
        for (SqlNode rowNode : rowNodes) {
            List<SqlNode> values = ((SqlCall) rowNode).getOperandList();
            if (values.size() != targets.length) {
                return Optional.empty();
            }
            Value[] row = new Value[width];
            Arrays.fill(row, new Omitted());
            for (int i = 0; i < targets.length; i++) {
                Value value = value(values.get(i), table.column(targets[i]).type(), declared, parameterTypes);
                if (value == null) {
                    return Optional.empty();
                }
                row[targets[i]] = value;
                given[targets[i]] |= !(value instanceof Omitted);
            }
            rows.add(row);
        }
        if (Arrays.asList(parameterTypes).contains(null)) {
            return Optional.empty();
        }
        return OmittedColumns.of(env.engine().storage(), table, given)
                .map(omitted -> prepared(table, rows, List.of(parameterTypes), omitted));
    }

    private QuiverPreparedStatement prepared(TableDefinition table, List<Value[]> rows, List<PgType> parameterTypes,
                                             OmittedColumns omitted) {
        return new QuiverPreparedStatement(parameterTypes, List.of(), RequiredPrivileges.of(table,
                TablePrivilege.INSERT).guard(env.session(), parameters -> {
            ExecutionContext context = env.session().transaction().context();
            TableInserter inserter = new TableInserter(env.engine(), context, table);
            for (Value[] values : rows) {
                Object[] row = new Object[values.length];
                for (int c = 0; c < row.length; c++) {
                    row[c] = switch (values[c]) {
                        case Parameter p -> parameters.get(p.index());
                        case Constant k -> k.value();
                        case Omitted o -> omitted.next(c);
                    };
                }
                inserter.insert(row);
            }
            return StatementResult.command("INSERT 0 " + rows.size());
        }), TransactionUse.NORMAL, env.session());
    }

    /**
     * How to get {@code node}'s value for a column of {@code type}, recording the type of a parameter; null
     * when the node needs the planned path.
     */
    private static Value value(SqlNode node, SqlType type, List<PgType> declared, PgType[] parameterTypes) {
        if (node.getKind() == SqlKind.DEFAULT) {
            return new Omitted();
        }
        if (node instanceof SqlDynamicParam parameter) {
            return parameter(parameter.getIndex(), type.type(), type, declared, parameterTypes);
        }
        if (node.getKind() == SqlKind.CAST && type.type() == PgType.VECTOR
                && ((SqlBasicCall) node).operand(1) instanceof SqlDataTypeSpec spec && isVectorOf(spec, type)) {
            // x::vector(n) into a vector(n) column is the column's own input: the cast adds nothing.
            SqlNode operand = ((SqlBasicCall) node).operand(0);
            if (operand instanceof SqlDynamicParam parameter) {
                return parameter(parameter.getIndex(), PgType.VECTOR, type, declared, parameterTypes);
            }
            return operand instanceof SqlCharStringLiteral ? value(operand, type, declared, parameterTypes) : null;
        }
        if (SqlUtil.isNullLiteral(node, false)) {
            return new Constant(null);
        }
        if (node instanceof SqlCharStringLiteral literal && isTextInput(type.type())) {
            return new Constant(literal.getValueAs(String.class));
        }
        BigDecimal integer = integerLiteral(node);
        if (integer != null && isInteger(type.type())) {
            return new Constant(integer);
        }
        return null;
    }

    /** A parameter of {@code inferred} type unless the client declared another: then the planned path casts it. */
    private static Value parameter(int index, PgType inferred, SqlType column, List<PgType> declared,
                                   PgType[] parameterTypes) {
        PgType type = index < declared.size() && declared.get(index) != null ? declared.get(index) : inferred;
        boolean fits = type == column.type() || (isInteger(type) && isInteger(column.type()));
        if (!fits || (parameterTypes[index] != null && parameterTypes[index] != type)) {
            return null;
        }
        parameterTypes[index] = type;
        return new Parameter(index);
    }

    /** One more than the highest parameter index in the rows (0 without parameters). */
    private static int parameterCount(List<SqlNode> rows) {
        int[] count = {0};
        for (SqlNode row : rows) {
            row.accept(new org.apache.calcite.sql.util.SqlShuttle() {
                @Override
                public SqlNode visit(SqlDynamicParam param) {
                    count[0] = Math.max(count[0], param.getIndex() + 1);
                    return param;
                }
            });
        }
        return count[0];
    }

    private static boolean isVectorOf(SqlDataTypeSpec spec, SqlType column) {
        if (!(spec.getTypeNameSpec() instanceof QuiverTypeNameSpec name)
                || !name.getTypeName().isSimple()
                || !name.getTypeName().getSimple().toLowerCase(Locale.ROOT).equals("vector")) {
            return false;
        }
        List<Integer> modifiers = name.modifiers();
        return modifiers.isEmpty() || (modifiers.size() == 1 && modifiers.get(0) == column.typmod());
    }

    /** Types whose input function {@link AssignmentCoercion} applies to a string as is. */
    private static boolean isTextInput(PgType type) {
        return switch (type) {
            case VECTOR, HALFVEC, SPARSEVEC, BIT, VARBIT, TEXT, VARCHAR, BPCHAR -> true;
            default -> false;
        };
    }

    private static boolean isInteger(PgType type) {
        return type == PgType.INT2 || type == PgType.INT4 || type == PgType.INT8;
    }

    /** The value of an integer literal, possibly negated; null for anything else. */
    private static BigDecimal integerLiteral(SqlNode node) {
        if (node instanceof SqlNumericLiteral literal && literal.isInteger()) {
            return literal.getValueAs(BigDecimal.class);
        }
        if (node.getKind() == SqlKind.MINUS_PREFIX) {
            BigDecimal operand = integerLiteral(((SqlCall) node).operand(0));
            return operand == null ? null : operand.negate();
        }
        return null;
    }
}

package io.quiver.executor.dml;

import io.quiver.sql.function.AssignmentCast;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Builds the SQL trees DML statements are rewritten into, with Quiver's own parser for the leaves. */
public final class SqlNodes {
    private static final SqlParserPos POS = SqlParserPos.ZERO;
    private static final Map<String, SqlDataTypeSpec> TYPE_SPECS = new ConcurrentHashMap<>();

    private final Function<String, SqlNode> parser;

    public SqlNodes(Function<String, SqlNode> parser) {
        this.parser = parser;
    }

    /** An expression parsed from SQL text (a column default, a sequence call). */
    public SqlNode expression(String sql) {
        SqlSelect select = (SqlSelect) parser.apply("SELECT " + sql);
        return select.getSelectList().get(0);
    }

    /** {@code CAST(node AS typeText)}, or the node itself when {@code typeText} is null. */
    public SqlNode cast(SqlNode node, String typeText) {
        if (typeText == null) {
            return node;
        }
        SqlDataTypeSpec spec = TYPE_SPECS.computeIfAbsent(typeText, text -> {
            SqlBasicCall call = (SqlBasicCall) expression("CAST(NULL AS " + text + ")");
            return (SqlDataTypeSpec) call.operand(1);
        });
        return SqlStdOperatorTable.CAST.createCall(POS, node, spec);
    }

    /**
     * {@code node} cast to {@code typeText} for storing into a column, checked against PostgreSQL's assignment
     * rules ({@link AssignmentCast}); the node itself when {@code typeText} is null.
     */
    public SqlNode assign(SqlNode node, String typeText, String column, String columnType) {
        SqlNode cast = cast(node, typeText);
        if (cast == node) {
            return node;
        }
        return new AssignmentCast(column, columnType).createCall(POS, ((SqlBasicCall) cast).getOperandList());
    }

    public static SqlIdentifier identifier(String... names) {
        return new SqlIdentifier(List.of(names), POS);
    }

    public static SqlNode as(SqlNode node, String alias) {
        return SqlStdOperatorTable.AS.createCall(POS, node, identifier(alias));
    }

    /** {@code node AS alias(c1, c2 ...)}. */
    public static SqlNode as(SqlNode node, String alias, List<String> columns) {
        SqlNode[] operands = new SqlNode[columns.size() + 2];
        operands[0] = node;
        operands[1] = identifier(alias);
        for (int i = 0; i < columns.size(); i++) {
            operands[i + 2] = identifier(columns.get(i));
        }
        return SqlStdOperatorTable.AS.createCall(POS, operands);
    }

    public static SqlSelect select(List<SqlNode> items, SqlNode from, SqlNode where) {
        return new SqlSelect(POS, null, new SqlNodeList(items, POS), from, where, null, null, null, null, null,
                null, null, null);
    }

    public static SqlNode row(List<SqlNode> values) {
        return SqlStdOperatorTable.ROW.createCall(POS, values);
    }

    public static SqlNode values(List<SqlNode> rows) {
        return SqlStdOperatorTable.VALUES.createCall(POS, rows);
    }

    public static SqlNode nullLiteral() {
        return org.apache.calcite.sql.SqlLiteral.createNull(POS);
    }
}

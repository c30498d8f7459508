package io.quiver.executor.ddl;

import io.quiver.catalog.IndexExpression;
import io.quiver.catalog.SqlType;
import io.quiver.catalog.TableDefinition;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.executor.dml.SqlNodes;
import io.quiver.executor.plan.PlanEnvironment;
import io.quiver.executor.vector.IndexExpressions;
import io.quiver.sql.utility.IndexElement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlNode;

/**
 * The key of a vector index as CREATE INDEX names it: a column, or an expression over the table's columns
 * such as {@code (binary_quantize(embedding)::bit(1024))} (a parenthesised column is the column, as in
 * PostgreSQL).
 *
 * @param columns the positions of the columns the key reads
 * @param expression the expression, or null for a column
 * @param type the type of the key's values
 * @param name what PostgreSQL's ChooseIndexName derives an index's name from: the column's name, or the
 *        function the expression calls (a cast's argument's)
 */
record VectorIndexKey(List<Integer> columns, IndexExpression.Call expression, SqlType type, String name) {
    static VectorIndexKey of(IndexElement element, TableDefinition table, Supplier<PlanEnvironment> planning) {
        if (element.column() != null) {
            return ofColumn(table, element.column());
        }
        PlanEnvironment env = planning.get();
        SqlNode query = SqlNodes.select(List.of(env.sqlNodes().expression(element.expressionSql())),
                SqlNodes.identifier(table.schema(), table.name()), null);
        RelNode plan = env.logicalPlan(element.expressionSql(), query);
        RexNode key = ((Project) plan).getProjects().get(0);
        if (key instanceof RexInputRef column) {
            return ofColumn(table, table.column(column.getIndex()).name());
        }
        IndexExpression expression = IndexExpressions.of(key, table);
        if (!(expression instanceof IndexExpression.Call call)) {
            throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED,
                    "only pgvector's casts and functions are supported in vector index expressions");
        }
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            if (call.reads(table.column(i).slot())) {
                columns.add(i);
            }
        }
        if (columns.isEmpty()) {
            throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED, "an index expression must read a column");
        }
        return new VectorIndexKey(columns, call, call.type(), call.figureName(table::columnNameAtSlot));
    }

    private static VectorIndexKey ofColumn(TableDefinition table, String name) {
        int column = table.columnIndex(name);
        if (column < 0) {
            throw QuiverException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" does not exist", name);
        }
        return new VectorIndexKey(List.of(column), null, table.column(column).type(), name);
    }

    int column() {
        return columns.get(0);
    }
}

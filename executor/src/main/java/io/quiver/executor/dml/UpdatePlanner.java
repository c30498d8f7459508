package io.quiver.executor.dml;

import io.quiver.catalog.ColumnDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.catalog.TablePrivilege;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import io.quiver.executor.plan.CompiledPlan;
import io.quiver.executor.plan.PlanEnvironment;
import io.quiver.executor.schema.QuiverDataContext;
import io.quiver.executor.schema.StorageTable;
import io.quiver.executor.security.RequiredPrivileges;
import io.quiver.executor.statement.QuiverPreparedStatement;
import io.quiver.executor.statement.TransactionUse;
import io.quiver.executor.stats.TableChanges;
import io.quiver.executor.vector.VectorWrites;
import io.quiver.storage.TableAccess;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;

/**
 * UPDATE: planned as {@code SELECT $rowid, new values FROM table WHERE condition}; the selected rows are
 * collected first (so the update never sees its own writes) and then written back.
 */
public final class UpdatePlanner {
    private final PlanEnvironment env;

    public UpdatePlanner(PlanEnvironment env) {
        this.env = env;
    }

    public QuiverPreparedStatement plan(String sql, SqlUpdate update, String returningList, List<PgType> declared) {
        TableDefinition table = env.targetTable(update.getTargetTable());
        String alias = update.getAlias() != null ? update.getAlias().getSimple() : table.name();
        List<SqlNode> items = new ArrayList<>();
        items.add(SqlNodes.identifier(alias, StorageTable.ROW_ID));
        int[] targets = new int[update.getTargetColumnList().size()];
        for (int i = 0; i < targets.length; i++) {
            String name = ((SqlIdentifier) update.getTargetColumnList().get(i)).getSimple();
            targets[i] = table.columnIndex(name);
            if (targets[i] < 0) {
                throw QuiverException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" of relation \"%s\" does not exist",
                        name, table.name());
            }
            ColumnDefinition column = table.column(targets[i]);
            items.add(AssignmentCoercion.castFor(env.sqlNodes(),
                    UnknownLiterals.read(update.getSourceExpressionList().get(i), column.type(), sql), column));
        }
        SqlNode from = DmlTargets.withRowIds(table, alias);
        CompiledPlan plan = env.compile(sql, sql, SqlNodes.select(items, from, update.getCondition()), declared);
        Returning returning = Returning.plan(env, table, alias, returningList);
        List<SqlNode> reading = new ArrayList<>(update.getSourceExpressionList().getList());
        reading.add(update.getCondition());
        RequiredPrivileges required = Returning.addTo(RequiredPrivileges.of(table, TablePrivilege.UPDATE)
                .andReadsOf(plan).andIf(ColumnReferences.readsTarget(table, alias, reading), table,
                        TablePrivilege.SELECT), returning, table, alias);
        return new QuiverPreparedStatement(plan.parameterTypes(), Returning.columns(returning),
                required.guard(env.session(), parameters -> {
            QuiverDataContext context = env.dataContext(plan.parameterTypes(), parameters);
            TableAccess access = context.execution().storage().access(env.engine().tableStorage().storageOf(table));
            List<Object[]> changes = DmlTargets.collect(plan.run(context));
            List<Object[]> updated = new ArrayList<>(changes.size());
            VectorWrites vectors = VectorWrites.of(context.execution(), env.engine().vectorIndexes());
            TableChanges log = TableChanges.of(context.execution(), env.engine().statistics());
            for (Object[] change : changes) {
                long rowId = (Long) change[0];
                Object[] old = access.get(rowId);
                Object[] row = old.clone();
                for (int i = 0; i < targets.length; i++) {
                    row[targets[i]] = AssignmentCoercion.assign(table, targets[i], change[i + 1]);
                }
                access.update(rowId, row);
                vectors.written(table, rowId, row);
                log.updated(table, old, row);
                updated.add(row);
            }
            return Returning.result(returning, context, updated, "UPDATE " + changes.size());
        }), TransactionUse.NORMAL, env.session());
    }
}

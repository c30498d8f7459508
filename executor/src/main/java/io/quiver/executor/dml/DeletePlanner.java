package io.quiver.executor.dml;

import io.quiver.catalog.TableDefinition;
import io.quiver.catalog.TablePrivilege;
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
import org.apache.calcite.sql.SqlDelete;

/** DELETE: planned as {@code SELECT $rowid FROM table WHERE condition}, then the rows are deleted. */
public final class DeletePlanner {
    private final PlanEnvironment env;

    public DeletePlanner(PlanEnvironment env) {
        this.env = env;
    }

    public QuiverPreparedStatement plan(String sql, SqlDelete delete, String returningList, List<PgType> declared) {
        TableDefinition table = env.targetTable(delete.getTargetTable());
        String alias = delete.getAlias() != null ? delete.getAlias().getSimple() : table.name();
        CompiledPlan plan = env.compile(sql, sql, SqlNodes.select(List.of(SqlNodes.identifier(alias, StorageTable.ROW_ID)),
                DmlTargets.withRowIds(table, alias), delete.getCondition()), declared);
        Returning returning = Returning.plan(env, table, alias, returningList);
        RequiredPrivileges required = Returning.addTo(RequiredPrivileges.of(table, TablePrivilege.DELETE)
                .andReadsOf(plan).andIf(ColumnReferences.readsTarget(table, alias,
                        java.util.Arrays.asList(delete.getCondition())), table, TablePrivilege.SELECT),
                returning, table, alias);
        return new QuiverPreparedStatement(plan.parameterTypes(), Returning.columns(returning),
                required.guard(env.session(), parameters -> {
            QuiverDataContext context = env.dataContext(plan.parameterTypes(), parameters);
            TableAccess access = context.execution().storage().access(env.engine().tableStorage().storageOf(table));
            List<Object[]> doomed = DmlTargets.collect(plan.run(context));
            List<Object[]> deleted = new ArrayList<>(doomed.size());
            VectorWrites vectors = VectorWrites.of(context.execution(), env.engine().vectorIndexes());
            TableChanges changes = TableChanges.of(context.execution(), env.engine().statistics());
            for (Object[] target : doomed) {
                long rowId = (Long) target[0];
                Object[] old = access.get(rowId);
                if (returning != null) {
                    deleted.add(old);
                }
                access.delete(rowId);
                vectors.deleted(table, rowId);
                changes.deleted(table, old);
            }
            return Returning.result(returning, context, deleted, "DELETE " + doomed.size());
        }), TransactionUse.NORMAL, env.session());
    }
}

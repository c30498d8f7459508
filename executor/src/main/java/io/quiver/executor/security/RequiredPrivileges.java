package io.quiver.executor.security;

import io.quiver.catalog.CatalogState;
import io.quiver.catalog.TableDefinition;
import io.quiver.catalog.TablePrivilege;
import io.quiver.executor.plan.CompiledPlan;
import io.quiver.executor.schema.StorageTable;
import io.quiver.executor.session.QuiverSession;
import io.quiver.executor.statement.StatementRunner;
import java.util.ArrayList;
import java.util.List;

/**
 * The table privileges a planned statement needs, checked each time it runs rather than when it is planned:
 * plans are cached and shared between sessions of different roles, and a GRANT or REVOKE must take effect on
 * the next execution. As PostgreSQL's ExecCheckRTPerms, every table is checked before any row is read.
 */
public record RequiredPrivileges(List<Requirement> requirements) {
    public record Requirement(TableDefinition table, TablePrivilege privilege) {
    }

    public RequiredPrivileges {
        requirements = List.copyOf(requirements);
    }

    public static RequiredPrivileges of(TableDefinition table, TablePrivilege privilege) {
        return new RequiredPrivileges(List.of(new Requirement(table, privilege)));
    }

    public static RequiredPrivileges none() {
        return new RequiredPrivileges(List.of());
    }

    public RequiredPrivileges and(TableDefinition table, TablePrivilege privilege) {
        List<Requirement> more = new ArrayList<>(requirements);
        more.add(new Requirement(table, privilege));
        return new RequiredPrivileges(more);
    }

    /** Adds SELECT on {@code table} when {@code needed} (a DML statement that reads its target's columns). */
    public RequiredPrivileges andIf(boolean needed, TableDefinition table, TablePrivilege privilege) {
        return needed ? and(table, privilege) : this;
    }

    /**
     * Adds SELECT on every table {@code plan} reads, subqueries included. The row-id variant an UPDATE or
     * DELETE reads its target through is left to the caller, which knows whether the statement reads columns.
     */
    public RequiredPrivileges andReadsOf(CompiledPlan plan) {
        List<Requirement> more = new ArrayList<>(requirements);
        for (var table : plan.tablesRead()) {
            if (table instanceof StorageTable storage && !storage.withRowId()) {
                more.add(new Requirement(storage.definition(), TablePrivilege.SELECT));
            }
        }
        return new RequiredPrivileges(more);
    }

    /** Fails with 42501 on the first requirement the session's role does not meet. */
    public void check(QuiverSession session, CatalogState catalog) {
        for (Requirement requirement : requirements) {
            TablePermissions.require(session, catalog, requirement.table(), requirement.privilege());
        }
    }

    /** {@code runner}, checking these privileges in the statement's transaction first. */
    public StatementRunner guard(QuiverSession session, StatementRunner runner) {
        if (requirements.isEmpty()) {
            return runner;
        }
        return parameters -> {
            check(session, session.transaction().context().catalogView());
            return runner.run(parameters);
        };
    }
}

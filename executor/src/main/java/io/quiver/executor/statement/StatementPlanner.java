package io.quiver.executor.statement;

import io.quiver.executor.QuiverEngine;
import io.quiver.executor.api.PreparedStatement;
import io.quiver.executor.copy.CopyPlanner;
import io.quiver.executor.copy.CopyStatement;
import io.quiver.executor.ddl.UtilityPlanner;
import io.quiver.executor.plan.SqlPlanner;
import io.quiver.executor.session.QuiverSession;
import io.quiver.executor.session.SessionTransaction;
import io.quiver.sql.utility.Commit;
import io.quiver.sql.utility.Rollback;
import io.quiver.sql.utility.RollbackToSavepoint;
import io.quiver.sql.utility.UtilityStatement;
import io.quiver.sql.utility.UtilityStatementParser;
import java.util.Optional;

/**
 * Routes a statement to the planner for its kind: utility statements (DDL, transaction control, settings)
 * parsed by the ANTLR grammar, everything else (queries and DML) through Calcite.
 */
public final class StatementPlanner {
    private final QuiverEngine engine;
    private final QuiverSession session;
    private final UtilityPlanner utilities;
    private final SqlPlanner sqlPlanner;
    private final CopyPlanner copies;

    public StatementPlanner(QuiverEngine engine, QuiverSession session) {
        this.engine = engine;
        this.session = session;
        this.utilities = new UtilityPlanner(session, engine.tableStorage());
        this.sqlPlanner = new SqlPlanner(engine, session);
        this.copies = new CopyPlanner(engine, session);
    }

    public PreparedStatement prepare(String sql, int[] parameterTypeOids) {
        Optional<CopyStatement> copy = CopyStatement.parse(sql);
        if (copy.isPresent()) {
            if (session.transaction().statusByte() == 'E') {
                throw SessionTransaction.aborted();
            }
            return copies.plan(copy.get());
        }
        Optional<UtilityStatement> utility = UtilityStatementParser.tryParse(sql);
        if (session.transaction().statusByte() == 'E' && !endsFailedBlock(utility)) {
            throw SessionTransaction.aborted();
        }
        PreparedStatement planned = utility.isPresent() ? utilities.plan(utility.get())
                : sqlPlanner.plan(sql, parameterTypeOids);
        return engine.queryStatistics().track(sql, planned, utility.isPresent());
    }

    private static boolean endsFailedBlock(Optional<UtilityStatement> statement) {
        return statement.map(s -> s instanceof Rollback || s instanceof Commit || s instanceof RollbackToSavepoint)
                .orElse(false);
    }
}

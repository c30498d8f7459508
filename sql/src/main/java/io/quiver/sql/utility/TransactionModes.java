package io.quiver.sql.utility;

import io.quiver.sql.utility.grammar.PgUtilityParser.IsolationLevelContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.IsolationModeContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.ReadCommittedContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.ReadOnlyModeContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.ReadUncommittedContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.RepeatableReadContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.TransactionModeContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.TransactionModesContext;

/** The modes of BEGIN / SET TRANSACTION; when one is given twice the last wins, as in PostgreSQL. */
record TransactionModes(IsolationLevel isolationLevel, Boolean readOnly) {

    static TransactionModes of(TransactionModesContext ctx) {
        IsolationLevel level = null;
        Boolean readOnly = null;
        if (ctx != null) {
            for (TransactionModeContext mode : ctx.transactionMode()) {
                if (mode instanceof IsolationModeContext isolation) {
                    level = level(isolation.isolationLevel());
                } else {
                    readOnly = mode instanceof ReadOnlyModeContext;
                }
            }
        }
        return new TransactionModes(level, readOnly);
    }

    private static IsolationLevel level(IsolationLevelContext ctx) {
        return switch (ctx) {
            case ReadUncommittedContext ignored -> IsolationLevel.READ_UNCOMMITTED;
            case ReadCommittedContext ignored -> IsolationLevel.READ_COMMITTED;
            case RepeatableReadContext ignored -> IsolationLevel.REPEATABLE_READ;
            default -> IsolationLevel.SERIALIZABLE;
        };
    }

    SetTransaction toSetTransaction(boolean sessionDefaults) {
        return new SetTransaction(isolationLevel, readOnly, sessionDefaults);
    }
}

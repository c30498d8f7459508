package io.quiver.executor.statement;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import io.quiver.executor.api.ColumnDescription;
import io.quiver.executor.api.Portal;
import io.quiver.executor.api.PreparedStatement;
import io.quiver.executor.session.QuiverSession;
import java.util.List;

/** A statement planned once and executed through any number of portals. */
public final class QuiverPreparedStatement implements PreparedStatement {
    private final List<PgType> parameterTypes;
    private final List<ColumnDescription> columns;
    private final StatementRunner runner;
    private final TransactionUse transactionUse;
    private final QuiverSession session;

    public QuiverPreparedStatement(List<PgType> parameterTypes, List<ColumnDescription> columns,
                                   StatementRunner runner, TransactionUse transactionUse, QuiverSession session) {
        this.parameterTypes = List.copyOf(parameterTypes);
        this.columns = List.copyOf(columns);
        this.runner = runner;
        this.transactionUse = transactionUse;
        this.session = session;
    }

    @Override
    public List<PgType> parameterTypes() {
        return parameterTypes;
    }

    @Override
    public List<ColumnDescription> columns() {
        return columns;
    }

    @Override
    public Portal bind(List<Object> parameters) {
        if (parameters.size() != parameterTypes.size()) {
            throw QuiverException.of(SqlState.PROTOCOL_VIOLATION,
                    "bind message supplies %d parameters, but prepared statement requires %d",
                    parameters.size(), parameterTypes.size());
        }
        return new QuiverPortal(columns, () -> runner.run(parameters), transactionUse, session);
    }
}

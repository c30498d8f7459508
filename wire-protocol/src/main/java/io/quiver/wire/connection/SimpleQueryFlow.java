package io.quiver.wire.connection;

import io.quiver.executor.api.Portal;
import io.quiver.executor.api.PreparedStatement;
import io.quiver.wire.protocol.BackendMessages;
import java.util.List;

/** The simple query protocol: every statement of a Query message in turn, stopping at the first error. */
final class SimpleQueryFlow {
    private static final int[] NO_PARAMETER_TYPES = new int[0];

    private final ConnectionState state;
    private final BackendOutput out;
    private final ResultWriter results;
    private final ErrorReporter errors;

    SimpleQueryFlow(ConnectionState state, BackendOutput out, ResultWriter results, ErrorReporter errors) {
        this.state = state;
        this.out = out;
        this.results = results;
        this.errors = errors;
    }

    void run(String sql) {
        // like PostgreSQL, a simple query replaces the unnamed statement and portal
        state.statements.remove(ConnectionState.UNNAMED);
        state.closePortal(ConnectionState.UNNAMED);
        try {
            List<String> statements = state.session.splitStatements(sql);
            if (statements.isEmpty()) {
                out.send(BackendMessages::emptyQueryResponse);
            }
            statements.forEach(this::runStatement);
            state.endImplicitTransaction();
        } catch (RuntimeException e) {
            errors.report(e);
            state.endImplicitTransaction();
        }
        out.send(buf -> BackendMessages.readyForQuery(buf, state.session.transactionStatus()));
        out.flush();
    }

    private void runStatement(String sql) {
        PreparedStatement statement = state.session.prepare(sql, NO_PARAMETER_TYPES);
        try (Portal portal = statement.bind(List.of())) {
            short[] formats = FormatCodes.allText(portal.columns().size());
            if (!portal.columns().isEmpty()) {
                results.describeRows(portal.columns(), formats);
            }
            results.execute(portal, formats, 0);
        }
    }
}

package io.quiver.wire.connection;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import io.quiver.executor.api.Portal;
import io.quiver.executor.api.PreparedStatement;
import io.quiver.wire.protocol.BackendMessages;
import io.quiver.wire.protocol.FrontendMessage;
import java.util.List;

/**
 * The extended query protocol: Parse, Bind, Describe, Execute, Close and Sync over named and unnamed
 * statements and portals. Errors are thrown to the caller, which reports them and skips to Sync.
 */
final class ExtendedQueryFlow {
    private final ConnectionState state;
    private final BackendOutput out;
    private final ResultWriter results;
    private final ParameterDecoder parameters;

    ExtendedQueryFlow(ConnectionState state, BackendOutput out, ResultWriter results, ParameterDecoder parameters) {
        this.state = state;
        this.out = out;
        this.results = results;
        this.parameters = parameters;
    }

    void parse(FrontendMessage.Parse parse) {
        String name = parse.statementName();
        if (name.equals(ConnectionState.UNNAMED)) {
            state.statements.remove(name);
        } else if (state.statements.containsKey(name)) {
            // PostgreSQL says 42P05 (duplicate_prepared_statement), which SqlState does not list yet
            throw QuiverException.of(SqlState.DUPLICATE_OBJECT, "prepared statement \"%s\" already exists", name);
        }
        state.statements.put(name, prepare(parse.sql(), parse.parameterTypeOids()));
        out.send(BackendMessages::parseComplete);
    }

    private PreparedStatement prepare(String sql, int[] parameterTypeOids) {
        List<String> statements = state.session.splitStatements(sql);
        if (statements.isEmpty()) {
            return EmptyQuery.INSTANCE;
        }
        if (statements.size() > 1) {
            throw new QuiverException(SqlState.SYNTAX_ERROR,
                    "cannot insert multiple commands into a prepared statement");
        }
        return state.session.prepare(statements.get(0), parameterTypeOids);
    }

    void bind(FrontendMessage.Bind bind) {
        PreparedStatement statement = statement(bind.statementName());
        List<PgType> types = statement.parameterTypes();
        if (bind.parameterValues().size() != types.size()) {
            throw QuiverException.of(SqlState.PROTOCOL_VIOLATION,
                    "bind message supplies %d parameters, but prepared statement \"%s\" requires %d",
                    bind.parameterValues().size(), bind.statementName(), types.size());
        }
        short[] parameterFormats = FormatCodes.perItem(bind.parameterFormats(), types.size(),
                "bind message has %d parameter formats but %d parameters");
        short[] resultFormats = FormatCodes.perItem(bind.resultFormats(), statement.columns().size(),
                "bind message has %d result formats but query has %d columns");
        String portalName = bind.portalName();
        if (portalName.equals(ConnectionState.UNNAMED)) {
            state.closePortal(portalName);
        } else if (state.portals.containsKey(portalName)) {
            // PostgreSQL says 42P03 (duplicate_cursor), which SqlState does not list yet
            throw QuiverException.of(SqlState.DUPLICATE_OBJECT, "cursor \"%s\" already exists", portalName);
        }
        List<Object> values = parameters.decode(types, parameterFormats, bind.parameterValues());
        state.portals.put(portalName, new BoundPortal(statement.bind(values), resultFormats));
        out.send(BackendMessages::bindComplete);
    }

    void describe(FrontendMessage.Describe describe) {
        if (describe.target() == FrontendMessage.Target.STATEMENT) {
            PreparedStatement statement = statement(describe.name());
            out.send(buf -> BackendMessages.parameterDescription(buf, statement.parameterTypes()));
            results.describeRows(statement.columns(), FormatCodes.allText(statement.columns().size()));
        } else {
            BoundPortal portal = portal(describe.name());
            results.describeRows(portal.portal().columns(), portal.resultFormats());
        }
    }

    void execute(FrontendMessage.Execute execute) {
        BoundPortal bound = portal(execute.portalName());
        Portal portal = bound.portal();
        if (portal instanceof EmptyQuery) {
            out.send(BackendMessages::emptyQueryResponse);
        } else {
            results.execute(portal, bound.resultFormats(), Math.max(execute.maxRows(), 0));
        }
    }

    void close(FrontendMessage.Close close) {
        if (close.target() == FrontendMessage.Target.STATEMENT) {
            state.statements.remove(close.name());
        } else {
            state.closePortal(close.name());
        }
        out.send(BackendMessages::closeComplete);
    }

    /** Sync: ends the implicit transaction (reporting a failed commit) and says ReadyForQuery. */
    void sync(ErrorReporter errors) {
        state.skippingUntilSync = false;
        try {
            state.endImplicitTransaction();
        } catch (RuntimeException e) {
            errors.report(e);
        }
        out.send(buf -> BackendMessages.readyForQuery(buf, state.session.transactionStatus()));
        out.flush();
    }

    private PreparedStatement statement(String name) {
        PreparedStatement statement = state.statements.get(name);
        if (statement == null) {
            throw name.isEmpty()
                    ? new QuiverException(SqlState.INVALID_SQL_STATEMENT_NAME, "unnamed prepared statement does not exist")
                    : QuiverException.of(SqlState.INVALID_SQL_STATEMENT_NAME, "prepared statement \"%s\" does not exist",
                            name);
        }
        return statement;
    }

    private BoundPortal portal(String name) {
        BoundPortal portal = state.portals.get(name);
        if (portal == null) {
            throw QuiverException.of(SqlState.INVALID_CURSOR_NAME, "portal \"%s\" does not exist", name);
        }
        return portal;
    }
}

package io.quiver.wire.connection;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.executor.api.CopyInPortal;
import io.quiver.executor.api.CopyOutPortal;
import io.quiver.executor.api.ExecutionResult;
import io.quiver.executor.api.Portal;
import io.quiver.executor.api.PreparedStatement;
import io.quiver.wire.protocol.BackendMessages;
import io.quiver.wire.type.TypeCodecs;
import java.util.List;

/** The simple query protocol: every statement of a Query message in turn, stopping at the first error. */
final class SimpleQueryFlow {
    private static final int[] NO_PARAMETER_TYPES = new int[0];

    private final ConnectionState state;
    private final BackendOutput out;
    private final ResultWriter results;
    private final ErrorReporter errors;
    private final TypeCodecs codecs;

    SimpleQueryFlow(ConnectionState state, BackendOutput out, ResultWriter results, ErrorReporter errors,
                    TypeCodecs codecs) {
        this.state = state;
        this.codecs = codecs;
        this.out = out;
        this.results = results;
        this.errors = errors;
    }

    void run(String sql) {
        // like PostgreSQL, a simple query replaces the unnamed statement and portal
        state.statements.remove(ConnectionState.UNNAMED);
        state.closePortal(ConnectionState.UNNAMED);
        List<String> statements;
        try {
            statements = state.session.splitStatements(sql);
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        if (statements.isEmpty()) {
            out.send(BackendMessages::emptyQueryResponse);
        }
        runFrom(statements);
    }

    /** Runs statements in turn until one fails, the last completes, or a COPY FROM STDIN waits for data. */
    private void runFrom(List<String> statements) {
        try {
            for (int i = 0; i < statements.size(); i++) {
                if (runStatement(statements.get(i), statements.subList(i + 1, statements.size()))) {
                    return;
                }
            }
            state.endImplicitTransaction();
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        readyForQuery();
    }

    /** @return true when the statement is a COPY FROM STDIN now waiting for the client's data */
    private boolean runStatement(String sql, List<String> rest) {
        PreparedStatement statement = state.session.prepare(sql, NO_PARAMETER_TYPES);
        Portal bound = statement.bind(List.of());
        if (bound instanceof CopyInPortal copy) {
            state.copyIn = new CopyIn(copy, new CopyDataDecoder(copy.format(), copy.columnTypes(), codecs),
                    List.copyOf(rest));
            out.send(buf -> BackendMessages.copyInResponse(buf, copy.columnTypes().size()));
            out.flush();
            return true;
        }
        if (bound instanceof CopyOutPortal copy) {
            try (Portal portal = bound) {
                sendCopyOut(copy);
            }
            return false;
        }
        try (Portal portal = bound) {
            short[] formats = FormatCodes.allText(portal.columns().size());
            if (!portal.columns().isEmpty()) {
                results.describeRows(portal.columns(), formats);
            }
            results.execute(portal, formats, 0);
        }
        return false;
    }

    private void sendCopyOut(CopyOutPortal copy) {
        CopyDataEncoder encoder = new CopyDataEncoder(copy.format(), copy.columns(), codecs);
        out.send(buf -> BackendMessages.copyOutResponse(buf, copy.columns().size()));
        byte[] header = encoder.header(copy.columns());
        if (header != null) {
            out.send(buf -> BackendMessages.copyData(buf, header));
        }
        ExecutionResult result = copy.execute(0, row -> out.send(buf -> BackendMessages.copyData(buf, encoder.line(row))));
        out.send(BackendMessages::copyDone);
        out.send(buf -> BackendMessages.commandComplete(buf, result.commandTag()));
    }

    /** CopyData: rows are stored as they complete; after a bad row the rest is discarded, as PostgreSQL does. */
    void copyData(byte[] data) {
        CopyIn copy = state.copyIn;
        if (copy == null || copy.failure != null) {
            return;
        }
        try {
            copy.decoder.feed(data).forEach(copy.portal::accept);
        } catch (RuntimeException e) {
            copy.failure = e;
        }
    }

    /** CopyDone: completes the COPY and goes on with the statements that followed it. */
    void copyDone() {
        CopyIn copy = state.copyIn;
        if (copy == null) {
            return;
        }
        state.copyIn = null;
        try {
            if (copy.failure != null) {
                throw copy.failure;
            }
            copy.decoder.finish().forEach(copy.portal::accept);
            results.execute(copy.portal, new short[0], 0);
        } catch (RuntimeException e) {
            copy.portal.abort();
            fail(e);
            return;
        }
        runFrom(copy.rest);
    }

    /** CopyFail: the client gave up; nothing of the COPY is kept. */
    void copyFail(String message) {
        CopyIn copy = state.copyIn;
        if (copy == null) {
            return;
        }
        state.copyIn = null;
        copy.portal.abort();
        fail(new QuiverException(SqlState.QUERY_CANCELED, "COPY from stdin failed: " + message));
    }

    private void fail(RuntimeException e) {
        errors.report(e);
        state.endImplicitTransaction();
        readyForQuery();
    }

    private void readyForQuery() {
        out.send(buf -> BackendMessages.readyForQuery(buf, state.session.transactionStatus()));
        out.flush();
    }

    /** A COPY FROM STDIN in progress: where its rows go, how they are read, and what runs after it. */
    static final class CopyIn {
        final CopyInPortal portal;
        final CopyDataDecoder decoder;
        final List<String> rest;
        RuntimeException failure;

        CopyIn(CopyInPortal portal, CopyDataDecoder decoder, List<String> rest) {
            this.portal = portal;
            this.decoder = decoder;
            this.rest = rest;
        }
    }
}

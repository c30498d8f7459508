package io.quiver.wire.connection;

import io.netty.channel.Channel;
import io.netty.buffer.Unpooled;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.executor.api.LoginRole;
import io.quiver.wire.auth.Authentication;
import io.quiver.wire.protocol.BackendMessages;
import io.quiver.wire.protocol.ErrorReport;
import io.quiver.wire.protocol.FrontendMessage;
import io.quiver.wire.type.TypeCodecs;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection as its worker sees it: routes each message to the flow that handles it. Every
 * method except {@link #disconnected()} runs on the connection's serial worker, one message at a time.
 */
final class PgConnection {
    private static final Logger LOG = LoggerFactory.getLogger(PgConnection.class);

    private final Channel channel;
    private final ConnectionServices services;
    private final BackendOutput out;
    private final ConnectionState state = new ConnectionState();
    private final ErrorReporter errors;
    private final SimpleQueryFlow simpleQuery;
    private final ExtendedQueryFlow extendedQuery;
    private BackendKeyRegistry.BackendKey backendKey;
    /** Between StartupMessage and AuthenticationOk: the accepted startup and the exchange in progress. */
    private StartupFlow.Startup pendingStartup;
    private Authentication authentication;
    private boolean closed;

    PgConnection(Channel channel, ConnectionServices services) {
        this.channel = channel;
        this.services = services;
        this.out = new BackendOutput(channel);
        this.errors = new ErrorReporter(out, state);
        TypeCodecs codecs = new TypeCodecs(this::sessionTimeZone);
        ResultWriter results = new ResultWriter(out, codecs);
        this.simpleQuery = new SimpleQueryFlow(state, out, results, errors, codecs);
        this.extendedQuery = new ExtendedQueryFlow(state, out, results, new ParameterDecoder(codecs));
    }

    BackendOutput output() {
        return out;
    }

    void handle(FrontendMessage message) {
        if (closed) {
            return;
        }
        try {
            dispatch(message);
        } catch (RuntimeException | Error e) {
            // Whatever escaped the flows' own error handling: the client is told and the connection closed,
            // rather than left waiting for an answer that will never come.
            LOG.error("connection {} failed; closing it", channel, e);
            fatal(ErrorReport.internal(e));
        }
    }

    private void dispatch(FrontendMessage message) {
        if (authentication != null) {
            authenticating(message);
            return;
        }
        switch (message) {
            case FrontendMessage.StartupMessage startup -> start(startup);
            case FrontendMessage.Password password -> fatal(ErrorReport.of(new QuiverException(
                    SqlState.PROTOCOL_VIOLATION, "invalid frontend message type 112"), ErrorReport.FATAL));
            case FrontendMessage.Query query -> {
                if (!state.skippingUntilSync) {
                    simpleQuery.run(query.sql());
                }
            }
            case FrontendMessage.Parse parse -> extended(() -> extendedQuery.parse(parse));
            case FrontendMessage.Bind bind -> extended(() -> extendedQuery.bind(bind));
            case FrontendMessage.Describe describe -> extended(() -> extendedQuery.describe(describe));
            case FrontendMessage.Execute execute -> extended(() -> extendedQuery.execute(execute));
            case FrontendMessage.Close close -> extended(() -> extendedQuery.close(close));
            case FrontendMessage.Sync sync -> extendedQuery.sync(errors);
            case FrontendMessage.Flush flush -> out.flush();
            case FrontendMessage.Terminate terminate -> close();
            case FrontendMessage.CopyData data -> simpleQuery.copyData(data.data());
            case FrontendMessage.CopyDone done -> simpleQuery.copyDone();
            case FrontendMessage.CopyFail fail -> simpleQuery.copyFail(fail.message());
            case FrontendMessage.ProtocolError error -> protocolError(error);
            case FrontendMessage.EncryptionRequest request -> throw new IllegalStateException(
                    "encryption requests are answered on the event loop");
            case FrontendMessage.CancelRequest request -> throw new IllegalStateException(
                    "cancel requests are answered on the event loop");
        }
    }

    private void start(FrontendMessage.StartupMessage startup) {
        try {
            pendingStartup = new StartupFlow(services, out).accept(startup);
            authentication = new ClientAuthentication(services, channel, out).begin(pendingStartup);
            out.flush();
            finishIfAuthenticated();
        } catch (QuiverException e) {
            fatal(ErrorReport.of(e, ErrorReport.FATAL));
        }
    }

    /** While authenticating, only password messages (and Terminate) are expected, as in PostgreSQL. */
    private void authenticating(FrontendMessage message) {
        try {
            switch (message) {
                case FrontendMessage.Password password -> {
                    authentication.respond(Unpooled.wrappedBuffer(password.body()));
                    out.flush();
                    finishIfAuthenticated();
                }
                case FrontendMessage.Terminate terminate -> close();
                case FrontendMessage.ProtocolError error -> throw error.error();
                default -> throw authentication.unexpected(typeOf(message));
            }
        } catch (QuiverException e) {
            fatal(ErrorReport.of(e, ErrorReport.FATAL));
        }
    }

    private static char typeOf(FrontendMessage message) {
        return switch (message) {
            case FrontendMessage.Query q -> 'Q';
            case FrontendMessage.Parse p -> 'P';
            case FrontendMessage.Bind b -> 'B';
            case FrontendMessage.Execute e -> 'E';
            case FrontendMessage.Sync s -> 'S';
            default -> '?';
        };
    }

    private void finishIfAuthenticated() {
        if (!authentication.done()) {
            return;
        }
        LoginRole role = ClientAuthentication.requireLogin(services, pendingStartup.user());
        authentication = null;
        backendKey = services.backendKeys().newKey();
        state.session = new StartupFlow(services, out).open(pendingStartup, role.superuser(), backendKey);
        services.backendKeys().register(backendKey, state.session);
        pendingStartup = null;
    }

    private void extended(Runnable step) {
        if (state.skippingUntilSync) {
            return;
        }
        try {
            step.run();
        } catch (RuntimeException e) {
            errors.report(e);
            state.skippingUntilSync = true;
        }
    }

    private void protocolError(FrontendMessage.ProtocolError error) {
        if (error.fatal()) {
            fatal(ErrorReport.of(error.error(), ErrorReport.FATAL));
        } else if (error.extendedQuery()) {
            extended(() -> {
                throw error.error();
            });
        } else if (!state.skippingUntilSync) {
            errors.report(error.error());
            out.send(buf -> BackendMessages.readyForQuery(buf, state.session.transactionStatus()));
            out.flush();
        }
    }

    private void fatal(ErrorReport report) {
        out.send(buf -> BackendMessages.errorResponse(buf, new ErrorReport(ErrorReport.FATAL, report.sqlState(),
                report.message(), report.detail(), report.hint(), report.position())));
        out.flushAndClose();
        close();
    }

    /** Called on the event loop when the client has gone: stop its query now, clean up in order later. */
    void disconnected() {
        var session = state.session;
        if (session != null) {
            session.cancel();
        }
        out.wakeUp();
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (backendKey != null) {
            services.backendKeys().unregister(backendKey);
        }
        out.discard();
        try {
            state.close();
        } finally {
            channel.close();
        }
    }

    private ZoneId sessionTimeZone() {
        String name = state.session.setting("TimeZone");
        try {
            return name == null ? ZoneOffset.UTC : ZoneId.of(name);
        } catch (DateTimeException unknownToJava) {
            return ZoneOffset.UTC;
        }
    }
}

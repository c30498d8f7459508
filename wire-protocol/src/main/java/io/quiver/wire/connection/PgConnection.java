package io.quiver.wire.connection;

import io.netty.channel.Channel;
import io.netty.buffer.Unpooled;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.executor.api.Session;
import io.quiver.executor.session.DurationSetting;
import io.quiver.executor.statement.CancelFlag;
import io.quiver.executor.api.LoginRole;
import io.quiver.wire.auth.Authentication;
import io.quiver.wire.protocol.BackendMessages;
import io.quiver.wire.protocol.ErrorReport;
import io.quiver.wire.protocol.FrontendMessage;
import io.quiver.wire.type.TypeCodecs;
import java.net.InetSocketAddress;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

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
    private final Executor worker;
    private BackendKeyRegistry.BackendKey backendKey;
    private boolean holdsSlot;
    /** Between StartupMessage and AuthenticationOk: the accepted startup and the exchange in progress. */
    private StartupFlow.Startup pendingStartup;
    private Authentication authentication;
    private boolean closed;
    /** Messages handled so far: an idle-in-transaction timeout fires only if none came since it was set. */
    private long messagesHandled;
    private ScheduledFuture<?> idleTimeout;
    private Map<String, String> logContext = Map.of();

    PgConnection(Channel channel, ConnectionServices services, Executor worker) {
        this.channel = channel;
        this.services = services;
        this.worker = worker;
        this.out = new BackendOutput(channel);
        this.errors = new ErrorReporter(out, state, services.observer());
        TypeCodecs codecs = new TypeCodecs(this::sessionTimeZone);
        ResultWriter results = new ResultWriter(out, codecs, services.observer());
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
        MDC.setContextMap(logContext);
        try {
            handleInContext(message);
        } finally {
            MDC.clear();
        }
    }

    private void handleInContext(FrontendMessage message) {
        messagesHandled++;
        stopIdleTimeout();
        try {
            dispatch(message);
            if (state.session != null && !closed && answeredWithReadyForQuery(message)) {
                waitForClient();
            }
        } catch (RuntimeException | Error e) {
            // Whatever escaped the flows' own error handling: the client is told and the connection closed,
            // rather than left waiting for an answer that will never come.
            fatal(fatalReport(e));
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
        backendKey = services.backendKeys().newKey();
        describeInLogs(startup.parameters().getOrDefault("user", ""),
                startup.parameters().getOrDefault("database", startup.parameters().getOrDefault("user", "")));
        try {
            if (!services.slots().tryTake()) {
                throw new QuiverException(SqlState.TOO_MANY_CONNECTIONS, "sorry, too many clients already");
            }
            holdsSlot = true;
            pendingStartup = new StartupFlow(services, out).accept(startup);
            authentication = new ClientAuthentication(services, channel, out).begin(pendingStartup);
            out.flush();
            finishIfAuthenticated();
        } catch (QuiverException e) {
            fatal(ErrorReport.of(e, ErrorReport.FATAL));
        }
    }

    /**
     * Every line logged while this connection's work runs carries who it is: MDC keys pid, user, database and
     * client, and session, all of them as one prefix for the log pattern.
     */
    private void describeInLogs(String user, String database) {
        String client = channel.remoteAddress() instanceof InetSocketAddress address
                ? address.getAddress().getHostAddress() + ":" + address.getPort() : String.valueOf(channel.remoteAddress());
        logContext = Map.of("pid", Integer.toString(backendKey.processId()), "user", user, "database", database,
                "client", client, "session", "[pid=" + backendKey.processId() + " " + user + "@" + database + " "
                        + client + "] ");
        MDC.setContextMap(logContext);
    }

    private ErrorReport fatalReport(Throwable failure) {
        if (failure instanceof QuiverException e && endsSession(e)) {
            return ErrorReport.of(e, ErrorReport.FATAL); // pg_terminate_backend stopped the statement
        }
        if (failure instanceof OutOfMemoryError) {
            // The statement's state is lost with it; the connection goes, the server and its other clients stay.
            LOG.error("connection {} ran out of memory; closing it", channel, failure);
            return new ErrorReport(ErrorReport.FATAL, SqlState.OUT_OF_MEMORY.code(), "out of memory", null, null, 0);
        }
        LOG.error("connection {} failed; closing it", channel, failure);
        return ErrorReport.internal(failure);
    }

    /** Whether a statement's failure ends the whole session (pg_terminate_backend) rather than the statement. */
    static boolean endsSession(RuntimeException failure) {
        return failure instanceof QuiverException e && e.state() == SqlState.ADMIN_SHUTDOWN;
    }

    /** pg_terminate_backend reached an idle connection (or one whose statement ended before it could stop). */
    private void terminated() {
        if (!closed) {
            fatal(ErrorReport.of(CancelFlag.Reason.TERMINATION.error(), ErrorReport.FATAL));
        }
    }

    /** The messages whose handling ends with ReadyForQuery (unless a COPY FROM STDIN now waits for data). */
    private boolean answeredWithReadyForQuery(FrontendMessage message) {
        return state.copyIn == null && (message instanceof FrontendMessage.Query
                || message instanceof FrontendMessage.Sync || message instanceof FrontendMessage.CopyDone
                || message instanceof FrontendMessage.CopyFail);
    }

    /** ReadyForQuery was sent: the session is idle, and idle_in_transaction_session_timeout counts if in a block. */
    private void waitForClient() {
        Session session = state.session;
        session.waitingForClient();
        long timeout = DurationSetting.millis(session.setting("idle_in_transaction_session_timeout"));
        if (timeout > 0 && session.transactionStatus() != 'I') {
            long setAt = messagesHandled;
            idleTimeout = channel.eventLoop().schedule(() -> worker.execute(() -> {
                if (messagesHandled == setAt && !closed) {
                    fatal(ErrorReport.of(new QuiverException(SqlState.IDLE_IN_TRANSACTION_SESSION_TIMEOUT,
                            "terminating connection due to idle-in-transaction timeout"), ErrorReport.FATAL));
                }
            }), timeout, TimeUnit.MILLISECONDS);
        }
    }

    private void stopIdleTimeout() {
        if (idleTimeout != null) {
            idleTimeout.cancel(false);
            idleTimeout = null;
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
        state.session = new StartupFlow(services, out).open(pendingStartup, role.superuser(), backendKey);
        services.backendKeys().register(backendKey, state.session);
        if (channel.remoteAddress() instanceof InetSocketAddress client) {
            state.session.clientAddress(client);
        }
        state.session.onTermination(() -> worker.execute(this::terminated));
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
        services.observer().errorSent(report.sqlState());
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
        stopIdleTimeout();
        if (holdsSlot) {
            services.slots().release();
        }
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

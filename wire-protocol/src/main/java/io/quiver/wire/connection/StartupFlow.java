package io.quiver.wire.connection;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.executor.api.Session;
import io.quiver.executor.api.SessionOptions;
import io.quiver.wire.protocol.BackendMessages;
import io.quiver.wire.protocol.FrontendMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers a StartupMessage: checks it ({@link #accept}), and once the client has authenticated opens the
 * session ({@link #open}): version negotiation, AuthenticationOk, the session's ParameterStatus values,
 * BackendKeyData and the first ReadyForQuery. A startup that cannot proceed throws a QuiverException to be sent
 * as FATAL.
 */
final class StartupFlow {
    private static final String PROTOCOL_OPTION_PREFIX = "_pq_.";

    private final ConnectionServices services;
    private final BackendOutput out;

    StartupFlow(ConnectionServices services, BackendOutput out) {
        this.services = services;
        this.out = out;
    }

    /** A checked StartupMessage: who connects to which database, with which parameters. */
    record Startup(FrontendMessage.StartupMessage message, String user, String database,
                   Map<String, String> parameters, List<String> protocolOptions) {
    }

    Startup accept(FrontendMessage.StartupMessage startup) {
        if (startup.majorVersion() != 3) {
            throw QuiverException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "unsupported frontend protocol %d.%d: server supports 3.0 to 3.0",
                    startup.majorVersion(), startup.minorVersion());
        }
        Map<String, String> parameters = new LinkedHashMap<>(startup.parameters());
        List<String> protocolOptions = parameters.keySet().stream()
                .filter(name -> name.startsWith(PROTOCOL_OPTION_PREFIX)).toList();
        protocolOptions.forEach(parameters::remove);
        String user = parameters.get("user");
        if (user == null || user.isEmpty()) {
            throw new QuiverException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                    "no PostgreSQL user name specified in startup packet");
        }
        return new Startup(startup, user, parameters.getOrDefault("database", user), parameters, protocolOptions);
    }

    /**
     * Opens the session of an authenticated client whose role may log in; the caller registers it for
     * cancellation under {@code key}.
     */
    Session open(Startup accepted, boolean superuser, BackendKeyRegistry.BackendKey key) {
        FrontendMessage.StartupMessage startup = accepted.message();
        List<String> protocolOptions = accepted.protocolOptions();
        Map<String, String> parameters = accepted.parameters();
        String user = accepted.user();
        Session session = services.engine().openSession(new SessionOptions(user, accepted.database(), parameters,
                key.processId()));
        if (startup.minorVersion() > 0 || !protocolOptions.isEmpty()) {
            out.send(buf -> BackendMessages.negotiateProtocolVersion(buf, 0, protocolOptions));
        }
        out.send(BackendMessages::authenticationOk);
        reportedParameters(session, parameters, user, superuser).forEach((name, value) ->
                out.send(buf -> BackendMessages.parameterStatus(buf, name, value)));
        out.send(buf -> BackendMessages.backendKeyData(buf, key.processId(), key.secretKey()));
        out.send(buf -> BackendMessages.readyForQuery(buf, session.transactionStatus()));
        out.flush();
        return session;
    }

    /** The engine's parameters as this session sees them (a client may have set TimeZone, DateStyle ...). */
    private Map<String, String> reportedParameters(Session session, Map<String, String> startup, String user,
                                                   boolean superuser) {
        Map<String, String> reported = new LinkedHashMap<>();
        services.engine().startupParameters().forEach((name, defaultValue) -> {
            String current = session.setting(name);
            reported.put(name, current != null ? current : defaultValue);
        });
        reported.put("application_name", startup.getOrDefault("application_name", ""));
        reported.put("is_superuser", superuser ? "on" : "off");
        reported.put("session_authorization", user);
        return reported;
    }
}

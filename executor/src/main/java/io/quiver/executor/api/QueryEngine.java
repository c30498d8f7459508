package io.quiver.executor.api;

/** The executor as the wire layer sees it: a factory of sessions over one open database. */
public interface QueryEngine extends AutoCloseable {
    /** Opens a session for a client that has completed startup. */
    Session openSession(SessionOptions options);

    /**
     * The ParameterStatus values a client is told at startup (server_version, server_encoding, client_encoding,
     * DateStyle, integer_datetimes, standard_conforming_strings, TimeZone, ...), in the order to send them.
     */
    java.util.Map<String, String> startupParameters();

    /**
     * The role a client names in its StartupMessage, for authentication; empty when there is no such role. An
     * engine without roles accepts every name as a superuser without a password.
     */
    default java.util.Optional<LoginRole> loginRole(String name) {
        return java.util.Optional.of(new LoginRole(name, true, true, null, null));
    }

    @Override
    void close();
}

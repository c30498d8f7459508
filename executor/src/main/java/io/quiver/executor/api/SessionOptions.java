package io.quiver.executor.api;

import java.util.Map;

/**
 * What a client asked for in its StartupMessage.
 *
 * @param user the {@code user} startup parameter
 * @param database the {@code database} startup parameter (defaults to the user name, as in PostgreSQL)
 * @param parameters every startup parameter, including {@code application_name}, {@code options} and settings
 * @param processId the backend process id told to the client in BackendKeyData (shown as pg_backend_pid())
 */
public record SessionOptions(String user, String database, Map<String, String> parameters, int processId) {
}

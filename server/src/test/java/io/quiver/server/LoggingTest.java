package io.quiver.server;

import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/**
 * The log a server in its own JVM writes to stderr through the real logback.xml, as README's "Logs" shows it:
 * the slow-query line of log_min_duration_statement and the connection fields (MDC) every session's line carries.
 */
class LoggingTest {
    /** logback.xml's %d{yyyy-MM-dd HH:mm:ss.SSS}, as a pattern. */
    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}";

    @TempDir
    static Path dataDirectory;
    private static ServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        // 0 logs every statement, as in PostgreSQL; given on the command line, it is every session's default.
        server = ServerProcess.start(dataDirectory, List.of(), List.of("--log-min-duration-statement", "0"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        server.close();
    }

    @Test
    void slowQueryLineCarriesDurationStatementAndTheConnectionsFields() throws Exception {
        try (Connection c = server.connect()) {
            int pid = c.unwrap(PGConnection.class).getBackendPID();
            String clientPort = queryStrings(c,
                    "SELECT client_port FROM pg_stat_activity WHERE pid = pg_backend_pid()").getFirst();
            execute(c, "SELECT pg_sleep(0.05)");
            String line = server.awaitOutputLine("statement: SELECT pg_sleep(0.05)");
            Matcher slowQuery = Pattern.compile(TIMESTAMP + " INFO  \\[[^\\]]+\\] " // the worker thread
                    + Pattern.quote("[pid=" + pid + " postgres@quiver 127.0.0.1:" + clientPort + "] ")
                    + "QuiverSession - duration: (\\d+\\.\\d{3}) ms  statement: "
                    + Pattern.quote("SELECT pg_sleep(0.05)")).matcher(line);
            assertThat(slowQuery.matches()).as(line).isTrue();
            assertThat(Double.parseDouble(slowQuery.group(1))).as(line).isGreaterThanOrEqualTo(50.0);
        }
    }

    @Test
    void sessionThresholdLeavesFasterStatementsOutAndMinusOneTurnsTheLogOff() throws Exception {
        try (Connection c = server.connect()) {
            execute(c, "SET log_min_duration_statement = '1s'");
            execute(c, "SELECT pg_sleep(0.05), 'under the threshold'");
            execute(c, "SET log_min_duration_statement = -1");
            execute(c, "SELECT pg_sleep(0.05), 'with the log off'");
            execute(c, "RESET log_min_duration_statement");
            execute(c, "SELECT 'back to the server default'");
            // One session's statements are logged in order, so once the last is there the others would be too.
            server.awaitOutputLine("statement: SELECT 'back to the server default'");
            assertThat(server.output()).doesNotContain("under the threshold").doesNotContain("with the log off");
        }
    }
}

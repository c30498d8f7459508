package io.quiver.server;

import static io.quiver.server.SqlAssertions.assertUsable;
import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.common.error.QuiverException;
import io.quiver.wire.auth.AuthMethod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.util.PSQLException;

/**
 * Password authentication over the real protocol with pgjdbc and psql: an hba file picks the method per user,
 * so one server covers scram-sha-256, md5 (answered with SCRAM for a SCRAM-stored password), password, trust and
 * no matching rule.
 */
class AuthenticationTest {
    private static Path dataDirectory;
    private static Path hbaFile;
    private static QuiverServer server;

    @BeforeAll
    static void start() throws Exception {
        dataDirectory = Files.createTempDirectory("quiver-auth");
        hbaFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".hba");
        Files.writeString(hbaFile, """
                # TYPE  DATABASE USER      ADDRESS       METHOD
                host    all      postgres  127.0.0.1/32  trust
                host    all      md5user   127.0.0.1/32  md5
                host    all      clearuser 127.0.0.1/32  password
                hostssl all      sslonly   all           scram-sha-256
                host    all      alice,nologin,nobody samehost scram-sha-256
                """);
        server = QuiverServer.start(new ServerConfig("127.0.0.1", 0, dataDirectory, true).withSecurity(
                new ServerSecurity(hbaFile, null, null, null, null)));
        try (Connection admin = connect("postgres", null)) {
            execute(admin, "CREATE ROLE alice LOGIN PASSWORD 'alice-secret'");
            execute(admin, "CREATE ROLE md5user LOGIN PASSWORD 'md5-secret'");
            execute(admin, "CREATE ROLE clearuser LOGIN PASSWORD 'clear-secret'");
            execute(admin, "CREATE ROLE sslonly LOGIN PASSWORD 'x'");
            execute(admin, "CREATE ROLE nologin NOLOGIN PASSWORD 'nologin-secret'");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        Files.deleteIfExists(hbaFile);
        try (var files = Files.walk(dataDirectory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Connection connect(String user, String password) throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/quiver", properties);
    }

    private static String sqlStateOfConnecting(String user, String password) {
        try (Connection ignored = connect(user, password)) {
            throw new AssertionError("connected as " + user);
        } catch (PSQLException e) {
            return e.getSQLState() + " " + e.getServerErrorMessage().getMessage();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void scramWithTheRightPasswordLogsInAsThatRole() throws SQLException {
        try (Connection c = connect("alice", "alice-secret")) {
            assertThat(queryStrings(c, "SELECT current_user || ' ' || session_user")).containsExactly("alice alice");
        }
    }

    @Test
    void md5RuleWithAScramPasswordUsesScram() throws SQLException {
        try (Connection c = connect("md5user", "md5-secret")) {
            assertThat(queryStrings(c, "SELECT current_user")).containsExactly("md5user");
        }
        assertThat(sqlStateOfConnecting("md5user", "wrong"))
                .isEqualTo("28P01 password authentication failed for user \"md5user\"");
    }

    @Test
    void cleartextPasswordRule() throws SQLException {
        try (Connection c = connect("clearuser", "clear-secret")) {
            assertThat(queryStrings(c, "SELECT current_user")).containsExactly("clearuser");
        }
        assertThat(sqlStateOfConnecting("clearuser", "wrong"))
                .isEqualTo("28P01 password authentication failed for user \"clearuser\"");
    }

    @Test
    void wrongPasswordAndUnknownUserFailAlike() {
        assertThat(sqlStateOfConnecting("alice", "wrong"))
                .isEqualTo("28P01 password authentication failed for user \"alice\"");
        assertThat(sqlStateOfConnecting("nobody", "whatever"))
                .isEqualTo("28P01 password authentication failed for user \"nobody\"");
    }

    @Test
    void noLoginRoleIsRefusedAfterItsPasswordChecks() {
        assertThat(sqlStateOfConnecting("nologin", "nologin-secret"))
                .isEqualTo("28000 role \"nologin\" is not permitted to log in");
    }

    @Test
    void noMatchingRuleIsRefused() {
        assertThat(sqlStateOfConnecting("sslonly", "x")).isEqualTo("28000 no pg_hba.conf entry for host "
                + "\"127.0.0.1\", user \"sslonly\", database \"quiver\", no encryption");
    }

    @Test
    void failedLoginsLeaveTheServerAndOtherSessionsWorking() throws SQLException {
        try (Connection open = connect("alice", "alice-secret")) {
            sqlStateOfConnecting("alice", "wrong");
            sqlStateOfConnecting("nobody", "x");
            assertUsable(open);
            assertThat(queryStrings(open, "SELECT current_user")).containsExactly("alice");
        }
    }

    @Test
    void psqlWithPasswords() throws Exception {
        PsqlRun ok = psql("alice", "alice-secret", "SELECT current_user;");
        assertThat(ok.exitCode()).as(ok.output()).isZero();
        assertThat(ok.output()).contains(" alice\n");
        PsqlRun wrong = psql("alice", "nope", "SELECT 1;");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.output()).contains("FATAL:  password authentication failed for user \"alice\"");
        PsqlRun clear = psql("clearuser", "clear-secret", "SELECT current_user;");
        assertThat(clear.output()).contains(" clearuser\n");
        PsqlRun noLogin = psql("nologin", "nologin-secret", "SELECT 1;");
        assertThat(noLogin.output()).contains("FATAL:  role \"nologin\" is not permitted to log in");
    }

    @ParameterizedTest
    @EnumSource(value = AuthMethod.class, names = {"SCRAM_SHA_256", "TRUST"})
    void aNonLoopbackAddressNeedsAuthenticationConfigured(AuthMethod method) throws IOException {
        Path other = Files.createTempDirectory("quiver-auth-open");
        ServerConfig open = new ServerConfig("0.0.0.0", 0, other, true);
        assertThatThrownBy(() -> QuiverServer.start(open)).isInstanceOf(QuiverException.class)
                .hasMessageContaining("refusing to listen on 0.0.0.0 without authentication");
        try (QuiverServer configured = QuiverServer.start(open.withSecurity(
                new ServerSecurity(null, method, null, null, null)))) {
            assertThat(configured.port()).isPositive();
        } finally {
            try (var files = Files.walk(other)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    record PsqlRun(int exitCode, String output) {
    }

    private static PsqlRun psql(String user, String password, String script) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of("psql", "-X", "-h", "127.0.0.1", "-p",
                String.valueOf(server.port()), "-U", user, "-d", "quiver", "-c", script));
        builder.environment().put("PGPASSWORD", password);
        builder.environment().put("PGCONNECT_TIMEOUT", "10");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new PsqlRun(process.exitValue(), output);
    }
}

package io.quiver.server;

import static io.quiver.server.SqlAssertions.assertUsable;
import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.common.error.QuiverException;
import io.quiver.wire.auth.AuthMethod;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.util.PSQLException;

/**
 * Password authentication over the real protocol with pgjdbc and psql: an hba file picks the method per user,
 * so one server covers scram-sha-256, md5 (the MD5 challenge for an MD5-stored password, SCRAM for a SCRAM-stored
 * one), password, trust and no matching rule.
 */
class AuthenticationTest {
    private static final String MD5_HASHED_PASSWORD = "md5-hashed-secret";
    /** What PostgreSQL's {@code 'md5' || md5(password || rolename)} gives, as a client sends it already hashed. */
    private static final String MD5_HASHED_STORED = md5StoredForm(MD5_HASHED_PASSWORD, "md5hashed");

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
                host    all      md5hashed 127.0.0.1/32  md5
                host    all      clearuser 127.0.0.1/32  password
                hostssl all      sslonly   all           scram-sha-256
                host    all      alice,nologin,nobody samehost scram-sha-256
                """);
        server = QuiverServer.start(new ServerConfig("127.0.0.1", 0, dataDirectory, true).withSecurity(
                new ServerSecurity(hbaFile, null, null, null, null)));
        try (Connection admin = connect("postgres", null)) {
            execute(admin, "CREATE ROLE alice LOGIN PASSWORD 'alice-secret'");
            execute(admin, "CREATE ROLE md5user LOGIN PASSWORD 'md5-secret'");
            execute(admin, "CREATE ROLE md5hashed LOGIN PASSWORD '" + MD5_HASHED_STORED + "'");
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
    void md5RuleWithAnMd5StoredPasswordLogsInThroughTheMd5Challenge() throws Exception {
        try (Connection admin = connect("postgres", null)) {
            // Kept as given rather than turned into a SCRAM verifier: a SCRAM exchange could not succeed against
            // it, so the logins below can only pass through the MD5 salt challenge.
            assertThat(queryStrings(admin, "SELECT rolpassword FROM pg_authid WHERE rolname = 'md5hashed'"))
                    .containsExactly(MD5_HASHED_STORED);
        }
        try (Connection c = connect("md5hashed", MD5_HASHED_PASSWORD)) {
            assertThat(queryStrings(c, "SELECT current_user")).containsExactly("md5hashed");
        }
        assertThat(sqlStateOfConnecting("md5hashed", "wrong"))
                .isEqualTo("28P01 password authentication failed for user \"md5hashed\"");
        // The hash itself is not the password: a client that sends it gets it hashed again.
        assertThat(sqlStateOfConnecting("md5hashed", MD5_HASHED_STORED))
                .isEqualTo("28P01 password authentication failed for user \"md5hashed\"");

        PsqlRun ok = psql("md5hashed", MD5_HASHED_PASSWORD, "SELECT current_user;");
        assertThat(ok.exitCode()).as(ok.output()).isZero();
        assertThat(ok.output()).contains(" md5hashed\n");
        PsqlRun wrong = psql("md5hashed", "wrong", "SELECT 1;");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.output()).contains("FATAL:  password authentication failed for user \"md5hashed\"");
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

    /**
     * Checked without listening: a server started on 0.0.0.0 here would be open on every interface for as long
     * as the test ran (and trust-everyone in the TRUST case).
     */
    @ParameterizedTest
    @EnumSource(value = AuthMethod.class, names = {"SCRAM_SHA_256", "TRUST"})
    void aNonLoopbackAddressNeedsAuthenticationConfigured(AuthMethod method) throws IOException {
        Path other = Files.createTempDirectory("quiver-auth-open");
        try {
            ServerConfig open = new ServerConfig("0.0.0.0", 0, other, true);
            assertThatThrownBy(() -> QuiverServer.start(open)).isInstanceOf(QuiverException.class)
                    .hasMessageContaining("refusing to listen on 0.0.0.0 without authentication");
            assertThat(new ServerSecurity(null, method, null, null, null).toConfig("0.0.0.0").hba()).isNotNull();
            assertThat(ServerSecurity.NONE.toConfig("127.0.0.1").hba()).isNotNull();
        } finally {
            try (var files = Files.walk(other)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void theRealCommandRefusesANonLoopbackHostWithoutAuthenticationBeforeBinding(@TempDir Path scratch)
            throws Exception {
        Path neverOpened = scratch.resolve("data");
        // A listener on the port's loopback address makes any bind of 0.0.0.0 to it fail with another error, so
        // the authentication message shows the check came first; and should the check ever be lost, the server
        // still could not open 0.0.0.0 to traffic.
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            long started = System.nanoTime();
            ServerProcess.CommandResult run = ServerProcess.run("--host", "0.0.0.0", "--port",
                    String.valueOf(held.getLocalPort()), "--data-dir", neverOpened.toString());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as(run.output())
                    .isLessThan(Duration.ofSeconds(10));
            assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
            assertThat(run.output()).contains("FATAL:  refusing to listen on 0.0.0.0 without authentication: give "
                            + "--auth scram-sha-256 (or --hba-file), or --auth trust")
                    .doesNotContain("Quiver ready").doesNotContain("\tat io.quiver");
        }
        assertThat(neverOpened).doesNotExist();
    }

    record PsqlRun(int exitCode, String output) {
    }

    /** PostgreSQL's stored MD5 form, computed here rather than by the server's own code. */
    private static String md5StoredForm(String password, String role) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest((password + role).getBytes(StandardCharsets.UTF_8));
            return "md5" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

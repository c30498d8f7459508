package io.quiver.server;

import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS end to end with a certificate made at test time: pgjdbc and psql with {@code sslmode=require} and
 * {@code verify-full}, a {@code hostssl}-only hba file that refuses plain connections, and a server without
 * --tls-cert answering SSLRequest with 'N'.
 */
class TlsTest {
    private static Path directory;
    private static TestCertificate certificate;
    private static QuiverServer server;

    @BeforeAll
    static void start() throws Exception {
        directory = Files.createTempDirectory("quiver-tls");
        certificate = TestCertificate.generate(directory);
        Path hba = directory.resolve("hba.conf");
        Files.writeString(hba, """
                # only TLS connections: plain ones find no rule
                hostssl  all  postgres  127.0.0.1/32  trust
                hostssl  all  alice     127.0.0.1/32  scram-sha-256
                """);
        server = QuiverServer.start(new ServerConfig("127.0.0.1", 0, directory.resolve("data"), true).withSecurity(
                new ServerSecurity(hba, null, certificate.certificate(), certificate.key(), null)));
        try (Connection admin = connect(server.port(), "postgres", "", "sslmode", "require")) {
            execute(admin, "CREATE ROLE alice LOGIN PASSWORD 'alice-secret'");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void pgjdbcConnectsOverTls() throws SQLException {
        try (Connection c = connect(server.port(), "postgres", "", "sslmode", "require")) {
            assertThat(queryStrings(c, "SELECT current_user")).containsExactly("postgres");
        }
        try (Connection c = connect(server.port(), "alice", "alice-secret", "sslmode", "require")) {
            assertThat(queryStrings(c, "SELECT current_user")).containsExactly("alice");
        }
    }

    @Test
    void pgjdbcVerifiesTheCertificateAndHostName() throws SQLException {
        try (Connection c = connect(server.port(), "postgres", "", "sslmode", "verify-full",
                "sslrootcert", certificate.certificate().toString())) {
            assertThat(queryStrings(c, "SELECT 1")).containsExactly("1");
        }
    }

    @Test
    void hostsslRuleRefusesPlainConnections() {
        SQLException refused = catchThrowableOfType(SQLException.class,
                () -> connect(server.port(), "postgres", "", "sslmode", "disable").close());
        assertThat(refused.getSQLState()).isEqualTo("28000");
        assertThat(refused.getMessage()).contains("no pg_hba.conf entry for host \"127.0.0.1\", user \"postgres\", "
                + "database \"quiver\", no encryption");
    }

    @Test
    void psqlConnectsOverTls() throws Exception {
        PsqlRun require = psql(server.port(), "sslmode=require", "SELECT current_user;");
        assertThat(require.exitCode()).as(require.output()).isZero();
        assertThat(require.output()).contains(" postgres\n");
        PsqlRun verify = psql(server.port(), "sslmode=verify-full sslrootcert=" + certificate.certificate(),
                "SELECT 2;");
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).contains(" 2\n");
        PsqlRun plain = psql(server.port(), "sslmode=disable", "SELECT 1;");
        assertThat(plain.exitCode()).isEqualTo(2);
        assertThat(plain.output()).contains("FATAL:  no pg_hba.conf entry for host \"127.0.0.1\", user "
                + "\"postgres\", database \"quiver\", no encryption");
    }

    @Test
    void withoutCertificateTheServerDeclinesTls() throws Exception {
        try (RunningServer plainServer = RunningServer.start()) {
            PsqlRun prefer = psql(plainServer.port(), "sslmode=prefer", "SELECT current_user;");
            assertThat(prefer.exitCode()).as(prefer.output()).isZero();
            assertThat(prefer.output()).contains(" postgres\n");
            PsqlRun require = psql(plainServer.port(), "sslmode=require", "SELECT 1;");
            assertThat(require.exitCode()).isEqualTo(2);
            assertThat(require.output()).contains("server does not support SSL, but SSL was required");
            SQLException refused = catchThrowableOfType(SQLException.class,
                    () -> connect(plainServer.port(), "postgres", "", "sslmode", "require").close());
            assertThat(refused.getMessage()).contains("The server does not support SSL");
            try (Connection c = connect(plainServer.port(), "postgres", "", "sslmode", "prefer")) {
                assertThat(queryStrings(c, "SELECT 1")).containsExactly("1");
            }
        }
    }

    private static Connection connect(int port, String user, String password, String... options)
            throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        for (int i = 0; i < options.length; i += 2) {
            properties.setProperty(options[i], options[i + 1]);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/quiver", properties);
    }

    record PsqlRun(int exitCode, String output) {
    }

    private static PsqlRun psql(int port, String sslOptions, String sql) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of("psql", "-X", "-c", sql,
                "host=127.0.0.1 port=" + port + " user=postgres dbname=quiver " + sslOptions));
        builder.environment().put("PGCONNECT_TIMEOUT", "10");
        // no client certificate or root from the home directory
        builder.environment().put("PGSSLCERT", directory.resolve("none.crt").toString());
        builder.environment().put("PGSSLKEY", directory.resolve("none.key").toString());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new PsqlRun(process.exitValue(), output);
    }
}

package io.quiver.server;

import io.quiver.common.error.QuiverException;
import io.quiver.executor.session.DurationSetting;
import io.quiver.executor.vacuum.AutovacuumSettings;
import io.quiver.wire.auth.AuthMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code quiver} server command: runs in the foreground until SIGTERM or Ctrl-C. */
@Command(name = "quiver", mixinStandardHelpOptions = true, version = "Quiver 0.1.0",
        description = "A PostgreSQL-compatible vector database. Without a subcommand, runs the server.",
        subcommands = {BackupCli.class, RestoreCli.class})
public final class QuiverMain implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(QuiverMain.class);

    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host = ServerConfig.DEFAULT_HOST;

    @Option(names = "--port", description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port = ServerConfig.DEFAULT_PORT;

    @Option(names = "--data-dir", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDirectory = Path.of("data");

    @Option(names = "--synchronous-commit", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Wait for the disk before acknowledging a commit (default: ${DEFAULT-VALUE}). "
                    + "--no-synchronous-commit trades the last second of commits on a crash for speed.")
    boolean synchronousCommit = true;

    @Option(names = "--autovacuum-naptime", description = "Seconds between background vacuum checks; 0 turns "
            + "autovacuum off (default: ${DEFAULT-VALUE}).")
    long autovacuumNaptimeSeconds = AutovacuumSettings.DEFAULTS.naptime().toSeconds();

    @Option(names = "--autovacuum-scale-factor", description = "Deleted share of a table (or dead share of the "
            + "data file) that triggers a background vacuum (default: ${DEFAULT-VALUE}).")
    double autovacuumScaleFactor = AutovacuumSettings.DEFAULTS.scaleFactor();

    @Option(names = "--autovacuum-threshold", description = "Deleted rows a table needs at least before it is "
            + "vacuumed in the background (default: ${DEFAULT-VALUE}).")
    long autovacuumThreshold = AutovacuumSettings.DEFAULTS.threshold();

    @Option(names = "--max-connections", description = "Clients connected at once; one more is refused with "
            + "FATAL 53300 (default: ${DEFAULT-VALUE}).")
    int maxConnections = OperationalSettings.DEFAULTS.maxConnections();

    @Option(names = "--max-message-size", description = "Largest protocol message a client may send, in bytes; "
            + "a longer one closes its connection with 08P01 (default: ${DEFAULT-VALUE}).")
    int maxMessageSize = OperationalSettings.DEFAULTS.maxMessageSize();

    @Option(names = "--statement-timeout", description = "statement_timeout of every session, e.g. 30s or 500ms; "
            + "0 is none (default: ${DEFAULT-VALUE}).")
    String statementTimeout = OperationalSettings.DEFAULTS.statementTimeout();

    @Option(names = "--idle-in-transaction-session-timeout", description = "idle_in_transaction_session_timeout "
            + "of every session; 0 is none (default: ${DEFAULT-VALUE}).")
    String idleInTransactionSessionTimeout = OperationalSettings.DEFAULTS.idleInTransactionSessionTimeout();

    @Option(names = "--log-min-duration-statement", description = "Log statements that ran at least this long "
            + "(log_min_duration_statement of every session), e.g. 250ms; -1 is off (default: ${DEFAULT-VALUE}).")
    String logMinDurationStatement = OperationalSettings.DEFAULTS.logMinDurationStatement();

    @Option(names = "--metrics-port", description = "Serve Prometheus metrics at http://127.0.0.1:PORT/metrics "
            + "(default: none).")
    int metricsPort = OperationalSettings.NO_METRICS;

    @Option(names = "--hba-file", description = "Client authentication rules in pg_hba.conf form: "
            + "host|hostssl|hostnossl DATABASE USER ADDRESS METHOD, the first matching line decides.")
    Path hbaFile;

    @Option(names = "--auth", description = "Authentication method for every client when there is no --hba-file: "
            + "trust, password, md5 or scram-sha-256. Without either, only a loopback --host is allowed "
            + "(and trusted).", converter = AuthMethodConverter.class)
    AuthMethod auth;

    @Option(names = "--tls-cert", description = "PEM certificate (chain) for TLS; with --tls-key, clients may "
            + "use sslmode=require.")
    Path tlsCertificate;

    @Option(names = "--tls-key", description = "PKCS#8 PEM private key of --tls-cert.")
    Path tlsKey;

    @Option(names = "--superuser-password-file", description = "File whose first line becomes the password of "
            + "the bootstrap superuser postgres at startup.")
    Path superuserPasswordFile;

    /** Picocli's converter for --auth, with the hba file's method names. */
    static final class AuthMethodConverter implements CommandLine.ITypeConverter<AuthMethod> {
        @Override
        public AuthMethod convert(String value) {
            return AuthMethod.parse(value);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        QuiverServer server;
        try {
            server = QuiverServer.start(new ServerConfig(host, port, dataDirectory.toAbsolutePath(), synchronousCommit,
                    new AutovacuumSettings(Duration.ofSeconds(autovacuumNaptimeSeconds), autovacuumThreshold,
                            autovacuumScaleFactor), operations(), new ServerSecurity(hbaFile, auth, tlsCertificate,
                            tlsKey, superuserPasswordFile)));
        } catch (QuiverException e) {
            // A damaged data directory or a taken port: say so and exit non-zero, so a supervisor does not
            // restart into the same failure with a stack trace each time.
            LOG.error("could not start: {}", e.getMessage());
            System.err.println("quiver: could not start the server" + System.lineSeparator()
                    + FatalErrors.describe(e).replaceFirst("^ERROR:", "FATAL:"));
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down");
            server.close();
            stopped.countDown();
        }, "quiver-shutdown"));
        LOG.info("Quiver ready on {}:{} (data directory {})", server.address().getHostString(), server.port(),
                dataDirectory.toAbsolutePath());
        if (server.metricsPort() != OperationalSettings.NO_METRICS) {
            LOG.info("metrics at http://127.0.0.1:{}/metrics", server.metricsPort());
        }
        stopped.await();
        return 0;
    }

    /** The limits and metrics options, the settings checked as SET would check them. */
    private OperationalSettings operations() {
        return new OperationalSettings(maxConnections, maxMessageSize,
                DurationSetting.normalize("statement_timeout", statementTimeout, 0),
                DurationSetting.normalize("idle_in_transaction_session_timeout", idleInTransactionSessionTimeout, 0),
                DurationSetting.normalize("log_min_duration_statement", logMinDurationStatement, -1), metricsPort);
    }

    public static void main(String[] args) {
        int exit = new CommandLine(new QuiverMain()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }
}

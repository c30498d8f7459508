package io.quiver.server;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code quiver backup --to DIR}: asks a running server for an online backup ({@code BACKUP TO 'DIR'} over
 * the PostgreSQL protocol). The server writes the files, so DIR is a directory on the server's machine; a
 * relative DIR is taken from the directory this command runs in.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Back up a running server into DIR on the server's machine, while it keeps serving.",
                "The first backup into a new or empty DIR is a full backup; later ones into the same DIR",
                "add only the transactions committed since (incremental)."})
final class BackupCli implements Callable<Integer> {
    @Option(names = "--to", required = true, paramLabel = "DIR", description = "Backup directory (on the server's machine).")
    Path directory;

    @Option(names = "--host", description = "Server address (default: ${DEFAULT-VALUE}).")
    String host = ServerConfig.DEFAULT_HOST;

    @Option(names = "--port", description = "Server port (default: ${DEFAULT-VALUE}).")
    int port = ServerConfig.DEFAULT_PORT;

    @Option(names = "--user", description = "User name to connect as (default: ${DEFAULT-VALUE}).")
    String user = "postgres";

    @Override
    public Integer call() {
        Path target = directory.toAbsolutePath().normalize();
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("ApplicationName", "quiver backup");
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, properties);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("BACKUP TO '" + target.toString().replace("'", "''") + "'")) {
            result.next();
            System.out.printf("quiver backup: %s backup into %s: consistent as of %s (LSN %d), %d files, %d bytes%n",
                    result.getString("kind"), target, result.getString("backup_time"), result.getLong("lsn"),
                    result.getInt("files"), result.getLong("bytes"));
            return 0;
        } catch (SQLException e) {
            System.err.println("quiver backup: " + describe(e));
            return 1;
        }
    }

    /** The server's error as psql shows it (severity, message, hint), or the driver's own message. */
    private static String describe(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server == null) {
            return "could not connect or run the backup: " + e.getMessage();
        }
        String text = server.getSeverity() + ":  " + server.getMessage();
        return server.getHint() == null ? text : text + System.lineSeparator() + "HINT:  " + server.getHint();
    }
}

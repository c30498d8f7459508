package io.quiver.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DDL script with mistakes run with {@code psql -f}, with and without ON_ERROR_STOP: what psql prints is
 * what it prints against PostgreSQL 15 + pgvector (the expected files were recorded there): statements before
 * an error applied, each error reported with its file and line, nothing half created.
 */
class DdlScriptTest {
    @TempDir
    Path directory;

    @Test
    void aScriptRunsToTheEndReportingEachErrorWithItsLine() throws Exception {
        assertThat(run()).isEqualTo(new Psql.Result(0, resource("schema.expected"), ""));
    }

    @Test
    void onErrorStopStopsAtTheFirstError() throws Exception {
        assertThat(run("-v", "ON_ERROR_STOP=1"))
                .isEqualTo(new Psql.Result(3, resource("schema.on-error-stop.expected"), ""));
    }

    /** Runs the script as {@code psql -f schema.sql 2>&1} does, its directory left out of the messages. */
    private Psql.Result run(String... options) throws Exception {
        Files.writeString(directory.resolve("schema.sql"), resource("schema.sql"));
        try (RunningServer server = RunningServer.start()) {
            String[] arguments = new String[options.length + 2];
            System.arraycopy(options, 0, arguments, 0, options.length);
            arguments[options.length] = "-f";
            arguments[options.length + 1] = directory.resolve("schema.sql").toString();
            Psql.Result result = Psql.runInterleaved(server.port(), "", arguments);
            return new Psql.Result(result.exitCode(), result.stdout().replace(directory + "/", ""), result.stderr());
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DdlScriptTest.class.getResourceAsStream("/ddl-script/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

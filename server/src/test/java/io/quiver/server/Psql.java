package io.quiver.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the installed psql client against a test server and captures what it prints. */
final class Psql {
    record Result(int exitCode, String stdout, String stderr) {
    }

    private Psql() {
    }

    static Result run(int port, String script, String... extraArgs) throws IOException, InterruptedException {
        return run(port, script, false, extraArgs);
    }

    /** Like {@link #run} with psql's errors in stdout, where they come in order with the results (as 2>&1). */
    static Result runInterleaved(int port, String script, String... extraArgs)
            throws IOException, InterruptedException {
        return run(port, script, true, extraArgs);
    }

    private static Result run(int port, String script, boolean interleaved, String... extraArgs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-U", "postgres", "-d", "quiver"));
        command.addAll(List.of(extraArgs));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PGCONNECT_TIMEOUT", "10");
        builder.environment().put("PAGER", "");
        builder.environment().put("PGOPTIONS", "");
        builder.redirectErrorStream(interleaved);
        Process process = builder.start();
        process.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("psql did not finish");
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }
}

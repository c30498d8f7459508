package io.quiver.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A Quiver server in a child JVM, for tests that must kill it the hard way. */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final StringBuffer output;

    private ServerProcess(Process process, int port, StringBuffer output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    static ServerProcess start(Path dataDirectory) throws IOException, InterruptedException {
        return start(dataDirectory, List.of());
    }

    /** A server whose JVM runs with {@code jvmOptions} (such as a small -Xmx). */
    static ServerProcess start(Path dataDirectory, List<String> jvmOptions) throws IOException, InterruptedException {
        return start(dataDirectory, jvmOptions, List.of());
    }

    /** As {@link #start(Path, List)}, with {@code serverOptions} (such as --log-min-duration-statement 0) added. */
    static ServerProcess start(Path dataDirectory, List<String> jvmOptions, List<String> serverOptions)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new java.util.ArrayList<>(List.of(javaExecutable(), "--add-modules=jdk.incubator.vector"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), QuiverMain.class.getName(), "--port",
                String.valueOf(port), "--data-dir", dataDirectory.toString()));
        command.addAll(serverOptions);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .start();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.append(line).append('\n');
                    if (line.contains("Quiver ready")) {
                        ready.complete(null);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("server exited before it was ready"));
        });
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("server did not start", e);
        }
        return new ServerProcess(process, port, output);
    }

    /** What the server has logged so far. */
    String output() {
        return output.toString();
    }

    /** The first line the server has logged that contains {@code text}, waiting up to 10 s for it. */
    String awaitOutputLine(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Optional<String> line = output().lines().filter(l -> l.contains(text)).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server never logged \"" + text + "\"; it logged:\n" + output());
            }
            Thread.sleep(20);
        }
    }

    int port() {
        return port;
    }

    /** What a {@code quiver} command run in its own JVM printed, and its exit code. */
    record CommandResult(int exitCode, String output) {
    }

    /** Runs {@code quiver <arguments>} (for instance {@code backup --to DIR}) in a child JVM. */
    static CommandResult run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(javaExecutable(), "--add-modules=jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), QuiverMain.class.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("quiver " + String.join(" ", arguments) + " did not finish: " + output);
        }
        return new CommandResult(process.exitValue(), output);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/quiver", "postgres", "");
    }

    /** SIGKILL: no shutdown hook, no flush. */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}

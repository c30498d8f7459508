package io.quiver.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result far larger than the server's heap streams to a slow client over the simple query protocol: the
 * server (a child JVM with -Xmx64m) never holds the result, it waits for the client as Netty's output fills.
 */
class ResultStreamingTest {
    private static final int ROWS = 300_000;
    private static final int ROW_TEXT = 1_200;

    @Test
    void aResultLargerThanTheHeapStreamsToASlowReader(@TempDir Path data) throws Exception {
        try (ServerProcess server = ServerProcess.start(Files.createDirectories(data.resolve("db")),
                List.of("-Xmx64m"))) {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(60_000);
                socket.setReceiveBufferSize(16 * 1024);
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
                RawProtocol.startup(out);
                assertThat(RawProtocol.readUntilReady(in)).isNull();
                byte[] query = ("SELECT g, repeat('x', " + ROW_TEXT + ") FROM generate_series(1, " + ROWS + ") g\0")
                        .getBytes(StandardCharsets.UTF_8);
                out.writeByte('Q');
                out.writeInt(4 + query.length);
                out.write(query);
                out.flush();
                long rows = 0;
                long bytes = 0;
                for (RawProtocol.Message message = RawProtocol.read(in); message.type() != 'Z';
                     message = RawProtocol.read(in)) {
                    assertThat(message.type()).as(message.fields()).isNotEqualTo('E');
                    if (message.type() == 'D') {
                        rows++;
                        bytes += message.body().length;
                        if (rows % 50_000 == 0) {
                            Thread.sleep(300); // a slow reader: the server must wait, not buffer
                        }
                    }
                }
                assertThat(rows).isEqualTo(ROWS);
                assertThat(bytes).isGreaterThan(5L * 64 * 1024 * 1024);
            }
            assertThat(server.output()).doesNotContain("OutOfMemoryError");
        }
    }
}

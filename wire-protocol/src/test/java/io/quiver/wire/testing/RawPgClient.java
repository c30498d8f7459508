package io.quiver.wire.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A bare-bones protocol client for tests that need to send what no driver would. */
public final class RawPgClient implements AutoCloseable {
    /** One server message: its type and body. */
    public record Message(char type, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The fields of an ErrorResponse or NoticeResponse, by field code. */
        public Map<Character, String> fields() {
            Map<Character, String> fields = new HashMap<>();
            int i = 0;
            while (body[i] != 0) {
                int end = i + 1;
                while (body[end] != 0) {
                    end++;
                }
                fields.put((char) body[i], new String(body, i + 1, end - i - 1, StandardCharsets.UTF_8));
                i = end + 1;
            }
            return fields;
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    public RawPgClient(InetSocketAddress address) throws IOException {
        socket = new Socket(address.getAddress(), address.getPort());
        socket.setSoTimeout(5_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public static byte[] untyped(int code, byte[] rest) {
        return ByteBuffer.allocate(8 + rest.length).putInt(8 + rest.length).putInt(code).put(rest).array();
    }

    public static byte[] startupPacket(String user) {
        return untyped(3 << 16, cstrings("user", user, "database", "quiver", ""));
    }

    public static byte[] typed(char type, byte[] body) {
        return ByteBuffer.allocate(5 + body.length).put((byte) type).putInt(4 + body.length).put(body).array();
    }

    public static byte[] cstrings(String... values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String value : values) {
            bytes.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            bytes.write(0);
        }
        return bytes.toByteArray();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.writeBytes(part);
        }
        return bytes.toByteArray();
    }

    public static byte[] query(String sql) {
        return typed('Q', cstrings(sql));
    }

    public static byte[] sync() {
        return typed('S', new byte[0]);
    }

    /** Sends a startup packet and reads up to the first ReadyForQuery. */
    public List<Message> startup() throws IOException {
        sendRaw(startupPacket("tester"));
        return readUntilReady();
    }

    public int readByte() throws IOException {
        return in.read();
    }

    public Message read() throws IOException {
        char type = (char) in.readUnsignedByte();
        byte[] body = new byte[in.readInt() - 4];
        in.readFully(body);
        return new Message(type, body);
    }

    public List<Message> readUntilReady() throws IOException {
        List<Message> messages = new ArrayList<>();
        Message message;
        do {
            message = read();
            messages.add(message);
        } while (message.type() != 'Z');
        return messages;
    }

    /** True when the server has closed the connection (after reading whatever it sent before). */
    public boolean serverClosed() throws IOException {
        try {
            while (true) {
                read();
            }
        } catch (EOFException e) {
            return true;
        }
    }

    public static String types(List<Message> messages) {
        StringBuilder types = new StringBuilder();
        messages.forEach(m -> types.append(m.type()));
        return types.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

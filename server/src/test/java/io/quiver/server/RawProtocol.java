package io.quiver.server;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The few protocol messages tests send and read over a plain socket. */
final class RawProtocol {
    /** A backend message; {@link #fields()} is its body as text, NULs as '|', for contains-assertions. */
    record Message(char type, byte[] body) {
        String fields() {
            return new String(body, StandardCharsets.UTF_8).replace('\0', '|');
        }
    }

    private RawProtocol() {
    }

    static void startup(DataOutputStream out) throws IOException {
        byte[] parameters = "user\0postgres\0database\0quiver\0\0".getBytes(StandardCharsets.UTF_8);
        out.writeInt(8 + parameters.length);
        out.writeInt(196_608);
        out.write(parameters);
        out.flush();
    }

    static Message read(DataInputStream in) throws IOException {
        char type = (char) in.readUnsignedByte();
        byte[] body = new byte[in.readInt() - 4];
        in.readFully(body);
        return new Message(type, body);
    }

    /** Reads up to and including the next ReadyForQuery; returns the last ErrorResponse seen, or null. */
    static Message readUntilReady(DataInputStream in) throws IOException {
        Message error = null;
        for (Message message = read(in); message.type() != 'Z'; message = read(in)) {
            if (message.type() == 'E') {
                error = message;
            }
        }
        return error;
    }
}

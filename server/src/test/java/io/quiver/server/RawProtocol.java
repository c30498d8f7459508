package io.quiver.server;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The few protocol messages tests send and read over a plain socket. */
final class RawProtocol {
    /** A backend message; {@link #fields()} is its body as text, NULs as '|', for contains-assertions. */
    record Message(char type, byte[] body) {
        String fields() {
            return new String(body, StandardCharsets.UTF_8).replace('\0', '|');
        }

        /** An ErrorResponse's code field, or null if it has none. */
        String sqlState() {
            for (String field : new String(body, StandardCharsets.UTF_8).split("\0")) {
                if (field.startsWith("C")) {
                    return field.substring(1);
                }
            }
            return null;
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

    static void query(DataOutputStream out, String sql) throws IOException {
        byte[] text = cstring(sql);
        out.writeByte('Q');
        out.writeInt(4 + text.length);
        out.write(text);
        out.flush();
    }

    /** Parse, Bind, Execute and Sync of {@code sql} with one parameter of {@code typeOid}, sent in binary. */
    static void executeWithBinaryParameter(DataOutputStream out, String sql, int typeOid, byte[] value)
            throws IOException {
        byte[] text = cstring(sql);
        out.writeByte('P');
        out.writeInt(4 + 1 + text.length + 2 + 4);
        out.writeByte(0); // the unnamed statement
        out.write(text);
        out.writeShort(1);
        out.writeInt(typeOid);
        out.writeByte('B');
        out.writeInt(4 + 1 + 1 + 2 + 2 + 2 + 4 + value.length + 2);
        out.writeByte(0); // the unnamed portal
        out.writeByte(0);
        out.writeShort(1);
        out.writeShort(1); // binary
        out.writeShort(1);
        out.writeInt(value.length);
        out.write(value);
        out.writeShort(0); // results in text
        out.writeByte('E');
        out.writeInt(4 + 1 + 4);
        out.writeByte(0);
        out.writeInt(0);
        out.writeByte('S');
        out.writeInt(4);
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

    /**
     * Reads up to and including the next ReadyForQuery: the SQLSTATE of the ErrorResponse if there was one, else
     * the first value of the first DataRow (null for none).
     */
    static Outcome readOutcome(DataInputStream in) throws IOException {
        Message error = null;
        String value = null;
        boolean sawRow = false;
        for (Message message = read(in); message.type() != 'Z'; message = read(in)) {
            if (message.type() == 'E') {
                error = message;
            } else if (message.type() == 'D' && !sawRow) {
                sawRow = true;
                value = firstValue(message.body());
            }
        }
        return error != null ? Outcome.failure(error.sqlState()) : Outcome.success(value);
    }

    private static String firstValue(byte[] dataRow) {
        ByteBuffer row = ByteBuffer.wrap(dataRow);
        row.getShort(); // column count
        int length = row.getInt();
        return length < 0 ? null : new String(dataRow, row.position(), length, StandardCharsets.UTF_8);
    }

    static byte[] cstring(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(bytes, bytes.length + 1);
    }
}

package io.quiver.wire.protocol;

import io.netty.buffer.ByteBuf;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.nio.charset.StandardCharsets;

/** Reads a message body field by field, failing with PostgreSQL's pqformat.c errors (08P01). */
final class MessageReader {
    private final ByteBuf body;

    MessageReader(ByteBuf body) {
        this.body = body;
    }

    String readCString() {
        int end = body.indexOf(body.readerIndex(), body.writerIndex(), (byte) 0);
        if (end < 0) {
            throw violation("invalid string in message");
        }
        String value = body.toString(body.readerIndex(), end - body.readerIndex(), StandardCharsets.UTF_8);
        body.readerIndex(end + 1);
        return value;
    }

    byte readByte() {
        require(1);
        return body.readByte();
    }

    short readInt16() {
        require(2);
        return body.readShort();
    }

    int readInt32() {
        require(4);
        return body.readInt();
    }

    /** The rest of the message body. */
    byte[] readRemaining() {
        return readBytes(body.readableBytes());
    }

    byte[] readBytes(int length) {
        require(length);
        byte[] bytes = new byte[length];
        body.readBytes(bytes);
        return bytes;
    }

    /** A count field: never negative, or the fields it counts could not follow. */
    int readCount() {
        int count = readInt16();
        if (count < 0) {
            throw violation("invalid message format");
        }
        return count;
    }


    void requireEnd() {
        if (body.isReadable()) {
            throw violation("invalid message format");
        }
    }

    private void require(int length) {
        if (length < 0 || body.readableBytes() < length) {
            throw violation("insufficient data left in message");
        }
    }

    static QuiverException violation(String message) {
        return new QuiverException(SqlState.PROTOCOL_VIOLATION, message);
    }
}

package io.quiver.wire.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts the byte stream into messages: untyped startup packets (StartupMessage, SSLRequest, GSSENCRequest,
 * CancelRequest) until the StartupMessage, then typed frames. Frames may arrive split or coalesced.
 *
 * <p>A frame that cannot be trusted (an unknown type byte, a length out of bounds) leaves no way to find the
 * next one, so the decoder emits a fatal {@link FrontendMessage.ProtocolError} and discards all later input.
 */
public final class PgFrameDecoder extends ByteToMessageDecoder {
    /** PostgreSQL's MAX_STARTUP_PACKET_LENGTH. */
    static final int MAX_STARTUP_PACKET_LENGTH = 10_000;
    private static final int LENGTH_WORD = 4;
    /** The message types PostgreSQL's SocketBackend accepts after startup, and password messages ('p'). */
    private static final String KNOWN_TYPES = "QFXBCDEHPSdcfp";

    private final int maxMessageSize;
    private boolean startupComplete;
    private boolean discarding;

    public PgFrameDecoder(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (discarding) {
            in.skipBytes(in.readableBytes());
        } else if (startupComplete) {
            decodeTyped(in, out);
        } else {
            decodeStartupPacket(in, out);
        }
    }

    private void decodeStartupPacket(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < LENGTH_WORD) {
            return;
        }
        int length = in.getInt(in.readerIndex());
        if (length < 2 * LENGTH_WORD || length > MAX_STARTUP_PACKET_LENGTH) {
            fail(in, out, "invalid length of startup packet");
            return;
        }
        if (in.readableBytes() < length) {
            return;
        }
        in.skipBytes(LENGTH_WORD);
        ByteBuf body = in.readSlice(length - LENGTH_WORD);
        int code = body.readInt();
        switch (code) {
            case ProtocolCodes.SSL_REQUEST, ProtocolCodes.GSSENC_REQUEST ->
                    out.add(new FrontendMessage.EncryptionRequest(code));
            case ProtocolCodes.CANCEL_REQUEST -> {
                if (body.readableBytes() == 2 * LENGTH_WORD) {
                    out.add(new FrontendMessage.CancelRequest(body.readInt(), body.readInt()));
                } else {
                    fail(in, out, "invalid length of startup packet");
                }
            }
            default -> decodeStartupMessage(code, body, in, out);
        }
    }

    private void decodeStartupMessage(int version, ByteBuf body, ByteBuf in, List<Object> out) {
        if (body.readableBytes() == 0 || body.getByte(body.writerIndex() - 1) != 0) {
            fail(in, out, "invalid startup packet layout: expected terminator as last byte");
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        while (body.readableBytes() > 1) {
            String name = readCString(body);
            if (body.readableBytes() <= 1) {
                fail(in, out, "invalid startup packet layout: expected terminator as last byte");
                return;
            }
            parameters.put(name, readCString(body));
        }
        startupComplete = true;
        out.add(new FrontendMessage.StartupMessage(version >>> 16, version & 0xFFFF, parameters));
    }

    private static String readCString(ByteBuf body) {
        int end = body.indexOf(body.readerIndex(), body.writerIndex(), (byte) 0);
        String value = body.toString(body.readerIndex(), end - body.readerIndex(), StandardCharsets.UTF_8);
        body.readerIndex(end + 1);
        return value;
    }

    private void decodeTyped(ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            char type = (char) in.getUnsignedByte(in.readerIndex());
            if (KNOWN_TYPES.indexOf(type) < 0) {
                fail(in, out, String.format("invalid frontend message type %d", (int) type));
                return;
            }
            if (in.readableBytes() < 1 + LENGTH_WORD) {
                return;
            }
            int length = in.getInt(in.readerIndex() + 1);
            if (length < LENGTH_WORD || length > maxMessageSize) {
                fail(in, out, "invalid message length");
                return;
            }
            if (in.readableBytes() < 1 + length) {
                return;
            }
            in.skipBytes(1 + LENGTH_WORD);
            out.add(new TypedFrame(type, in.readRetainedSlice(length - LENGTH_WORD)));
        }
    }

    private void fail(ByteBuf in, List<Object> out, String message) {
        discarding = true;
        in.skipBytes(in.readableBytes());
        out.add(new FrontendMessage.ProtocolError(new QuiverException(SqlState.PROTOCOL_VIOLATION, message), true,
                false));
    }
}

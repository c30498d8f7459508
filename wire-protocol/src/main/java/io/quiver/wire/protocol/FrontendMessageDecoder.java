package io.quiver.wire.protocol;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/** Turns typed frames into {@link FrontendMessage}s; a malformed body becomes a non-fatal ProtocolError. */
public final class FrontendMessageDecoder extends MessageToMessageDecoder<TypedFrame> {
    private static final String EXTENDED_QUERY_TYPES = "PBDECHS";

    public FrontendMessageDecoder() {
        super(TypedFrame.class);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, TypedFrame frame, List<Object> out) {
        out.add(decode(frame));
    }

    static FrontendMessage decode(TypedFrame frame) {
        MessageReader reader = new MessageReader(frame.content());
        try {
            FrontendMessage message = decodeBody(frame.type(), reader);
            reader.requireEnd();
            return message;
        } catch (QuiverException e) {
            return new FrontendMessage.ProtocolError(e, false, EXTENDED_QUERY_TYPES.indexOf(frame.type()) >= 0);
        }
    }

    private static FrontendMessage decodeBody(char type, MessageReader reader) {
        return switch (type) {
            case 'Q' -> new FrontendMessage.Query(reader.readCString());
            case 'P' -> decodeParse(reader);
            case 'B' -> decodeBind(reader);
            case 'D' -> new FrontendMessage.Describe(target(reader, "DESCRIBE"), reader.readCString());
            case 'E' -> new FrontendMessage.Execute(reader.readCString(), reader.readInt32());
            case 'C' -> new FrontendMessage.Close(target(reader, "CLOSE"), reader.readCString());
            case 'S' -> new FrontendMessage.Sync();
            case 'H' -> new FrontendMessage.Flush();
            case 'X' -> new FrontendMessage.Terminate();
            case 'd' -> new FrontendMessage.CopyData(reader.readRemaining());
            case 'c' -> new FrontendMessage.CopyDone();
            case 'f' -> new FrontendMessage.CopyFail(reader.readCString());
            case 'p' -> new FrontendMessage.Password(reader.readRemaining());
            case 'F' -> throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED,
                    "fastpath function calls are not supported");
            default -> throw MessageReader.violation(String.format("invalid frontend message type %d", (int) type));
        };
    }

    private static FrontendMessage.Parse decodeParse(MessageReader reader) {
        String name = reader.readCString();
        String sql = reader.readCString();
        int[] oids = new int[reader.readCount()];
        for (int i = 0; i < oids.length; i++) {
            oids[i] = reader.readInt32();
        }
        return new FrontendMessage.Parse(name, sql, oids);
    }

    private static FrontendMessage.Bind decodeBind(MessageReader reader) {
        String portal = reader.readCString();
        String statement = reader.readCString();
        short[] parameterFormats = readFormats(reader);
        int valueCount = reader.readCount();
        List<byte[]> values = new ArrayList<>(valueCount);
        for (int i = 0; i < valueCount; i++) {
            int length = reader.readInt32();
            values.add(length == -1 ? null : reader.readBytes(length));
        }
        return new FrontendMessage.Bind(portal, statement, parameterFormats, values, readFormats(reader));
    }

    private static short[] readFormats(MessageReader reader) {
        short[] formats = new short[reader.readCount()];
        for (int i = 0; i < formats.length; i++) {
            formats[i] = reader.readInt16();
        }
        return formats;
    }

    private static FrontendMessage.Target target(MessageReader reader, String messageName) {
        byte subtype = reader.readByte();
        return switch (subtype) {
            case 'S' -> FrontendMessage.Target.STATEMENT;
            case 'P' -> FrontendMessage.Target.PORTAL;
            default -> throw MessageReader.violation(
                    String.format("invalid %s message subtype %d", messageName, subtype));
        };
    }
}

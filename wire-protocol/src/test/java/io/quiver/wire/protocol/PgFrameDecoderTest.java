package io.quiver.wire.protocol;

import static io.quiver.wire.testing.RawPgClient.concat;
import static io.quiver.wire.testing.RawPgClient.cstrings;
import static io.quiver.wire.testing.RawPgClient.query;
import static io.quiver.wire.testing.RawPgClient.startupPacket;
import static io.quiver.wire.testing.RawPgClient.sync;
import static io.quiver.wire.testing.RawPgClient.typed;
import static io.quiver.wire.testing.RawPgClient.untyped;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PgFrameDecoderTest {
    private final EmbeddedChannel channel = new EmbeddedChannel(new PgFrameDecoder(1024), new FrontendMessageDecoder());

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
    }

    private List<FrontendMessage> feed(byte[] bytes) {
        channel.writeInbound(Unpooled.wrappedBuffer(bytes));
        return drain();
    }

    private List<FrontendMessage> feedByteByByte(byte[] bytes) {
        List<FrontendMessage> messages = new ArrayList<>();
        for (byte b : bytes) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
            messages.addAll(drain());
        }
        return messages;
    }

    private List<FrontendMessage> drain() {
        List<FrontendMessage> messages = new ArrayList<>();
        FrontendMessage message;
        while ((message = channel.readInbound()) != null) {
            messages.add(message);
        }
        return messages;
    }

    @Test
    void startupMessageSplitIntoSingleBytes() {
        assertThat(feedByteByByte(startupPacket("alice"))).containsExactly(
                new FrontendMessage.StartupMessage(3, 0, Map.of("user", "alice", "database", "quiver")));
    }

    @Test
    void encryptionRequestsKeepTheDecoderInStartupMode() {
        byte[] bytes = concat(untyped(ProtocolCodes.SSL_REQUEST, new byte[0]),
                untyped(ProtocolCodes.GSSENC_REQUEST, new byte[0]), startupPacket("bob"), query("select 1"));
        assertThat(feed(bytes)).containsExactly(
                new FrontendMessage.EncryptionRequest(ProtocolCodes.SSL_REQUEST),
                new FrontendMessage.EncryptionRequest(ProtocolCodes.GSSENC_REQUEST),
                new FrontendMessage.StartupMessage(3, 0, Map.of("user", "bob", "database", "quiver")),
                new FrontendMessage.Query("select 1"));
    }

    @Test
    void cancelRequestCarriesProcessIdAndSecret() {
        byte[] keys = ByteBuffer.allocate(8).putInt(42).putInt(-7).array();
        assertThat(feed(untyped(ProtocolCodes.CANCEL_REQUEST, keys)))
                .containsExactly(new FrontendMessage.CancelRequest(42, -7));
    }

    @Test
    void coalescedTypedMessagesComeOutOneByOne() {
        feed(startupPacket("carol"));
        byte[] execute = typed('E', concat(cstrings("p1"), ByteBuffer.allocate(4).putInt(50).array()));
        byte[] describe = typed('D', concat(new byte[] {'S'}, cstrings("s1")));
        assertThat(feed(concat(query("select 1"), execute, describe, sync(), typed('H', new byte[0]),
                typed('X', new byte[0])))).containsExactly(
                new FrontendMessage.Query("select 1"),
                new FrontendMessage.Execute("p1", 50),
                new FrontendMessage.Describe(FrontendMessage.Target.STATEMENT, "s1"),
                new FrontendMessage.Sync(),
                new FrontendMessage.Flush(),
                new FrontendMessage.Terminate());
    }

    @Test
    void parseAndBindSplitAcrossEveryByteBoundary() {
        feed(startupPacket("dave"));
        byte[] parse = typed('P', concat(cstrings("s1", "select $1"), ByteBuffer.allocate(6).putShort((short) 1)
                .putInt(23).array()));
        byte[] bind = typed('B', concat(cstrings("", "s1"), ByteBuffer.allocate(2 + 2 + 2 + 4 + 2 + 4 + 2 + 2)
                .putShort((short) 1).putShort((short) 1)
                .putShort((short) 2).putInt(2).put(new byte[] {0, 7}).putInt(-1)
                .putShort((short) 1).putShort((short) 0).array()));
        List<FrontendMessage> messages = feedByteByByte(concat(parse, bind));

        assertThat(messages).hasSize(2);
        FrontendMessage.Parse decodedParse = (FrontendMessage.Parse) messages.get(0);
        assertThat(decodedParse.statementName()).isEqualTo("s1");
        assertThat(decodedParse.sql()).isEqualTo("select $1");
        assertThat(decodedParse.parameterTypeOids()).containsExactly(23);
        FrontendMessage.Bind decodedBind = (FrontendMessage.Bind) messages.get(1);
        assertThat(decodedBind.statementName()).isEqualTo("s1");
        assertThat(decodedBind.parameterFormats()).containsExactly((short) 1);
        assertThat(decodedBind.parameterValues()).hasSize(2);
        assertThat(decodedBind.parameterValues().get(0)).containsExactly(0, 7);
        assertThat(decodedBind.parameterValues().get(1)).isNull();
        assertThat(decodedBind.resultFormats()).containsExactly((short) 0);
    }

    @Test
    void unknownMessageTypeIsFatalAndLaterInputIsDiscarded() {
        feed(startupPacket("erin"));
        List<FrontendMessage> messages = feed(concat("hello world".getBytes(), query("select 1")));

        assertThat(messages).singleElement().isInstanceOfSatisfying(FrontendMessage.ProtocolError.class, error -> {
            assertThat(error.fatal()).isTrue();
            assertThat(error.error().state().code()).isEqualTo("08P01");
            assertThat(error.error().getMessage()).isEqualTo("invalid frontend message type 104");
        });
        assertThat(feed(query("select 2"))).isEmpty();
    }

    @Test
    void lengthBeyondTheLimitIsFatalBeforeTheBodyArrives() {
        feed(startupPacket("frank"));
        byte[] header = ByteBuffer.allocate(5).put((byte) 'Q').putInt(1_000_000).array();

        assertThat(feed(header)).singleElement().isInstanceOfSatisfying(FrontendMessage.ProtocolError.class,
                error -> assertThat(error.error().getMessage()).isEqualTo("invalid message length"));
    }

    @Test
    void oversizedStartupPacketIsFatal() {
        assertThat(feed(ByteBuffer.allocate(8).putInt(100_000).putInt(3 << 16).array())).singleElement()
                .isInstanceOfSatisfying(FrontendMessage.ProtocolError.class,
                        error -> assertThat(error.error().getMessage()).isEqualTo("invalid length of startup packet"));
    }

    @Test
    void malformedBodyIsAnErrorOfItsMessageNotOfTheConnection() {
        feed(startupPacket("gina"));
        List<FrontendMessage> messages = feed(concat(typed('P', "abc".getBytes()),
                typed('D', concat(new byte[] {'X'}, cstrings(""))), sync()));

        assertThat(messages).hasSize(3);
        assertThat(messages.get(0)).isInstanceOfSatisfying(FrontendMessage.ProtocolError.class, error -> {
            assertThat(error.fatal()).isFalse();
            assertThat(error.extendedQuery()).isTrue();
            assertThat(error.error().getMessage()).isEqualTo("invalid string in message");
        });
        assertThat(messages.get(1)).isInstanceOfSatisfying(FrontendMessage.ProtocolError.class,
                error -> assertThat(error.error().getMessage()).isEqualTo("invalid DESCRIBE message subtype 88"));
        assertThat(messages.get(2)).isEqualTo(new FrontendMessage.Sync());
    }
}

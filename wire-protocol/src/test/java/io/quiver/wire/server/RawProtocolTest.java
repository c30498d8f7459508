package io.quiver.wire.server;

import static io.quiver.wire.testing.RawPgClient.concat;
import static io.quiver.wire.testing.RawPgClient.cstrings;
import static io.quiver.wire.testing.RawPgClient.query;
import static io.quiver.wire.testing.RawPgClient.sync;
import static io.quiver.wire.testing.RawPgClient.typed;
import static io.quiver.wire.testing.RawPgClient.types;
import static io.quiver.wire.testing.RawPgClient.untyped;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.wire.PgServer;
import io.quiver.wire.PgServerConfig;
import io.quiver.wire.protocol.ProtocolCodes;
import io.quiver.wire.testing.CannedQueryEngine;
import io.quiver.wire.testing.RawPgClient;
import io.quiver.wire.testing.RawPgClient.Message;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What drivers never send: checked byte for byte against what PostgreSQL 15 answers. */
@Timeout(30)
class RawProtocolTest {
    private static final int MAX_MESSAGE_SIZE = 64 * 1024;
    private static PgServer server;
    private static InetSocketAddress address;

    @BeforeAll
    static void startServer() {
        server = new PgServer(new PgServerConfig("127.0.0.1", 0, MAX_MESSAGE_SIZE, 2), new CannedQueryEngine());
        address = server.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static byte[] parse(String name, String sql, int... oids) {
        ByteBuffer types = ByteBuffer.allocate(2 + 4 * oids.length).putShort((short) oids.length);
        for (int oid : oids) {
            types.putInt(oid);
        }
        return typed('P', concat(cstrings(name, sql), types.array()));
    }

    /** A Bind of one parameter in the given format, all results in {@code resultFormat}. */
    private static byte[] bind(String portal, String statement, short format, byte[] value, short resultFormat) {
        ByteBuffer rest = ByteBuffer.allocate(2 + 2 + 2 + 4 + value.length + 2 + 2)
                .putShort((short) 1).putShort(format)
                .putShort((short) 1).putInt(value.length).put(value)
                .putShort((short) 1).putShort(resultFormat);
        return typed('B', concat(cstrings(portal, statement), rest.array()));
    }

    private static byte[] execute(String portal, int maxRows) {
        return typed('E', concat(cstrings(portal), ByteBuffer.allocate(4).putInt(maxRows).array()));
    }

    private static byte[] describe(char target, String name) {
        return typed('D', concat(new byte[] {(byte) target}, cstrings(name)));
    }

    @Test
    void sslRequestIsRefusedWithNAndStartupProceeds() throws IOException {
        try (RawPgClient client = new RawPgClient(address)) {
            client.sendRaw(untyped(ProtocolCodes.SSL_REQUEST, new byte[0]));
            assertThat(client.readByte()).isEqualTo('N');
            client.sendRaw(untyped(ProtocolCodes.GSSENC_REQUEST, new byte[0]));
            assertThat(client.readByte()).isEqualTo('N');

            List<Message> startup = client.startup();

            assertThat(types(startup)).startsWith("RS").endsWith("KZ");
            assertThat(startup.get(0).body()).containsExactly(0, 0, 0, 0);
            assertThat(startup.stream().filter(m -> m.type() == 'S').map(Message::bodyText))
                    .contains("server_version\u000015.0 (Quiver)\u0000", "session_authorization\u0000tester\u0000",
                            "application_name\u0000\u0000", "is_superuser\u0000on\u0000");
            assertThat(startup.getLast().bodyText()).isEqualTo("I");
        }
    }

    @Test
    void garbageAfterStartupIsFatal() throws IOException {
        try (RawPgClient client = new RawPgClient(address)) {
            client.startup();
            client.sendRaw("hello world".getBytes());

            Message error = client.read();
            assertThat(error.type()).isEqualTo('E');
            assertThat(error.fields()).containsEntry('S', "FATAL").containsEntry('V', "FATAL")
                    .containsEntry('C', "08P01").containsEntry('M', "invalid frontend message type 104");
            assertThat(client.serverClosed()).isTrue();
        }
    }

    @Test
    void oversizedLengthPrefixIsFatal() throws IOException {
        try (RawPgClient client = new RawPgClient(address)) {
            client.startup();
            client.sendRaw(ByteBuffer.allocate(5).put((byte) 'Q').putInt(MAX_MESSAGE_SIZE + 1).array());

            Message error = client.read();
            assertThat(error.fields()).containsEntry('S', "FATAL").containsEntry('C', "08P01")
                    .containsEntry('M', "invalid message length");
            assertThat(client.serverClosed()).isTrue();
        }
    }

    @Test
    void unsupportedProtocolVersionIsFatal() throws IOException {
        try (RawPgClient client = new RawPgClient(address)) {
            client.sendRaw(untyped(2 << 16, cstrings("user", "x", "")));

            assertThat(client.read().fields()).containsEntry('C', "0A000")
                    .containsEntry('M', "unsupported frontend protocol 2.0: server supports 3.0 to 3.0");
            assertThat(client.serverClosed()).isTrue();
        }
    }

    @Test
    void emptyQueryAnswersEmptyQueryResponse() throws IOException {
        try (RawPgClient client = new RawPgClient(address)) {
            client.startup();
            client.sendRaw(query(" ; "));
            assertThat(types(client.readUntilReady())).isEqualTo("IZ");
        }
    }

    @Test
    void simpleQueryStopsAtTheFirstError() throws IOException {
        try (RawPgClient client = new RawPgClient(address)) {
            client.startup();
            client.sendRaw(query("select i from ints; select 1/0; select i from ints"));

            List<Message> messages = client.readUntilReady();
            assertThat(types(messages)).isEqualTo("TDDDDDDDDDDCEZ");
            assertThat(messages.get(12).fields()).containsEntry('S', "ERROR").containsEntry('C', "22012")
                    .containsEntry('M', "division by zero");
        }
    }

    @Test
    void errorResponseCarriesThePosition() throws IOException {
        try (RawPgClient client = new RawPgClient(address)) {
            client.startup();
            client.sendRaw(query("selec 1"));

            assertThat(client.readUntilReady().get(0).fields()).containsEntry('C', "42601").containsEntry('P', "1");
        }
    }

    @Test
    void extendedErrorSkipsToSyncAndTheSessionSurvives() throws IOException {
        try (RawPgClient client = new RawPgClient(address)) {
            client.startup();
            client.sendRaw(concat(bind("", "nope", (short) 0, new byte[0], (short) 0), execute("", 0),
                    query("select i from ints"), sync(), query("select i from ints")));

            List<Message> afterError = client.readUntilReady();
            assertThat(types(afterError)).isEqualTo("EZ");
            assertThat(afterError.get(0).fields()).containsEntry('C', "26000")
                    .containsEntry('M', "prepared statement \"nope\" does not exist");
            assertThat(types(client.readUntilReady())).isEqualTo("TDDDDDDDDDDCZ");
        }
    }

    @Test
    void malformedMessageIsAnErrorNotTheEndOfTheSession() throws IOException {
        try (RawPgClient client = new RawPgClient(address)) {
            client.startup();
            client.sendRaw(concat(typed('P', "abc".getBytes()), sync(), query("select i from ints")));

            List<Message> afterError = client.readUntilReady();
            assertThat(afterError.get(0).fields()).containsEntry('C', "08P01")
                    .containsEntry('M', "invalid string in message");
            assertThat(types(client.readUntilReady())).startsWith("T").endsWith("CZ");
        }
    }

    @Test
    void executeWithRowLimitSuspendsAndResumes() throws IOException {
        try (RawPgClient client = new RawPgClient(address)) {
            client.startup();
            byte[] bindAll = typed('B', concat(cstrings("p", "s"), new byte[] {0, 0, 0, 0, 0, 1, 0, 1}));
            client.sendRaw(concat(parse("s", "select i from ints"), describe('S', "s"), bindAll, describe('P', "p"),
                    execute("p", 4), execute("p", 4), execute("p", 4), sync()));

            List<Message> messages = client.readUntilReady();
            assertThat(types(messages)).isEqualTo("1tT2T" + "DDDDs" + "DDDDs" + "DDC" + "Z");
            assertThat(messages.get(5).body()).containsExactly(0, 1, 0, 0, 0, 4, 0, 0, 0, 1);
            assertThat(messages.get(17).bodyText()).isEqualTo("SELECT 10\u0000");
        }
    }

    @Test
    void badParametersFailWithPostgresCodes() throws IOException {
        try (RawPgClient client = new RawPgClient(address)) {
            client.startup();
            client.sendRaw(concat(parse("", "select $1::int4", 23), bind("", "", (short) 0, "abc".getBytes(), (short) 0),
                    sync()));
            List<Message> text = client.readUntilReady();
            assertThat(types(text)).isEqualTo("1EZ");
            assertThat(text.get(1).fields()).containsEntry('C', "22P02")
                    .containsEntry('M', "invalid input syntax for type integer: \"abc\"");

            client.sendRaw(concat(parse("", "select $1::int4", 23), bind("", "", (short) 1, new byte[] {0, 0, 0, 0, 1},
                    (short) 0), sync()));
            assertThat(client.readUntilReady().get(1).fields()).containsEntry('C', "22P03")
                    .containsEntry('M', "incorrect binary data format in bind parameter 1");
        }
    }

    @Test
    void duplicateNamedStatementIsRejectedButTheFirstStays() throws IOException {
        try (RawPgClient client = new RawPgClient(address)) {
            client.startup();
            client.sendRaw(concat(parse("a", "select i from ints"), parse("a", "select i from ints"), sync()));
            List<Message> messages = client.readUntilReady();
            assertThat(types(messages)).isEqualTo("1EZ");
            assertThat(messages.get(1).fields()).containsEntry('M', "prepared statement \"a\" already exists");

            client.sendRaw(concat(typed('C', concat(new byte[] {'S'}, cstrings("a"))), describe('S', "a"), sync()));
            List<Message> afterClose = client.readUntilReady();
            assertThat(types(afterClose)).isEqualTo("3EZ");
            assertThat(afterClose.get(1).fields()).containsEntry('C', "26000");
        }
    }

    @Test
    void terminateClosesTheConnection() throws IOException {
        try (RawPgClient client = new RawPgClient(address)) {
            client.startup();
            client.sendRaw(typed('X', new byte[0]));
            assertThat(client.serverClosed()).isTrue();
        }
    }

    @Test
    void startupWithoutUserIsFatal() throws IOException {
        try (RawPgClient client = new RawPgClient(address)) {
            client.sendRaw(untyped(3 << 16, cstrings("database", "x", "")));
            Map<Character, String> fields = client.read().fields();
            assertThat(fields).containsEntry('S', "FATAL").containsEntry('C', "28000")
                    .containsEntry('M', "no PostgreSQL user name specified in startup packet");
            assertThat(client.serverClosed()).isTrue();
        }
    }
}

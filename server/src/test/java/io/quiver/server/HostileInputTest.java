package io.quiver.server;

import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random and malformed input over raw sockets and pgjdbc: every case must get an ErrorResponse (never an
 * internal error, XX000) or a closed connection for that client only, within a few seconds; the server stays up
 * and another client's committed rows stay intact. Seeded, so a failure replays; {@code -Dquiver.fuzz.cases=N}
 * runs N SQL strings and 4N raw connections (of one to four frames each) instead of CI's 250 and 1,000.
 */
class HostileInputTest {
    private static final int CASES = Integer.getInteger("quiver.fuzz.cases", 250);
    private static final int RAW_CASES = 4 * CASES;
    private static final long SEED = Long.getLong("quiver.fuzz.seed", 20261123L);
    private static final String KNOWN_TYPES = "QPBDESHCXdcfF";
    private static RunningServer server;
    private static Connection keeper;

    @BeforeAll
    static void start() throws SQLException {
        server = RunningServer.start();
        keeper = server.connect();
        execute(keeper, "CREATE TABLE kept (id int PRIMARY KEY, v vector(3), note text)");
        execute(keeper, "INSERT INTO kept SELECT g, '[1,2,3]'::vector, 'row ' || g FROM generate_series(1, 100) g");
    }

    @AfterAll
    static void stop() throws SQLException {
        keeper.close();
        server.close();
    }

    @Test
    void rawProtocolGarbageGetsAnErrorOrAClosedConnection() throws Exception {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < RAW_CASES; i++) {
            byte[] input = hostileStream(random);
            String outcome = send(input);
            if (outcome != null) {
                failures.add("case " + i + ": " + outcome);
            }
        }
        assertThat(failures).isEmpty();
        assertKeptDataIntact();
    }

    @Test
    void hostileSqlGetsAnSqlstateAndTheConnectionStaysUsable() throws SQLException {
        Random random = new Random(SEED + 1);
        List<String> internalErrors = new ArrayList<>();
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            for (int i = 0; i < CASES; i++) {
                String sql = hostileSql(random);
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    if (e.getSQLState() == null || e.getSQLState().startsWith("XX") || e.getSQLState().startsWith("08")) {
                        internalErrors.add(sql.substring(0, Math.min(sql.length(), 200)) + " -> " + e.getSQLState()
                                + " " + e.getMessage());
                    }
                }
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
            }
            assertThat(queryStrings(c, "SELECT 1")).containsExactly("1");
        }
        assertThat(internalErrors).isEmpty();
        assertKeptDataIntact();
    }

    private static void assertKeptDataIntact() throws SQLException {
        assertThat(queryStrings(keeper, "SELECT count(*) || ' ' || sum(id) || ' ' || min(note) FROM kept"))
                .containsExactly("100 5050 row 1");
    }

    /** Sends the bytes on a fresh connection; null if the server answered properly, else what went wrong. */
    private static String send(byte[] input) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            try {
                socket.getOutputStream().write(input);
                socket.getOutputStream().flush();
                socket.shutdownOutput();
            } catch (SocketException closedEarly) {
                return null; // the server already refused and closed: a closed connection is an answer
            }
            DataInputStream in = new DataInputStream(socket.getInputStream());
            try {
                while (true) {
                    int type = in.read();
                    if (type < 0) {
                        return null;
                    }
                    if (type == 'N' || type == 'G') {
                        continue; // SSLRequest/GSSENCRequest answer: a single byte
                    }
                    int length = in.readInt();
                    byte[] body = new byte[Math.max(0, length - 4)];
                    in.readFully(body);
                    String text = new String(body, StandardCharsets.UTF_8);
                    if (type == 'E' && text.contains("CXX")) {
                        return "internal error: " + text.replace('\0', '|');
                    }
                }
            } catch (SocketTimeoutException e) {
                return "no answer within 5 s to " + describe(input);
            } catch (EOFException | SocketException e) {
                return null;
            }
        }
    }

    private static String describe(byte[] input) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(input.length, 64); i++) {
            hex.append(String.format("%02x", input[i]));
        }
        return input.length + " bytes " + hex;
    }

    /** A startup (valid or not) followed by a few frames of which some are broken. */
    private static byte[] hostileStream(Random random) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        switch (random.nextInt(6)) {
            case 0 -> out.write(randomBytes(random, random.nextInt(64)));
            case 1 -> {
                out.writeInt(random.nextInt(3) == 0 ? random.nextInt() : 8 + random.nextInt(40));
                out.writeInt(random.nextBoolean() ? 196_608 : random.nextInt());
                out.write(randomBytes(random, random.nextInt(40)));
            }
            case 2 -> {
                out.writeInt(16);
                out.writeInt(80_877_103 + random.nextInt(3)); // SSLRequest, GSSENCRequest, cancel-ish
                out.writeLong(random.nextLong());
            }
            default -> RawProtocol.startup(out);
        }
        int frames = 1 + random.nextInt(4);
        for (int f = 0; f < frames; f++) {
            out.write(hostileFrame(random));
        }
        if (random.nextInt(4) == 0) {
            byte[] all = bytes.toByteArray();
            return Arrays.copyOf(all, random.nextInt(all.length + 1)); // truncated anywhere
        }
        return bytes.toByteArray();
    }

    private static byte[] hostileFrame(Random random) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        char type = random.nextInt(8) == 0 ? (char) random.nextInt(256)
                : KNOWN_TYPES.charAt(random.nextInt(KNOWN_TYPES.length()));
        byte[] body = switch (random.nextInt(5)) {
            case 0 -> randomBytes(random, random.nextInt(100));
            case 1 -> RawProtocol.cstring(hostileSql(random));
            case 2 -> invalidUtf8(random);
            case 3 -> {
                ByteArrayOutputStream parse = new ByteArrayOutputStream();
                parse.write(RawProtocol.cstring(random.nextBoolean() ? "" : "s" + random.nextInt(3)));
                parse.write(RawProtocol.cstring("SELECT $1::vector"));
                parse.write(new byte[] {0, (byte) random.nextInt(3), 0, 0, 0x17, (byte) 0x1f});
                yield parse.toByteArray();
            }
            default -> new byte[] {(byte) random.nextInt(256), 0, 0, (byte) 0xff, (byte) 0xff, 0x7f};
        };
        int length = switch (random.nextInt(6)) {
            case 0 -> random.nextInt();
            case 1 -> random.nextInt(4);
            case 2 -> body.length + 4 + random.nextInt(16) - 8;
            default -> body.length + 4;
        };
        out.writeByte(type);
        out.writeInt(length);
        out.write(body);
        return bytes.toByteArray();
    }

    private static String hostileSql(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> "SELECT '" + AbsurdVectors.soup(random::nextInt) + "'::vector";
            case 1 -> "SELECT " + AbsurdVectors.longCast(random::nextInt).sql();
            case 2 -> "SELECT " + "9".repeat(1 + random.nextInt(400)) + " + " + random.nextInt() + "::int";
            case 3 -> "SELECT '" + randomText(random, 40) + "'::vector <-> '[1,2,3]'";
            case 4 -> "INSERT INTO kept VALUES (" + random.nextLong() + ", '" + AbsurdVectors.soup(random::nextInt)
                    + "', 'x')";
            case 5 -> "SELECT " + (random.nextBoolean() ? "1e" : "-1e") + random.nextInt(1000) + "::float4";
            case 6 -> tokenSoup(random);
            case 7 -> "SELECT * FROM kept ORDER BY v <-> '" + AbsurdVectors.soup(random::nextInt) + "' LIMIT "
                    + random.nextInt();
            default -> randomText(random, random.nextInt(200));
        };
    }

    private static String tokenSoup(Random random) {
        String[] tokens = {"SELECT", "FROM", "kept", "WHERE", "(", ")", "'", "$1", "::", "vector", "<->", "<#>", "<=>",
            "ORDER", "BY", "LIMIT", "-", "*", ",", "NULL", "::int", "1e308", "E'\\\\x'", "$$", "COPY", "CREATE", "INDEX",
            "USING", "hnsw", "WITH", "=", "9223372036854775808", ";", "--", "/*", "U&'\\0000'"};
        StringBuilder sql = new StringBuilder();
        int count = 1 + random.nextInt(15);
        for (int i = 0; i < count; i++) {
            sql.append(tokens[random.nextInt(tokens.length)]).append(' ');
        }
        return sql.toString();
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int codePoint = random.nextInt(4) == 0 ? random.nextInt(0x2FFFF) : 32 + random.nextInt(95);
            if (codePoint == 0 || codePoint == '\'' || Character.isSurrogate((char) codePoint)) {
                codePoint = 'x';
            }
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    private static byte[] invalidUtf8(Random random) {
        byte[] text = randomBytes(random, 1 + random.nextInt(30));
        for (int i = 0; i < text.length; i++) {
            if (text[i] == 0) {
                text[i] = (byte) 0xC3;
            }
        }
        byte[] terminated = Arrays.copyOf(text, text.length + 1);
        terminated[random.nextInt(text.length)] = (byte) 0xFF; // never valid in UTF-8
        return terminated;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}

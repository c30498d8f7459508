package io.quiver.server;

import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.quiver.common.error.QuiverException;
import io.quiver.common.type.PgType;
import io.quiver.common.vector.VectorText;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.Socket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Property-based hostile input (QuickTheories) against one server, over pgjdbc and a raw socket: vector
 * literals broken in a known way fail with the SQLSTATE pgvector gives them wherever they are used, absurd
 * literals and declared dimensions get vector_typmod_in's and vector_in's verdict (never an internal error),
 * binary vectors broken in a known way fail as vector_recv does on a connection that goes on, and random valid
 * vectors read back as pgvector prints them. After each property the kept
 * rows are intact and a new connection works. Each property runs 200 cases ({@code -Dquiver.property.tries=N}),
 * seeded ({@code -Dquiver.property.seed=S}); a failure reports its seed and the smallest failing case found.
 */
class VectorLiteralPropertyTest {
    private static final int TRIES = Integer.getInteger("quiver.property.tries", 200);
    private static final long SEED = Long.getLong("quiver.property.seed", 20261207L);
    private static RunningServer server;
    private static Connection keeper;
    private final AtomicInteger cases = new AtomicInteger();
    private Connection client;

    @BeforeAll
    static void start() throws SQLException {
        server = RunningServer.start();
        keeper = server.connect();
        execute(keeper, "CREATE TABLE kept (id int PRIMARY KEY, v vector(3), note text)");
        execute(keeper, "INSERT INTO kept SELECT g, '[1,2,3]', 'row ' || g FROM generate_series(1, 100) g");
        execute(keeper, "CREATE TABLE scratch (v vector)");
        execute(keeper, "CREATE TABLE roundtrip (id int PRIMARY KEY, v vector)");
    }

    @AfterAll
    static void stop() throws SQLException {
        keeper.close();
        server.close();
    }

    @BeforeEach
    void connect() throws SQLException {
        client = server.connect();
    }

    @AfterEach
    void othersAreUnharmed(TestInfo test) throws SQLException {
        client.close();
        System.out.printf("%s: %d distinct cases of %d tries, seed %d%n", test.getDisplayName(), cases.get(), TRIES,
                SEED);
        // QuickTheories skips a case it already ran: a generator that collapsed to a few values would test little.
        assertThat(cases.get()).isGreaterThanOrEqualTo(TRIES / 2);
        assertThat(queryStrings(keeper, "SELECT count(*) || ' ' || sum(id) || ' ' || min(note) || ' ' || min(v::text) "
                + "FROM kept")).containsExactly("100 5050 row 1 [1,2,3]");
        try (Connection fresh = server.connect()) {
            assertThat(queryStrings(fresh, "SELECT vector_dims('[1,2]'::vector)")).containsExactly("2");
        }
    }

    @Test
    void brokenLiteralsFailWithPgvectorsSqlstateWhereverTheyAreUsed() throws SQLException {
        Gen<LiteralUse> uses = Generate.enumValues(LiteralUse.class);
        cases().forAll(MalformedVectors.literals(), uses).checkAssert((literal, use) -> {
            cases.incrementAndGet();
            assertThat(use.run(client, literal)).isEqualTo(Outcome.failure(literal.flaw().sqlState));
        });
        assertThat(queryStrings(keeper, "SELECT count(*) FROM scratch")).containsExactly("0");
    }

    @Test
    void absurdCastsGetVectorInsVerdict() {
        cases().forAll(AbsurdVectors.casts()).checkAssert(cast -> {
            cases.incrementAndGet();
            assertThat(Outcome.of(client, "SELECT " + cast.sql())).isEqualTo(expectedCast(cast));
        });
    }

    @Test
    void declaredDimensionsOutsideOneTo16000AreRefused() {
        Gen<String> declarations = Generate.frequency(
                Pair.of(2, Generate.range(1, 16_000).map(i -> Integer.toString(i))),
                Pair.of(1, Generate.range(Integer.MIN_VALUE, 0).map(i -> Integer.toString(i))),
                Pair.of(1, Generate.range(16_001, Integer.MAX_VALUE).map(i -> Integer.toString(i))),
                Pair.of(1, Generate.longRange(1L << 31, Long.MAX_VALUE).map(l -> Long.toString(l))),
                Pair.of(1, Generate.pick(List.of("1.5", "-0.5", "1e3"))));
        cases().forAll(declarations).checkAssert(declared -> {
            cases.incrementAndGet();
            Outcome created = Outcome.of(client, "CREATE TABLE dims (v vector(" + declared + "))");
            assertThat(created).as(declared).isEqualTo(expectedModifier(declared, true));
            if (created.sqlState() == null) {
                assertThat(Outcome.of(client, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                        + "WHERE attrelid = 'dims'::regclass AND attname = 'v'"))
                        .isEqualTo(Outcome.success("vector(" + declared + ")"));
                assertThat(Outcome.of(client, "DROP TABLE dims")).isEqualTo(Outcome.success(null));
            }
        });
    }

    @Test
    void brokenBinaryVectorsFailAsVectorRecvDoesAndTheConnectionGoesOn() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            // Buffered: a message a write at a time would wait on delayed ACKs.
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            RawProtocol.startup(out);
            RawProtocol.readUntilReady(in);
            cases().forAll(MalformedVectors.binaries()).checkAssert(binary -> {
                cases.incrementAndGet();
                assertThat(bindAsVector(out, in, binary.bytes())).isEqualTo(
                        binary.flaw() == MalformedVectors.BinaryFlaw.NONE
                                ? Outcome.success(VectorText.format(binary.elements()))
                                : Outcome.failure(binary.flaw().sqlState));
            });
        }
    }

    @Test
    void validVectorsReadBackAsPgvectorPrintsThem() {
        AtomicInteger ids = new AtomicInteger();
        Gen<String> spaces = Generate.pick(List.of("", " ", "\t", "\n  "));
        cases().forAll(FiniteVectors.upTo(64), spaces).checkAssert((v, space) -> {
            cases.incrementAndGet();
            int id = ids.incrementAndGet();
            StringJoiner literal = new StringJoiner(space + "," + space, "[" + space, space + "]");
            for (float x : v) {
                literal.add(Float.toString(x)); // Java's shortest digits, in its own layout (1.0E-5)
            }
            assertThat(Outcome.of(client, "INSERT INTO roundtrip VALUES (" + id + ", '" + literal + "')"))
                    .isEqualTo(Outcome.success(null));
            assertThat(Outcome.of(client, "SELECT v FROM roundtrip WHERE id = " + id))
                    .isEqualTo(Outcome.success(VectorText.format(v)));
        });
    }

    private static QuickTheory cases() {
        return qt().withFixedSeed(SEED).withExamples(TRIES).withShrinkCycles(10 * TRIES);
    }

    /** What the cast must give: the verdict of the type modifier, then of vector_in (Quiver's own, in common). */
    private static Outcome expectedCast(AbsurdVectors.Cast cast) {
        Outcome modifier = expectedModifier(Integer.toString(cast.declared()), false);
        if (modifier.sqlState() != null) {
            return modifier;
        }
        try {
            return Outcome.success(VectorText.format(VectorText.parse(cast.literal(), cast.declared())));
        } catch (QuiverException e) {
            return Outcome.failure(e.state().code());
        }
    }

    /**
     * What {@code vector(<declared>)} must give: vector_typmod_in's range check of an int (22023). PostgreSQL
     * reads any constant there (22003 beyond an int, 22P02 for a fraction); Quiver's grammar takes only an int,
     * in an expression only an unsigned one, and reports anything else as a syntax error.
     */
    private static Outcome expectedModifier(String declared, boolean signed) {
        if (!declared.matches(signed ? "-?[0-9]+" : "[0-9]+")
                || new BigInteger(declared).bitLength() >= Integer.SIZE) {
            return Outcome.failure("42601");
        }
        int value = Integer.parseInt(declared);
        return value < 1 || value > VectorText.MAX_DIMENSIONS ? Outcome.failure("22023") : Outcome.success(null);
    }

    /** {@code SELECT $1} with the bytes bound as a binary vector, then a query to check the connection goes on. */
    private static Outcome bindAsVector(DataOutputStream out, DataInputStream in, byte[] value) {
        try {
            RawProtocol.executeWithBinaryParameter(out, "SELECT $1", PgType.VECTOR.oid(), value);
            Outcome outcome = RawProtocol.readOutcome(in);
            RawProtocol.query(out, "SELECT 1");
            assertThat(RawProtocol.readOutcome(in)).isEqualTo(Outcome.success("1"));
            return outcome;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a literal is written: each reads it with vector_in, as PostgreSQL does. */
    private enum LiteralUse {
        CAST("SELECT (%s)::vector"),
        INSERT_VALUES("INSERT INTO scratch VALUES (%s)"),
        INSERT_SELECT("INSERT INTO scratch SELECT %s"),
        // Over a kept row: an empty table would not read the literal at all (PostgreSQL reads it when planning).
        UPDATE("UPDATE kept SET v = %s WHERE id = 1"),
        DISTANCE("SELECT id FROM kept ORDER BY v <-> %s LIMIT 1"),
        PARAMETER(null) {
            @Override
            Outcome run(Connection connection, MalformedVectors.Literal literal) {
                try (PreparedStatement statement = connection.prepareStatement("SELECT ?::" + literal.type())) {
                    statement.setString(1, literal.text());
                    try (ResultSet rs = statement.executeQuery()) {
                        return Outcome.first(rs);
                    }
                } catch (SQLException e) {
                    return Outcome.failure(e.getSQLState());
                }
            }
        };

        private final String template;

        LiteralUse(String template) {
            this.template = template;
        }

        Outcome run(Connection connection, MalformedVectors.Literal literal) {
            return Outcome.of(connection, template.formatted(literal.expression()));
        }
    }
}

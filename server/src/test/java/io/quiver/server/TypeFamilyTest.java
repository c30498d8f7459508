package io.quiver.server;

import static io.quiver.server.SqlAssertions.assertFails;
import static io.quiver.server.SqlAssertions.assertUsable;
import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.PGConnection;
import org.postgresql.util.PGBinaryObject;
import org.postgresql.util.PGobject;

/**
 * pgvector's halfvec and sparsevec and PostgreSQL's bit strings end to end: literals, casts, operators and
 * functions, errors, storage, pgjdbc text and binary transfer, COPY and psql. Expected values are what
 * PostgreSQL 15 + pgvector 0.8.6 return for the same statements.
 */
class TypeFamilyTest {
    private static final int HALFVEC_OID = 16387;
    private static final int SPARSEVEC_OID = 16389;
    private static final int VARBIT_OID = 1562;

    private static RunningServer server;
    /** One connection for the many one-statement cases, which also shows it stays usable after each error. */
    private static Connection shared;

    @BeforeAll
    static void start() throws SQLException {
        server = RunningServer.start();
        shared = server.connect();
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE family_t (id int PRIMARY KEY, h halfvec(3), s sparsevec(5), b bit(4), "
                    + "vb bit varying(8))");
            execute(c, "INSERT INTO family_t VALUES (1, '[1.1,2,3]', '{1:1.5,3:2}/5', B'1010', '101')");
        }
    }

    @AfterAll
    static void stop() throws SQLException {
        shared.close();
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT '[1.1, 2.2, 3.3e-5, 65504, 0.1]'::halfvec|[1.0996094,2.1992188,3.3020973e-05,65504,0.099975586]",
        "SELECT '[1e-8]'::halfvec|[0]",
        "SELECT '[1,2,3]'::vector::halfvec(3)|[1,2,3]",
        "SELECT '[1.1,2,3]'::halfvec::vector|[1.0996094,2,3]",
        "SELECT ARRAY[1,2,3]::halfvec|[1,2,3]",
        "SELECT ARRAY[1.5,2,3]::real[]::halfvec|[1.5,2,3]",
        "SELECT ARRAY[1,2]::float8[]::halfvec(2)|[1,2]",
        "SELECT '[1,2]'::halfvec::real[]|{1,2}",
        "SELECT pg_typeof('[1,2]'::halfvec)|halfvec",
        "SELECT '[1,2,3]'::halfvec <-> '[3,2,1]'|2.8284271247461903",
        "SELECT '[1,2,3]'::halfvec <#> '[3,2,1]'|-10",
        "SELECT '[1,2,3]'::halfvec <=> '[3,2,1]'|0.2857142857142857",
        "SELECT '[1,2,3]'::halfvec <+> '[3,2,1]'|4",
        "SELECT inner_product('[1,2,3]'::halfvec, '[3,2,1]')|10",
        "SELECT l2_distance('[1,2,3]'::halfvec, '[3,2,1]')|2.8284271247461903",
        "SELECT cosine_distance('[1,2,3]'::halfvec, '[3,2,1]')|0.2857142857142857",
        "SELECT l1_distance('[1,2,3]'::halfvec, '[3,2,1]')|4",
        "SELECT vector_dims('[1,2,3]'::halfvec)|3",
        "SELECT l2_norm('[1,2,3]'::halfvec)|3.7416573867739413",
        "SELECT l2_normalize('[1,2,3]'::halfvec)|[0.26733398,0.53466797,0.8017578]",
        "SELECT binary_quantize('[1,-2,3]'::halfvec)|101",
        "SELECT subvector('[1,2,3]'::halfvec, 2, 2)|[2,3]",
        "SELECT '[1,2,3]'::halfvec + '[1,2,3]'|[2,4,6]",
        "SELECT '[1,2,3]'::halfvec - '[1,2,3]'|[0,0,0]",
        "SELECT '[1.1,2,3]'::halfvec * '[3,2,1]'|[3.2988281,4,3]",
        "SELECT '{3:2,1:1.5}/5'::sparsevec|{1:1.5,3:2}/5",
        "SELECT '{1:0,2:1}/3'::sparsevec|{2:1}/3",
        "SELECT '{}/3'::sparsevec|{}/3",
        "SELECT '{1:1}/3'::sparsevec(3)|{1:1}/3",
        "SELECT '{1:1,2:2}/3'::sparsevec <-> '{3:1}/3'|2.449489742783178",
        "SELECT '{1:1,2:2}/3'::sparsevec <#> '{2:3}/3'|-6",
        "SELECT '{1:1,2:2}/3'::sparsevec <=> '{2:3}/3'|0.10557280900008414",
        "SELECT '{1:1,2:2}/3'::sparsevec <+> '{3:1}/3'|4",
        "SELECT l2_distance('{1:0.1,3:0.7,7:1.25}/8'::sparsevec, '{2:0.3,3:0.2,8:2}/8')|2.431563263547253",
        "SELECT inner_product('{1:1,2:2}/3'::sparsevec, '{2:3}/3')|6",
        "SELECT cosine_distance('{1:0.1,3:0.7,7:1.25}/8'::sparsevec, '{2:0.3,3:0.7,7:2}/8')|0.027159873103423826",
        "SELECT l1_distance('{1:0.1,3:0.7,7:1.25}/8'::sparsevec, '{2:0.3,3:0.2,8:2}/8')|4.150000095367432",
        "SELECT l2_norm('{1:3,2:4}/3'::sparsevec)|5",
        "SELECT l2_normalize('{1:3,2:4}/3'::sparsevec)|{1:0.6,2:0.8}/3",
        "SELECT '{1:1,3:2}/3'::sparsevec::vector|[1,0,2]",
        "SELECT '[1,0,2]'::vector::sparsevec|{1:1,3:2}/3",
        "SELECT '[1,0,2]'::halfvec::sparsevec(3)|{1:1,3:2}/3",
        "SELECT '{1:1.1}/2'::sparsevec::halfvec|[1.0996094,0]",
        "SELECT B'1010'|1010",
        "SELECT '1010'::bit(4)|1010",
        "SELECT '101'::bit(4)|1010",
        "SELECT B'101010'::bit(3)|101",
        "SELECT '101'::bit|1",
        "SELECT '1010'::varbit(2)|10",
        "SELECT '101'::bit varying(5)|101",
        "SELECT pg_typeof('1'::varbit)|bit varying",
        "SELECT B'1010' <~> B'0110'|2",
        "SELECT B'1010' <%> B'0110'|0.6666666666666667",
        "SELECT hamming_distance(B'110011001', B'101010101')|4",
        "SELECT jaccard_distance(B'110011001', B'101010101')|0.5714285714285714",
        "SELECT B'0000' <%> B'0000'|1",
        "SELECT binary_quantize('[1,-2,0,3]'::vector)|1001",
        "SELECT pg_typeof(binary_quantize('[1,-2,0,3]'::vector))|bit",
        "SELECT binary_quantize('[1,-2,0,3]'::vector)::bit(3)|100",
        "SELECT h <-> '[1,2,3]' FROM family_t|0.099609375",
        "SELECT s <#> '{1:2}/5' FROM family_t|-3",
        "SELECT b <~> B'0110' FROM family_t|2",
        "SELECT vb::text FROM family_t|101",
        "SELECT '[1,2,3]'::halfvec = '[1,2,3]'|t",
        "SELECT '[1,2]'::halfvec < '[1,2,3]'|t",
        "SELECT '[1,3]'::vector > '[1,2,5]'|t",
        "SELECT '[-0]'::vector = '[0]'|t",
        "SELECT '{1:1}/3'::sparsevec < '{2:1}/3'|f",
        "SELECT '{1:1}/3'::sparsevec < '{1:1}/4'|t",
        "SELECT '{1:1,2:-1}/3'::sparsevec < '{1:1}/2'|t",
        "SELECT '{3:-1}/3'::sparsevec < '{}/2'|f",
        "SELECT B'101' < B'1010'|t",
        "SELECT B'1010' <> B'1'|t",
        "SELECT count(*) FROM family_t WHERE h = '[1.1,2,3]'|1",
        "SELECT avg(v) FROM (VALUES ('[1.1,2,3]'::halfvec), ('[3,4,5.3]'::halfvec), "
                + "('[0.1,0.1,0.1]'::halfvec)) t(v)|[1.3994141,2.0332031,2.8007812]",
        "SELECT sum(v) FROM (VALUES ('[1.1,2,3]'::halfvec), ('[3,4,5.3]'::halfvec), "
                + "('[0.1,0.1,0.1]'::halfvec)) t(v)|[4.203125,6.1015625,8.3984375]",
        "SELECT pg_typeof(sum(v)) FROM (VALUES ('[1,2]'::halfvec)) t(v)|halfvec",
    })
    void computesAsPgvector(String sql, String expected) throws SQLException {
        assertThat(queryStrings(shared, sql)).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "SELECT '[70000]'::halfvec|22003|\"70000\" is out of range for type halfvec",
        "SELECT '[70000]'::vector::halfvec|22003|\"70000\" is out of range for type halfvec",
        "SELECT '[nan]'::halfvec|22000|NaN not allowed in halfvec",
        "SELECT '[inf]'::halfvec|22000|infinite value not allowed in halfvec",
        "SELECT '[]'::halfvec|22000|halfvec must have at least 1 dimension",
        "SELECT '1,2'::halfvec|22P02|invalid input syntax for type halfvec: \"1,2\"",
        "SELECT '[1,2]'::halfvec(3)|22000|expected 3 dimensions, not 2",
        "SELECT '[1,2]'::halfvec(0)|22023|dimensions for type halfvec must be at least 1",
        "SELECT '[1,2]'::halfvec(16001)|22023|dimensions for type halfvec cannot exceed 16000",
        "SELECT '[1,2]'::halfvec(2,3)|22023|invalid type modifier",
        "SELECT '[60000]'::halfvec + '[60000]'|22003|value out of range: overflow",
        "SELECT '[1,2]'::halfvec <-> '[1,2,3]'|22000|different halfvec dimensions 2 and 3",
        "SELECT vector_norm('[3,4]'::halfvec)|42883|vector_norm",
        "SELECT sum(v) FROM (VALUES ('[60000]'::halfvec), ('[60000]'::halfvec)) t(v)|22003|value out of range",
        "SELECT '{1:1,1:2}/5'::sparsevec|22000|sparsevec indices must not contain duplicates",
        "SELECT '{6:1}/5'::sparsevec|22000|sparsevec index out of bounds",
        "SELECT '{1:1}/0'::sparsevec|22000|sparsevec must have at least 1 dimension",
        "SELECT '{1:1}/1000000001'::sparsevec|54000|sparsevec cannot have more than 1000000000 dimensions",
        "SELECT '{1:1}'::sparsevec|22P02|invalid input syntax for type sparsevec: \"{1:1}\"",
        "SELECT '{1:nan}/3'::sparsevec|22000|NaN not allowed in sparsevec",
        "SELECT '{1:1e39}/3'::sparsevec|22003|\"1e39\" is out of range for type sparsevec",
        "SELECT '{1:1}/3'::sparsevec(4)|22000|expected 4 dimensions, not 3",
        "SELECT '{1:1}/3'::sparsevec(1000000001)|22023|dimensions for type sparsevec cannot exceed 1000000000",
        "SELECT '{1:1}/3'::sparsevec <-> '{1:1}/4'|22000|different sparsevec dimensions 3 and 4",
        "SELECT '{1:1}/3'::sparsevec::real[]|42846|cannot cast type sparsevec to real[]",
        "SELECT '{1:1}/16001'::sparsevec::vector|54000|vector cannot have more than 16000 dimensions",
        "SELECT '10201'::bit(5)|22P02|\"2\" is not a valid binary digit",
        "SELECT '1'::bit(0)|22023|length for type bit must be at least 1",
        "SELECT B'101' <~> B'1010'|22000|different bit lengths 3 and 4",
        "SELECT B'101' <%> B'1010'|22000|different bit lengths 3 and 4",
        "INSERT INTO family_t (id, h) VALUES (9, '[1,2]')|22000|expected 3 dimensions, not 2",
        "INSERT INTO family_t (id, s) VALUES (9, '{1:1}/4')|22000|expected 5 dimensions, not 4",
        "INSERT INTO family_t (id, b) VALUES (9, '101')|22026|bit string length 3 does not match type bit(4)",
        "INSERT INTO family_t (id, b) VALUES (9, B'101')|22026|bit string length 3 does not match type bit(4)",
        "INSERT INTO family_t (id, vb) VALUES (9, '101010101')|22001|bit string too long for type bit varying(8)",
        "CREATE TABLE bad_h (h halfvec(0))|22023|dimensions for type halfvec must be at least 1",
        "CREATE TABLE bad_s (s sparsevec(1000000001))|22023|dimensions for type sparsevec cannot exceed 1000000000",
        "CREATE TABLE bad_b (b bit(0))|22023|length for type bit must be at least 1",
    })
    void rejectsAsPgvector(String sql, String sqlState, String message) throws SQLException {
        assertThat((Throwable) assertFails(shared, sql, sqlState)).hasMessageContaining(message);
        assertUsable(shared);
        assertThat(queryStrings(shared, "SELECT h FROM family_t WHERE id = 1")).containsExactly("[1.0996094,2,3]");
    }

    @Test
    void storesUpdatesAndSurvivesRestart() throws SQLException {
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE family_rows (id int PRIMARY KEY, h halfvec(3), s sparsevec(5), b bit(4))");
            execute(c, "INSERT INTO family_rows VALUES (1, '[1,2,3]'::vector, '[0,0,1,0,2]'::vector, B'1111'), "
                    + "(2, '[3,2,1]', '{5:1}/5', '0000'), (3, NULL, NULL, NULL)");
            execute(c, "UPDATE family_rows SET h = h + '[1,1,1]', s = l2_normalize(s), b = B'0101' WHERE id = 1");
        }
        shared.close();
        server.restart();
        shared = server.connect();
        try (Connection c = server.connect()) {
            assertThat(queryStrings(c, "SELECT h::text || ' ' || s::text || ' ' || b::text FROM family_rows "
                    + "WHERE id = 1")).containsExactly("[2,3,4] {3:0.4472136,5:0.8944272}/5 0101");
            assertThat(queryStrings(c, "SELECT id FROM family_rows WHERE h IS NOT NULL ORDER BY h <-> '[3,2,1]' "
                    + "LIMIT 1")).containsExactly("2");
            assertThat(queryStrings(c, "SELECT id FROM family_rows WHERE s IS NOT NULL ORDER BY s <=> '{5:1}/5' "
                    + "LIMIT 1")).containsExactly("2");
            assertThat(queryStrings(c, "SELECT id FROM family_rows WHERE b IS NOT NULL ORDER BY b <~> B'0111' "
                    + "LIMIT 1")).containsExactly("1");
            // ORDER BY the column itself is pgvector's btree order; NULLs last ascending, first descending.
            assertThat(queryStrings(c, "SELECT id FROM family_rows ORDER BY h")).containsExactly("1", "2", "3");
            assertThat(queryStrings(c, "SELECT id FROM family_rows ORDER BY h DESC")).containsExactly("3", "2", "1");
            assertThat(queryStrings(c, "SELECT id FROM family_rows ORDER BY s")).containsExactly("2", "1", "3");
            assertThat(queryStrings(c, "SELECT id FROM family_rows ORDER BY b, id")).containsExactly("2", "1", "3");
            assertThat(queryStrings(c, "SELECT id FROM family_rows ORDER BY h::vector LIMIT 1 OFFSET 1"))
                    .containsExactly("2");
        }
    }

    @Test
    void textTransferThroughPgjdbc() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("prepareThreshold", "-1");
        try (Connection c = server.connect(properties)) {
            execute(c, "CREATE TABLE family_text (id int, h halfvec(3), s sparsevec(5), b bit(4))");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO family_text VALUES (?, ?, ?, ?)")) {
                insert.setInt(1, 1);
                insert.setObject(2, object("halfvec", "[1.1,2,3]"));
                insert.setObject(3, object("sparsevec", "{2:0.5}/5"));
                insert.setObject(4, object("bit", "1001"));
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT h, s, b, h <-> ? FROM family_text WHERE id = ?")) {
                select.setObject(1, object("halfvec", "[1,2,3]"));
                select.setInt(2, 1);
                try (ResultSet rs = select.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getObject(1)).isInstanceOfSatisfying(PGobject.class, value -> {
                        assertThat(value.getType()).isEqualTo("halfvec");
                        assertThat(value.getValue()).isEqualTo("[1.0996094,2,3]");
                    });
                    assertThat(rs.getObject(2)).isInstanceOfSatisfying(PGobject.class,
                            value -> assertThat(value.getType()).isEqualTo("sparsevec"));
                    assertThat(rs.getString(2)).isEqualTo("{2:0.5}/5");
                    assertThat(rs.getString(3)).isEqualTo("1001");
                    assertThat(rs.getDouble(4)).isEqualTo(0.099609375);
                }
            }
        }
    }

    @Test
    void binaryTransferIsPgvectorsSendAndRecv() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("prepareThreshold", "-1");
        properties.setProperty("binaryTransferEnable", HALFVEC_OID + "," + SPARSEVEC_OID + "," + VARBIT_OID);
        byte[] halfvec = ByteBuffer.allocate(10).putShort((short) 3).putShort((short) 0)
                .putShort((short) 0x3e00).putShort((short) 0xc000).putShort((short) 0x7bff).array();
        byte[] sparsevec = ByteBuffer.allocate(28).putInt(6).putInt(2).putInt(0).putInt(1).putInt(4)
                .putFloat(1.5f).putFloat(-1).array();
        byte[] varbit = ByteBuffer.allocate(6).putInt(10).put((byte) 0b10110000).put((byte) 0b01000000).array();
        try (Connection c = server.connect(properties)) {
            execute(c, "CREATE TABLE family_binary (id int, h halfvec(3), s sparsevec(6), vb varbit)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO family_binary VALUES (?, ?, ?, ?)")) {
                insert.setInt(1, 1);
                insert.setObject(2, new BinaryObject("halfvec", halfvec));
                insert.setObject(3, new BinaryObject("sparsevec", sparsevec));
                insert.setObject(4, new BinaryObject("varbit", varbit));
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            assertThat(queryStrings(c, "SELECT h::text || ' ' || s::text || ' ' || vb::text FROM family_binary"))
                    .containsExactly("[1.5,-2,65504] {2:1.5,5:-1}/6 1011000001");
            try (PreparedStatement select = c.prepareStatement("SELECT h, s, vb FROM family_binary WHERE id = ?")) {
                select.setInt(1, 1);
                try (ResultSet rs = select.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getBytes(1)).containsExactly(halfvec);
                    assertThat(rs.getBytes(2)).containsExactly(sparsevec);
                    assertThat(rs.getBytes(3)).containsExactly(varbit);
                }
            }
        }
    }

    @Test
    void copyInAndOut() throws Exception {
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE family_copy (id int, h halfvec(3), s sparsevec(5), b bit(4), vb varbit)");
            String rows = "1\t[1.1,2,3]\t{1:1.5,3:2}/5\t1010\t1\n2\t\\N\t{}/5\t0110\t\n";
            var copier = c.unwrap(PGConnection.class).getCopyAPI();
            assertThat(copier.copyIn("COPY family_copy FROM STDIN", new StringReader(rows))).isEqualTo(2);
            StringWriter out = new StringWriter();
            copier.copyOut("COPY family_copy TO STDOUT", out);
            assertThat(out.toString()).isEqualTo("1\t[1.0996094,2,3]\t{1:1.5,3:2}/5\t1010\t1\n2\t\\N\t{}/5\t0110\t\n");
            SQLException error = org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class,
                    () -> copier.copyIn("COPY family_copy FROM STDIN", new StringReader("3\t[1,2]\t{}/5\t1010\t1\n")));
            assertThat(error.getSQLState()).isEqualTo("22000");
            assertUsable(c);
        }
    }

    @Test
    void psqlShowsTheTypesAsPostgresDoes() throws Exception {
        String script = """
                CREATE TABLE family (id int PRIMARY KEY, h halfvec(3), s sparsevec(5), b bit(4), vb bit varying(8));
                INSERT INTO family VALUES (1, '[1.1,2,3]', '{1:1.5,3:2}/5', B'1010', '101'),
                  (2, NULL, '{}/5', '0110', B'');
                \\d family
                SELECT * FROM family ORDER BY id;
                SELECT format_type(atttypid, atttypmod), atttypmod FROM pg_attribute
                  WHERE attrelid = 'family'::regclass AND attnum > 1 ORDER BY attnum;
                SELECT column_name, data_type, udt_name FROM information_schema.columns
                  WHERE table_name = 'family' AND column_name <> 'id' ORDER BY ordinal_position;
                """;
        Psql.Result result = Psql.run(server.port(), script);
        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdout()).isEqualTo("""
                CREATE TABLE
                INSERT 0 2
                                  Table "public.family"
                 Column |      Type      | Collation | Nullable | Default\s
                --------+----------------+-----------+----------+---------
                 id     | integer        |           | not null |\s
                 h      | halfvec(3)     |           |          |\s
                 s      | sparsevec(5)   |           |          |\s
                 b      | bit(4)         |           |          |\s
                 vb     | bit varying(8) |           |          |\s
                Indexes:
                    "family_pkey" PRIMARY KEY, btree (id)

                 id |        h        |       s       |  b   | vb \s
                ----+-----------------+---------------+------+-----
                  1 | [1.0996094,2,3] | {1:1.5,3:2}/5 | 1010 | 101
                  2 |                 | {}/5          | 0110 |\s
                (2 rows)

                  format_type   | atttypmod\s
                ----------------+-----------
                 halfvec(3)     |         3
                 sparsevec(5)   |         5
                 bit(4)         |         4
                 bit varying(8) |         8
                (4 rows)

                 column_name |  data_type   | udt_name \s
                -------------+--------------+-----------
                 h           | USER-DEFINED | halfvec
                 s           | USER-DEFINED | sparsevec
                 b           | bit          | bit
                 vb          | bit varying  | varbit
                (4 rows)

                """);
    }

    private static PGobject object(String type, String value) throws SQLException {
        PGobject object = new PGobject();
        object.setType(type);
        object.setValue(value);
        return object;
    }

    /** A value pgjdbc sends in binary, as pgvector's Java client sends its types. */
    private static final class BinaryObject extends PGobject implements PGBinaryObject {
        private byte[] bytes;

        BinaryObject(String type, byte[] bytes) {
            this.type = type;
            this.bytes = bytes.clone();
        }

        @Override
        public void setByteValue(byte[] value, int offset) {
            bytes = java.util.Arrays.copyOfRange(value, offset, value.length);
        }

        @Override
        public int lengthInBytes() {
            return bytes.length;
        }

        @Override
        public void toBytes(byte[] target, int offset) {
            System.arraycopy(bytes, 0, target, offset, bytes.length);
        }

        @Override
        public String getValue() {
            return List.of(bytes).toString();
        }
    }
}

package io.quiver.server;

import static io.quiver.server.SqlAssertions.execute;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PGobject;

/** pgjdbc's DatabaseMetaData answers from Quiver's catalogs what it answers from PostgreSQL's. */
class JdbcMetadataTest {
    @Test
    void schemasAndTablesAreListed() throws Exception {
        try (RunningServer server = RunningServer.start(); Connection c = server.connect()) {
            execute(c, "CREATE EXTENSION IF NOT EXISTS vector");
            execute(c, "CREATE TABLE items (id bigserial PRIMARY KEY, embedding vector(3), category int)");
            DatabaseMetaData metaData = c.getMetaData();

            assertThat(column(metaData.getSchemas(), "TABLE_SCHEM"))
                    .containsExactly("information_schema", "pg_catalog", "public");
            try (ResultSet tables = metaData.getTables(null, "public", "%", new String[] {"TABLE"})) {
                assertThat(tables.next()).isTrue();
                assertThat(tables.getString("TABLE_SCHEM")).isEqualTo("public");
                assertThat(tables.getString("TABLE_NAME")).isEqualTo("items");
                assertThat(tables.getString("TABLE_TYPE")).isEqualTo("TABLE");
                assertThat(tables.next()).isFalse();
            }
        }
    }

    @Test
    void columnsAreDescribedAsPostgresDescribesThem() throws Exception {
        try (RunningServer server = RunningServer.start(); Connection c = server.connect()) {
            createItems(c);

            // The reference's rows for the same table, but for the database's name.
            assertThat(rows(c.getMetaData().getColumns(null, "public", "items", "%"))).containsExactly(
                    "quiver|public|items|id|-5|bigserial|19|null|0|10|0|null|nextval('items_id_seq'::regclass)|null"
                            + "|null|null|1|NO|null|null|null|null|YES|NO",
                    "quiver|public|items|embedding|1111|vector|2147483647|null|0|10|1|null|null|null|null|null|2|YES"
                            + "|null|null|null|null|NO|NO",
                    "quiver|public|items|category|4|int4|10|null|0|10|1|null|null|null|null|null|3|YES|null|null"
                            + "|null|null|NO|NO");
        }
    }

    @Test
    void primaryKeysAreListed() throws Exception {
        try (RunningServer server = RunningServer.start(); Connection c = server.connect()) {
            createItems(c);

            assertThat(rows(c.getMetaData().getPrimaryKeys(null, "public", "items")))
                    .containsExactly("quiver|public|items|id|1|items_pkey");
        }
    }

    @Test
    void indexInfoListsThePrimaryKeyAndVectorIndexes() throws Exception {
        try (RunningServer server = RunningServer.start(); Connection c = server.connect()) {
            createItems(c);
            execute(c, "CREATE INDEX items_embedding_idx ON items USING hnsw (embedding vector_l2_ops)");

            // PostgreSQL 15 + pgvector's rows for the same table, but for the database name (statistics left out).
            assertThat(rows(c.getMetaData().getIndexInfo(null, "public", "items", false, false), 10)).containsExactly(
                    "quiver|public|items|f|null|items_pkey|3|1|id|A",
                    "quiver|public|items|t|null|items_embedding_idx|3|1|embedding|null");
            assertThat(rows(c.getMetaData().getIndexInfo(null, "public", "items", true, false), 10))
                    .containsExactly("quiver|public|items|f|null|items_pkey|3|1|id|A");
        }
    }

    @Test
    void vectorsAreReadAndWrittenAsPgObjects() throws Exception {
        try (RunningServer server = RunningServer.start(); Connection c = server.connect()) {
            createItems(c);
            PGobject vector = new PGobject();
            vector.setType("vector");
            vector.setValue("[7,8,9]");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO items (embedding) VALUES (?)")) {
                insert.setObject(1, vector);
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }

            try (PreparedStatement query = c.prepareStatement(
                    "SELECT embedding FROM items ORDER BY embedding <-> ? LIMIT 1")) {
                query.setObject(1, vector);
                try (ResultSet rows = query.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    // pgvector's Java client reads a PGobject of type vector: pgjdbc looks the type up by OID.
                    assertThat(rows.getObject(1)).isInstanceOfSatisfying(PGobject.class, value -> {
                        assertThat(value.getType()).isEqualTo("vector");
                        assertThat(value.getValue()).isEqualTo("[7,8,9]");
                    });
                    assertThat(rows.getString(1)).isEqualTo("[7,8,9]");
                    assertThat(rows.getMetaData().getColumnTypeName(1)).isEqualTo("vector");
                    assertThat(rows.getMetaData().getColumnType(1)).isEqualTo(Types.OTHER);
                }
            }
        }
    }

    private static void createItems(Connection c) throws SQLException {
        execute(c, "CREATE EXTENSION IF NOT EXISTS vector");
        execute(c, "CREATE TABLE items (id bigserial PRIMARY KEY, embedding vector(3), category int)");
        execute(c, "INSERT INTO items (embedding, category) VALUES ('[1,2,3]', 1), ('[4,5,6]', 2), ('[1,1,1]', 1)");
    }

    /** Every row, its columns' getString values joined by "|". */
    private static List<String> rows(ResultSet rows) throws SQLException {
        return rows(rows, Integer.MAX_VALUE);
    }

    /** Every row, the getString values of its first {@code limit} columns joined by "|". */
    private static List<String> rows(ResultSet rows, int limit) throws SQLException {
        List<String> values = new ArrayList<>();
        try (rows) {
            int columns = Math.min(limit, rows.getMetaData().getColumnCount());
            while (rows.next()) {
                StringJoiner row = new StringJoiner("|");
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(rows.getString(i)));
                }
                values.add(row.toString());
            }
        }
        return values;
    }

    private static List<String> column(ResultSet rows, String name) throws SQLException {
        List<String> values = new ArrayList<>();
        try (rows) {
            while (rows.next()) {
                values.add(rows.getString(name));
            }
        }
        return values;
    }
}

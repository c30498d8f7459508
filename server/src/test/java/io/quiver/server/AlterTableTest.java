package io.quiver.server;

import static io.quiver.server.SqlAssertions.assertFails;
import static io.quiver.server.SqlAssertions.assertUsable;
import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ALTER TABLE, ALTER INDEX and COMMENT ON over pgjdbc: stored rows stay readable through added and dropped
 * columns, vector search keeps working through renames, DDL is transactional and durable, errors are
 * PostgreSQL's.
 */
class AlterTableTest {
    private RunningServer server;
    private Connection c;

    @BeforeEach
    void start() throws SQLException {
        server = RunningServer.start();
        c = server.connect();
        execute(c, "CREATE EXTENSION IF NOT EXISTS vector");
        execute(c, "CREATE TABLE items (id int PRIMARY KEY, embedding vector(3), category int)");
        execute(c, "INSERT INTO items VALUES (1, '[1,0,0]', 10), (2, '[0,1,0]', 20), (3, '[0,0,1]', NULL)");
        execute(c, "CREATE INDEX items_embedding_idx ON items USING hnsw (embedding vector_l2_ops)");
    }

    @AfterEach
    void stop() throws SQLException {
        c.close();
        server.close();
    }

    @Test
    void rowsStoredBeforeAddAndDropColumnStayReadableAndSearchable() throws Exception {
        execute(c, "ALTER TABLE items ADD COLUMN label text DEFAULT 'none' NOT NULL");
        execute(c, "INSERT INTO items VALUES (4, '[1,1,0]', 40, 'four')");
        assertThat(rows("SELECT id, category, label FROM items ORDER BY id"))
                .containsExactly("1|10|none", "2|20|none", "3|null|none", "4|40|four");

        execute(c, "ALTER TABLE items DROP COLUMN category");
        execute(c, "ALTER TABLE items RENAME COLUMN embedding TO vec");
        execute(c, "ALTER TABLE items ADD COLUMN category bigint");
        execute(c, "INSERT INTO items VALUES (5, '[0,1,1]', 'five', 50)");
        execute(c, "UPDATE items SET label = 'one' WHERE id = 1");
        assertThat(rows("SELECT * FROM items ORDER BY id")).containsExactly("1|[1,0,0]|one|null",
                "2|[0,1,0]|none|null", "3|[0,0,1]|none|null", "4|[1,1,0]|four|null", "5|[0,1,1]|five|50");
        // enough rows for the index to be chosen over an exact scan
        execute(c, "INSERT INTO items (id, vec) SELECT s + 100, ('[' || s || ',0,' || s || ']')::vector "
                + "FROM generate_series(1, 5000) s");
        assertThat(plan("SELECT id FROM items ORDER BY vec <-> '[1,0.9,0]' LIMIT 2")).contains("items_embedding_idx");
        assertThat(queryStrings(c, "SELECT id FROM items ORDER BY vec <-> '[1,0.9,0]' LIMIT 2"))
                .containsExactly("4", "1");
        execute(c, "DELETE FROM items WHERE id > 100");

        execute(c, "ALTER TABLE items RENAME TO things");
        server.restart();
        try (Connection again = server.connect()) {
            assertThat(rows(again, "SELECT id, vec, label, category FROM things ORDER BY id")).containsExactly(
                    "1|[1,0,0]|one|null", "2|[0,1,0]|none|null", "3|[0,0,1]|none|null", "4|[1,1,0]|four|null",
                    "5|[0,1,1]|five|50");
            assertThat(queryStrings(again, "SELECT id FROM things ORDER BY vec <-> '[0,1,0.9]' LIMIT 1"))
                    .containsExactly("5");
            assertFails(again, "SELECT * FROM items", "42P01");
        }
    }

    @Test
    void aNewVectorColumnIsSearchable() throws Exception {
        assertThat(queryStrings(c, "SELECT id FROM items ORDER BY embedding <-> '[0,0,1]' LIMIT 1")).containsExactly("3");
        execute(c, "ALTER TABLE items ADD COLUMN small vector(2)");
        execute(c, "UPDATE items SET small = '[5,5]' WHERE id = 2");
        execute(c, "INSERT INTO items (id, small) VALUES (7, '[1,1]')");

        assertThat(queryStrings(c, "SELECT id FROM items WHERE small IS NOT NULL ORDER BY small <-> '[0,0]' LIMIT 1"))
                .containsExactly("7");
        assertThat(queryStrings(c, "SELECT id FROM items ORDER BY embedding <-> '[0,0.9,0]' LIMIT 1"))
                .containsExactly("2");
    }

    @Test
    void volatileDefaultsAreComputedForEveryExistingRow() throws Exception {
        execute(c, "ALTER TABLE items ADD COLUMN n serial");
        assertThat(rows("SELECT id, n FROM items ORDER BY id")).containsExactly("1|1", "2|2", "3|3");
        execute(c, "INSERT INTO items (id) VALUES (4)");
        assertThat(queryStrings(c, "SELECT n FROM items WHERE id = 4")).containsExactly("4");
    }

    @Test
    void dropColumnDropsItsIndexes() throws Exception {
        assertThat(Files.list(server.dataDirectory().resolve("indexes")).count()).isEqualTo(1);

        execute(c, "ALTER TABLE items DROP COLUMN embedding");

        assertThat(queryStrings(c, "SELECT indexname FROM pg_indexes WHERE tablename = 'items'"))
                .containsExactly("items_pkey");
        assertThat(Files.list(server.dataDirectory().resolve("indexes")).count()).isZero();
        assertThat(rows("SELECT * FROM items ORDER BY id")).containsExactly("1|10", "2|20", "3|null");
    }

    @Test
    void notNullAndDefaultsCanBeChanged() throws Exception {
        assertFails(c, "ALTER TABLE items ALTER COLUMN category SET NOT NULL", "23502");
        execute(c, "UPDATE items SET category = 30 WHERE id = 3");
        execute(c, "ALTER TABLE items ALTER COLUMN category SET NOT NULL");
        assertFails(c, "INSERT INTO items (id) VALUES (9)", "23502");
        execute(c, "ALTER TABLE items ALTER category SET DEFAULT 7");
        execute(c, "INSERT INTO items (id) VALUES (9)");
        execute(c, "ALTER TABLE items ALTER COLUMN category DROP DEFAULT, ALTER COLUMN category DROP NOT NULL");
        execute(c, "INSERT INTO items (id) VALUES (10)");
        assertThat(rows("SELECT id, category FROM items WHERE id > 8 ORDER BY id")).containsExactly("9|7", "10|null");
        assertThat(rows("SELECT column_name, is_nullable, column_default FROM information_schema.columns "
                + "WHERE table_name = 'items' ORDER BY ordinal_position"))
                .containsExactly("id|NO|null", "embedding|YES|null", "category|YES|null");
        assertFails(c, "ALTER TABLE items ALTER COLUMN id DROP NOT NULL", "42P16");
        assertFails(c, "ALTER TABLE items ALTER COLUMN category SET DEFAULT 'abc'", "22P02");
        assertFails(c, "ALTER TABLE items ADD COLUMN big int DEFAULT 3000000000", "22003");
        assertUsable(c);
    }

    @Test
    void ddlIsTransactional() throws Exception {
        String before = String.join(",", rows("SELECT name, type, comment FROM quiver_catalog.columns "
                + "WHERE table_name = 'items' ORDER BY attnum"));
        c.setAutoCommit(false);
        execute(c, "ALTER TABLE items ADD COLUMN extra text DEFAULT 'x'");
        execute(c, "ALTER TABLE items DROP COLUMN category");
        execute(c, "ALTER TABLE items RENAME COLUMN id TO key");
        execute(c, "ALTER INDEX items_embedding_idx RENAME TO renamed_idx");
        execute(c, "COMMENT ON COLUMN items.embedding IS 'what it is about'");
        execute(c, "ALTER TABLE items RENAME TO things");
        assertThat(rows("SELECT key, extra FROM things ORDER BY key")).containsExactly("1|x", "2|x", "3|x");
        c.rollback();
        c.setAutoCommit(true);

        assertThat(String.join(",", rows("SELECT name, type, comment FROM quiver_catalog.columns "
                + "WHERE table_name = 'items' ORDER BY attnum"))).isEqualTo(before);
        assertThat(queryStrings(c, "SELECT name FROM quiver_catalog.indexes")).containsExactly("items_embedding_idx");
        assertThat(rows("SELECT * FROM items ORDER BY id"))
                .containsExactly("1|[1,0,0]|10", "2|[0,1,0]|20", "3|[0,0,1]|null");
        assertFails(c, "SELECT * FROM things", "42P01");
    }

    @Test
    void alterIndexRenamesAndSetsBuildOptionsAsPgvectorDoes() throws Exception {
        execute(c, "ALTER INDEX items_embedding_idx RENAME TO items_vec_idx");
        execute(c, "ALTER INDEX items_vec_idx SET (m = 8, ef_construction = 40)");
        assertThat(rows("SELECT name, options FROM quiver_catalog.indexes"))
                .containsExactly("items_vec_idx|m=8, ef_construction=40");
        assertThat(queryStrings(c, "SELECT indexdef FROM pg_indexes WHERE indexname = 'items_vec_idx'"))
                .containsExactly("CREATE INDEX items_vec_idx ON public.items USING hnsw (embedding vector_l2_ops) "
                        + "WITH (m='8', ef_construction='40')");
        execute(c, "ALTER INDEX items_vec_idx RESET (ef_construction)");
        execute(c, "REINDEX INDEX items_vec_idx");
        assertThat(queryStrings(c, "SELECT id FROM items ORDER BY embedding <-> '[0,0.9,0]' LIMIT 1"))
                .containsExactly("2");

        assertThat(assertFails(c, "ALTER INDEX items_vec_idx SET (ef_search = 10)", "22023").getMessage())
                .contains("unrecognized parameter \"ef_search\"");
        assertThat(assertFails(c, "ALTER INDEX items_vec_idx SET (m = 1)", "22023").getMessage())
                .contains("value 1 out of bounds for option \"m\"");
        assertFails(c, "ALTER INDEX items_vec_idx RESET (lists)", "22023");
        assertFails(c, "ALTER INDEX items_vec_idx RENAME TO items", "42P07");
        assertFails(c, "ALTER INDEX nope RENAME TO other", "42P01");
        assertThat(notices("ALTER INDEX IF EXISTS nope RENAME TO other"))
                .containsExactly("relation \"nope\" does not exist, skipping");
        assertUsable(c);
    }

    @Test
    void commentsOnTablesColumnsAndIndexesAreInTheCatalogs() throws Exception {
        execute(c, "COMMENT ON TABLE items IS 'things to find'");
        execute(c, "COMMENT ON COLUMN items.embedding IS 'a vector'");
        execute(c, "COMMENT ON INDEX items_embedding_idx IS 'the graph'");

        assertThat(rows("SELECT obj_description('items'::regclass, 'pg_class'), "
                + "col_description('items'::regclass, 2), obj_description('items_embedding_idx'::regclass, 'pg_class')"))
                .containsExactly("things to find|a vector|the graph");
        assertThat(rows("SELECT objsubid, description FROM pg_description d JOIN pg_class c ON c.oid = d.objoid "
                + "WHERE c.relname IN ('items', 'items_embedding_idx') ORDER BY description"))
                .containsExactly("2|a vector", "0|the graph", "0|things to find");

        execute(c, "COMMENT ON COLUMN items.embedding IS NULL");
        server.restart();
        try (Connection again = server.connect()) {
            assertThat(rows(again, "SELECT name, comment FROM quiver_catalog.collections"))
                    .containsExactly("items|things to find");
            assertThat(queryStrings(again, "SELECT col_description('items'::regclass, 2)")).containsExactly((String) null);
            assertThat(queryStrings(again, "SELECT comment FROM quiver_catalog.indexes")).containsExactly("the graph");
        }
    }

    @Test
    void badDdlFailsWithPostgresErrorsAndLeavesTheConnectionUsable() throws Exception {
        execute(c, "CREATE TABLE other (id int)");
        assertFails(c, "ALTER TABLE items ADD COLUMN category int", "42701");
        assertFails(c, "ALTER TABLE items ADD COLUMN v vector(0)", "22023");
        assertFails(c, "ALTER TABLE items ADD COLUMN v vector(16001)", "22023");
        assertFails(c, "ALTER TABLE items ADD COLUMN v nosuchtype", "42704");
        assertFails(c, "ALTER TABLE items ADD COLUMN required int NOT NULL", "23502");
        assertFails(c, "ALTER TABLE items DROP COLUMN nope", "42703");
        assertFails(c, "ALTER TABLE items RENAME COLUMN nope TO other", "42703");
        assertFails(c, "ALTER TABLE items RENAME COLUMN id TO category", "42701");
        assertFails(c, "ALTER TABLE items RENAME TO other", "42P07");
        assertFails(c, "ALTER TABLE items RENAME TO items_embedding_idx", "42P07");
        assertFails(c, "ALTER TABLE nope ADD COLUMN x int", "42P01");
        assertFails(c, "ALTER TABLE items ALTER COLUMN nope SET NOT NULL", "42703");
        assertFails(c, "COMMENT ON COLUMN items.nope IS 'x'", "42703");
        assertFails(c, "COMMENT ON INDEX items IS 'x'", "42809");
        assertFails(c, "COMMENT ON TABLE items_embedding_idx IS 'x'", "42809");
        assertFails(c, "COMMENT ON TABLE nope IS 'x'", "42P01");
        assertFails(c, "CREATE TABLE dup (a int, a text)", "42701");
        assertFails(c, "CREATE TABLE other (id int)", "42P07");
        assertFails(c, "CREATE INDEX items_embedding_idx ON items USING hnsw (embedding vector_l2_ops)", "42P07");
        assertFails(c, "CREATE INDEX ON items USING hnsw (embedding vector_l2_ops) WITH (m = 1)", "22023");
        assertFails(c, "CREATE INDEX ON items USING hnsw (embedding vector_l2_ops) WITH (foo = 1)", "22023");
        assertFails(c, "CREATE INDEX ON items USING ivfflat (embedding vector_l2_ops) WITH (lists = 0)", "22023");
        assertFails(c, "DROP INDEX nope", "42704");
        assertFails(c, "DROP TABLE nope", "42P01");
        // one failing action undoes the others of its statement
        assertFails(c, "ALTER TABLE items ADD COLUMN fine int, DROP COLUMN nope", "42703");
        assertThat(queryStrings(c, "SELECT count(*) FROM quiver_catalog.columns WHERE name = 'fine'"))
                .containsExactly("0");

        assertThat(notices("ALTER TABLE IF EXISTS nope ADD COLUMN x int"))
                .containsExactly("relation \"nope\" does not exist, skipping");
        assertThat(notices("ALTER TABLE items DROP COLUMN IF EXISTS nope"))
                .containsExactly("column \"nope\" of relation \"items\" does not exist, skipping");
        assertThat(notices("ALTER TABLE items ADD COLUMN IF NOT EXISTS category int"))
                .containsExactly("column \"category\" of relation \"items\" already exists, skipping");
        assertThat(notices("DROP INDEX IF EXISTS nope")).containsExactly("index \"nope\" does not exist, skipping");
        assertUsable(c);
    }

    private List<String> notices(String sql) throws SQLException {
        List<String> messages = new ArrayList<>();
        try (Statement statement = c.createStatement()) {
            statement.execute(sql);
            for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
                messages.add(w.getMessage());
            }
        }
        return messages;
    }

    private String plan(String sql) throws SQLException {
        return String.join("\n", queryStrings(c, "EXPLAIN " + sql));
    }

    private List<String> rows(String sql) throws SQLException {
        return rows(c, sql);
    }

    /** Every row, its columns' getString values joined by "|". */
    static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); var rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                values.add(row.toString());
            }
        }
        return values;
    }
}

package io.quiver.server;

import static io.quiver.server.SqlAssertions.assertFails;
import static io.quiver.server.SqlAssertions.assertUsable;
import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * B-tree and hash indexes on scalar columns through SQL: the planner's index scans (equal results with
 * {@code enable_indexscan = off}), EXPLAIN, unique violations, rollback, savepoints, restart, VACUUM, DROP,
 * catalog rows and errors. The methods share one table and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecondaryIndexTest {
    private static final int ROWS = 10_000;
    private static RunningServer server;
    private static Connection connection;

    @BeforeAll
    static void load() throws SQLException {
        server = RunningServer.start();
        connection = server.connect();
        execute(connection, "CREATE TABLE items (id int PRIMARY KEY, category int, name text, price numeric)");
        execute(connection, "INSERT INTO items SELECT g, g % 500, 'item' || g, g / 10.0 FROM generate_series(1, "
                + ROWS + ") g");
        execute(connection, "CREATE INDEX ON items (category)");
        execute(connection, "CREATE UNIQUE INDEX items_name_key ON items (name)");
        execute(connection, "CREATE INDEX items_price_idx ON items USING hash (price)");
        execute(connection, "ANALYZE items");
    }

    @AfterAll
    static void stop() throws SQLException {
        connection.close();
        server.close();
    }

    @Test
    @Order(1)
    void indexScansReturnWhatFullScansReturn() throws SQLException {
        List<String> queries = List.of(
                "SELECT id FROM items WHERE category = 7 ORDER BY id",
                "SELECT id FROM items WHERE category IN (7, 8, 8) ORDER BY id",
                "SELECT id FROM items WHERE category > 495 AND category <= 497 AND id < 3000 ORDER BY id",
                "SELECT id FROM items WHERE category < 2 ORDER BY id",
                "SELECT id FROM items WHERE name = 'item42'",
                "SELECT id FROM items WHERE name >= 'item9998' ORDER BY id",
                "SELECT id FROM items WHERE price = 4.20",
                "SELECT id FROM items WHERE category = NULL");
        for (String query : queries) {
            List<String> indexed = queryStrings(connection, query);
            execute(connection, "SET enable_indexscan = off");
            List<String> full = queryStrings(connection, query);
            execute(connection, "RESET enable_indexscan");
            assertThat(indexed).as(query).isEqualTo(full);
        }
        assertThat(queryStrings(connection, "SELECT id FROM items WHERE category = 7 ORDER BY id")).hasSize(20)
                .startsWith("7", "507");
        assertThat(queryStrings(connection, "SELECT id FROM items WHERE name = 'item42'")).containsExactly("42");
    }

    @Test
    @Order(2)
    void explainShowsTheIndexScanAndItsAlternative() throws SQLException {
        String plan = String.join("\n", queryStrings(connection, "EXPLAIN SELECT * FROM items WHERE category = 7"));
        assertThat(plan).contains("Index Scan using items_category_idx on items").contains("SeqScan cost=");
        assertThat(String.join("\n", queryStrings(connection, "EXPLAIN SELECT * FROM items WHERE category > 3")))
                .doesNotContain("Index Scan");
        execute(connection, "SET enable_indexscan = off");
        assertThat(String.join("\n", queryStrings(connection, "EXPLAIN SELECT * FROM items WHERE category = 7")))
                .doesNotContain("Index Scan");
        execute(connection, "RESET enable_indexscan");
    }

    /** A primary key is the unique B-tree PostgreSQL builds for it: a lookup by key reads one row, not the table. */
    @Test
    @Order(2)
    void primaryKeyLookupsReadOneRow() throws SQLException {
        assertThat(String.join("\n", queryStrings(connection, "EXPLAIN SELECT name FROM items WHERE id = 42")))
                .contains("Index Scan using items_pkey on items");
        assertThat(String.join("\n", queryStrings(connection, "EXPLAIN SELECT name FROM items WHERE id > 42")))
                .doesNotContain("items_pkey");
        assertThat(queryStrings(connection, "SELECT name FROM items WHERE id = 42")).containsExactly("item42");
        assertThat(queryStrings(connection, "SELECT name FROM items WHERE id IN (3, 2, 3, 99999) ORDER BY id"))
                .containsExactly("item2", "item3");
        assertThat(queryStrings(connection, "SELECT name FROM items WHERE id = 42 AND category = 0")).isEmpty();
        try (PreparedStatement statement = connection.prepareStatement("SELECT name FROM items WHERE id = ?")) {
            for (int id : new int[] {1, 5000, ROWS}) {
                statement.setInt(1, id);
                try (ResultSet rs = statement.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("item" + id);
                }
            }
        }
        // A transaction's own writes, and rows others deleted since its snapshot, as a full scan sees them.
        connection.setAutoCommit(false);
        try (Connection other = server.connect()) {
            execute(connection, "INSERT INTO items VALUES (" + (ROWS + 1) + ", 1, 'fresh', 1)");
            assertThat(queryStrings(connection, "SELECT name FROM items WHERE id = " + (ROWS + 1)))
                    .containsExactly("fresh");
            execute(other, "DELETE FROM items WHERE id = 43");
            assertThat(queryStrings(connection, "SELECT name FROM items WHERE id = 43")).containsExactly("item43");
            assertThat(queryStrings(other, "SELECT name FROM items WHERE id = 43")).isEmpty();
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        execute(connection, "INSERT INTO items VALUES (43, 43, 'item43', 4.30)");
        // UPDATE and DELETE find their target rows through it too.
        assertThat(queryStrings(connection, "UPDATE items SET price = price WHERE id = 42 RETURNING name"))
                .containsExactly("item42");
        assertThat(queryStrings(connection, "DELETE FROM items WHERE id IN (43, 99999) RETURNING name"))
                .containsExactly("item43");
        execute(connection, "INSERT INTO items VALUES (43, 43, 'item43', 4.30)");
        assertThat(queryStrings(connection, "SELECT DISTINCT plan FROM quiver_stat.queries "
                + "WHERE query LIKE 'UPDATE items SET price = price%' OR query LIKE 'DELETE FROM items WHERE id IN%'"))
                .containsExactly("IndexScan items_pkey");
    }

    @Test
    @Order(3)
    void parametersBindIndexBounds() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM items WHERE category = ?")) {
            for (int category : new int[] {1, 2, 499}) {
                statement.setInt(1, category);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(20);
                }
            }
        }
    }

    @Test
    @Order(4)
    void uniqueIndexesRejectDuplicatesButNotNulls() throws SQLException {
        var error = assertFails(connection, "INSERT INTO items VALUES (20001, 1, 'item5', 0)", "23505");
        assertThat(error.getMessage()).contains("duplicate key value violates unique constraint \"items_name_key\"")
                .contains("Key (name)=(item5) already exists.");
        assertFails(connection, "UPDATE items SET name = 'item6' WHERE id = 7", "23505");
        execute(connection, "INSERT INTO items VALUES (20001, 1, NULL, 0), (20002, 1, NULL, 0)");
        execute(connection, "UPDATE items SET name = 'renamed' WHERE id = 8");
        assertThat(queryStrings(connection, "SELECT id FROM items WHERE name = 'renamed'")).containsExactly("8");
        assertThat(queryStrings(connection, "SELECT id FROM items WHERE name = 'item8'")).isEmpty();
        execute(connection, "DELETE FROM items WHERE id IN (20001, 20002)");
        assertFails(connection, "CREATE UNIQUE INDEX ON items (category)", "23505");
        assertUsable(connection);
    }

    @Test
    @Order(5)
    void rollbackAndSavepointsUndoIndexEntries() throws SQLException {
        connection.setAutoCommit(false);
        execute(connection, "INSERT INTO items VALUES (30001, 9999, 'tx', 0)");
        assertThat(queryStrings(connection, "SELECT id FROM items WHERE category = 9999")).containsExactly("30001");
        connection.rollback();
        assertThat(queryStrings(connection, "SELECT id FROM items WHERE category = 9999")).isEmpty();
        execute(connection, "INSERT INTO items VALUES (30002, 9999, 'kept', 0)");
        execute(connection, "SAVEPOINT s");
        execute(connection, "UPDATE items SET category = 9998 WHERE id = 30002");
        execute(connection, "INSERT INTO items VALUES (30003, 9999, 'undone', 0)");
        execute(connection, "ROLLBACK TO SAVEPOINT s");
        connection.commit();
        connection.setAutoCommit(true);
        assertThat(queryStrings(connection, "SELECT id FROM items WHERE category = 9999")).containsExactly("30002");
        assertThat(queryStrings(connection, "SELECT id FROM items WHERE category = 9998")).isEmpty();
        // 'undone' was rolled back, so its name is free again
        execute(connection, "INSERT INTO items VALUES (30003, 9997, 'undone', 0)");
        execute(connection, "DELETE FROM items WHERE id IN (30002, 30003)");
    }

    @Test
    @Order(6)
    void concurrentWritersOfOneUniqueKeyConflict() throws SQLException {
        try (Connection other = server.connect()) {
            connection.setAutoCommit(false);
            other.setAutoCommit(false);
            execute(connection, "INSERT INTO items VALUES (40001, 1, 'contested', 0)");
            assertFails(other, "INSERT INTO items VALUES (40002, 1, 'contested', 0)", "40001");
            other.rollback();
            connection.commit();
            connection.setAutoCommit(true);
            assertUsable(other);
        }
        execute(connection, "DELETE FROM items WHERE id = 40001");
    }

    @Test
    @Order(7)
    void indexesSurviveRestartAndVacuum() throws SQLException {
        execute(connection, "DELETE FROM items WHERE category = 3");
        execute(connection, "VACUUM items");
        connection.close();
        server.restart();
        connection = server.connect();
        assertThat(queryStrings(connection, "SELECT count(*) FROM items WHERE category = 3")).containsExactly("0");
        assertThat(queryStrings(connection, "SELECT count(*) FROM items WHERE category = 4")).containsExactly("20");
        assertThat(String.join("\n", queryStrings(connection, "EXPLAIN SELECT * FROM items WHERE category = 4")))
                .contains("Index Scan using items_category_idx");
        assertFails(connection, "INSERT INTO items VALUES (50001, 1, 'item10', 0)", "23505");
    }

    @Test
    @Order(8)
    void catalogShowsIndexesAsPostgresDoes() throws Exception {
        assertThat(queryStrings(connection, "SELECT indexdef FROM pg_indexes WHERE tablename = 'items' ORDER BY 1"))
                .containsExactly("CREATE INDEX items_category_idx ON public.items USING btree (category)",
                        "CREATE INDEX items_price_idx ON public.items USING hash (price)",
                        "CREATE UNIQUE INDEX items_name_key ON public.items USING btree (name)",
                        "CREATE UNIQUE INDEX items_pkey ON public.items USING btree (id)");
        assertThat(queryStrings(connection, "SELECT indnatts FROM pg_index WHERE indexrelid = 'items_name_key'::regclass"))
                .containsExactly("1");
        assertThat(queryStrings(connection, "SELECT indisunique FROM pg_index WHERE indexrelid = 'items_name_key'::regclass"))
                .containsExactly("t");
        List<String> names = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getIndexInfo(null, "public", "items", true, false)) {
            while (rs.next()) {
                names.add(rs.getString("INDEX_NAME"));
            }
        }
        assertThat(names).contains("items_name_key", "items_pkey").doesNotContain("items_category_idx");
        String described = Psql.run(server.port(), "\\d items\n").stdout();
        assertThat(described).contains("\"items_category_idx\" btree (category)")
                .contains("\"items_name_key\" UNIQUE, btree (name)").contains("\"items_price_idx\" hash (price)");
    }

    @Test
    @Order(9)
    void badIndexDefinitionsFail() throws SQLException {
        execute(connection, "CREATE TABLE docs (id int, embedding vector(3), tags text)");
        assertFails(connection, "CREATE INDEX ON docs USING hash (id, tags)", "0A000");
        assertFails(connection, "CREATE UNIQUE INDEX ON docs USING hash (id)", "0A000");
        assertFails(connection, "CREATE INDEX ON docs (missing)", "42703");
        assertFails(connection, "CREATE INDEX ON docs (embedding)", "0A000");
        assertFails(connection, "CREATE INDEX ON docs USING foo (id)", "0A000");
        assertFails(connection, "CREATE INDEX items ON docs (id)", "42P07");
        execute(connection, "CREATE INDEX IF NOT EXISTS docs_id ON docs (id)");
        execute(connection, "CREATE INDEX IF NOT EXISTS docs_id ON docs (id)");
        assertUsable(connection);
    }

    @Test
    @Order(10)
    void dropIndexAndDropTableRemoveThem() throws SQLException {
        execute(connection, "DROP INDEX items_name_key");
        execute(connection, "INSERT INTO items VALUES (60001, 1, 'item11', 0)");
        assertThat(queryStrings(connection, "SELECT count(*) FROM items WHERE name = 'item11'")).containsExactly("2");
        connection.setAutoCommit(false);
        execute(connection, "CREATE INDEX items_name_idx ON items (name)");
        connection.rollback();
        connection.setAutoCommit(true);
        assertThat(queryStrings(connection, "SELECT count(*) FROM pg_indexes WHERE indexname = 'items_name_idx'"))
                .containsExactly("0");
        execute(connection, "DROP TABLE docs");
        execute(connection, "CREATE TABLE docs (id int)");
        execute(connection, "INSERT INTO docs VALUES (1), (1)");
        assertThat(queryStrings(connection, "SELECT count(*) FROM docs WHERE id = 1")).containsExactly("2");
    }
}

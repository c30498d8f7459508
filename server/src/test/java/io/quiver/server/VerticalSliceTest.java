package io.quiver.server;

import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static io.quiver.server.SqlAssertions.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The first slice end to end: DDL, DML and queries over pgjdbc against a real server. */
class VerticalSliceTest {
    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void createInsertQueryUpdateDelete() throws SQLException {
        try (Connection c = server.connect()) {
            execute(c, "CREATE EXTENSION IF NOT EXISTS vector");
            execute(c, "CREATE TABLE items (id bigserial PRIMARY KEY, name text NOT NULL, category int, "
                    + "embedding vector(3))");
            assertThat(update(c, "INSERT INTO items (name, category, embedding) VALUES "
                    + "('a', 1, '[1,2,3]'), ('b', 2, '[4,5,6]'), ('c', 1, '[7,8,9]')")).isEqualTo(3);
            assertThat(queryStrings(c, "SELECT name FROM items WHERE category = 1 ORDER BY id"))
                    .containsExactly("a", "c");
            assertThat(queryStrings(c, "SELECT embedding FROM items ORDER BY id"))
                    .containsExactly("[1,2,3]", "[4,5,6]", "[7,8,9]");
            assertThat(queryStrings(c, "SELECT id FROM items ORDER BY id")).containsExactly("1", "2", "3");
            assertThat(update(c, "UPDATE items SET category = 3, embedding = '[0,0,1]' WHERE name = 'b'"))
                    .isEqualTo(1);
            assertThat(queryStrings(c, "SELECT embedding FROM items WHERE id = 2")).containsExactly("[0,0,1]");
            assertThat(queryStrings(c, "SELECT count(*) FROM items WHERE category = 3")).containsExactly("1");
            assertThat(update(c, "DELETE FROM items WHERE category = 1")).isEqualTo(2);
            assertThat(queryStrings(c, "SELECT name FROM items")).containsExactly("b");
            execute(c, "TRUNCATE items");
            assertThat(queryStrings(c, "SELECT count(*) FROM items")).containsExactly("0");
            execute(c, "DROP TABLE items");
            SqlAssertions.assertFails(c, "SELECT * FROM items", "42P01");
        }
    }

    @Test
    void insertReturningAndParameters() throws SQLException {
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE docs (id serial PRIMARY KEY, title varchar(20), score double precision, "
                    + "embedding vector(2))");
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO docs (title, score, embedding) VALUES (?, ?, ?::vector) RETURNING id, title")) {
                List<String> returned = new ArrayList<>();
                for (int i = 1; i <= 3; i++) {
                    insert.setString(1, "doc" + i);
                    insert.setDouble(2, i / 2.0);
                    insert.setString(3, "[" + i + "," + (i + 1) + "]");
                    try (ResultSet rs = insert.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        returned.add(rs.getInt(1) + "=" + rs.getString(2));
                    }
                }
                assertThat(returned).containsExactly("1=doc1", "2=doc2", "3=doc3");
            }
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT title FROM docs WHERE score > ? ORDER BY embedding <-> ?::vector LIMIT 2")) {
                query.setDouble(1, 0.6);
                query.setString(2, "[3,4]");
                List<String> titles = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        titles.add(rs.getString(1));
                    }
                }
                assertThat(titles).containsExactly("doc3", "doc2");
            }
            try (Statement s = c.createStatement()) {
                s.addBatch("INSERT INTO docs (title) VALUES ('x')");
                s.addBatch("INSERT INTO docs (title) VALUES ('y')");
                assertThat(s.executeBatch()).containsExactly(1, 1);
            }
            assertThat(queryStrings(c, "SELECT count(*) FROM docs")).containsExactly("5");
            execute(c, "DROP TABLE docs");
        }
    }

    @Test
    void unicodeAndEscapeStringLiterals() throws SQLException {
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE texts (id int PRIMARY KEY, note text)");
            execute(c, "INSERT INTO texts VALUES (1, '日本語 ok'), (2, E'tab\\there')");
            assertThat(queryStrings(c, "SELECT note FROM texts WHERE note = '日本語 ok'")).containsExactly("日本語 ok");
            assertThat(queryStrings(c, "SELECT note FROM texts WHERE id = 2")).containsExactly("tab\there");
            assertThat(queryStrings(c, "SELECT upper('héllo')")).containsExactly("HÉLLO");
            execute(c, "DROP TABLE texts");
        }
    }

    @Test
    void transactionsCommitAndRollback() throws SQLException {
        try (Connection c = server.connect(); Connection other = server.connect()) {
            execute(c, "CREATE TABLE tx_t (id int PRIMARY KEY, v text)");
            c.setAutoCommit(false);
            update(c, "INSERT INTO tx_t VALUES (1, 'one')");
            assertThat(queryStrings(other, "SELECT count(*) FROM tx_t")).containsExactly("0");
            c.commit();
            assertThat(queryStrings(other, "SELECT v FROM tx_t")).containsExactly("one");
            update(c, "INSERT INTO tx_t VALUES (2, 'two')");
            c.rollback();
            assertThat(queryStrings(other, "SELECT count(*) FROM tx_t")).containsExactly("1");
            execute(c, "CREATE TABLE tx_ddl (id int)");
            c.rollback();
            SqlAssertions.assertFails(other, "SELECT * FROM tx_ddl", "42P01");
            c.setAutoCommit(true);
            execute(c, "DROP TABLE tx_t");
        }
    }

    @Test
    void sessionFunctionsAndSettings() throws SQLException {
        try (Connection c = server.connect()) {
            assertThat(queryStrings(c, "SELECT version()").get(0)).startsWith("PostgreSQL 15.8");
            assertThat(queryStrings(c, "SELECT current_database()")).containsExactly("quiver");
            assertThat(queryStrings(c, "SELECT current_schema()")).containsExactly("public");
            assertThat(queryStrings(c, "SHOW server_version")).containsExactly("15.8");
            execute(c, "SET hnsw.ef_search = 100");
            assertThat(queryStrings(c, "SHOW hnsw.ef_search")).containsExactly("100");
            SqlAssertions.assertFails(c, "SET hnsw.ef_search = 0", "22023");
            SqlAssertions.assertFails(c, "SHOW no_such_setting", "42704");
            SqlAssertions.assertUsable(c);
        }
    }
}

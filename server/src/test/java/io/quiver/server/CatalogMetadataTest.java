package io.quiver.server;

import static io.quiver.server.AlterTableTest.rows;
import static io.quiver.server.SqlAssertions.assertFails;
import static io.quiver.server.SqlAssertions.assertUsable;
import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The metadata model through quiver_catalog: each collection's uuid, life-cycle state and version, its columns
 * and its indexes' build state; and what a running statement sees when another connection drops its table.
 */
class CatalogMetadataTest {
    @Test
    void collectionsHaveAStableIdentityAStateAndAVersion() throws Exception {
        try (RunningServer server = RunningServer.start(); Connection c = server.connect()) {
            execute(c, "CREATE EXTENSION vector");
            c.setAutoCommit(false);
            execute(c, "CREATE TABLE docs (id bigserial PRIMARY KEY, body text NOT NULL, embedding vector(3))");
            execute(c, "CREATE INDEX docs_embedding_idx ON docs USING hnsw (embedding vector_cosine_ops) "
                    + "WITH (m = 12)");
            // uncommitted: this transaction sees a table being created and an index not serving yet
            assertThat(rows(c, "SELECT name, state FROM quiver_catalog.collections")).containsExactly("docs|INIT");
            assertThat(rows(c, "SELECT name, state FROM quiver_catalog.indexes"))
                    .containsExactly("docs_embedding_idx|BUILDING");
            try (Connection other = server.connect()) {
                assertThat(queryStrings(other, "SELECT name FROM quiver_catalog.collections")).isEmpty();
            }
            c.commit();
            c.setAutoCommit(true);

            assertThat(rows(c, "SELECT schema, name, state, ddl_version, columns, primary_key, comment "
                    + "FROM quiver_catalog.collections")).containsExactly("public|docs|SERVING|2|3|id|null");
            String uuid = queryStrings(c, "SELECT collection_uuid FROM quiver_catalog.collections").get(0);
            assertThat(uuid).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(queryStrings(c, "SELECT created <= CURRENT_TIMESTAMP FROM quiver_catalog.collections"))
                    .containsExactly("t");
            assertThat(rows(c, "SELECT attnum, name, type, dimension, not_null, default_value, primary_key, metric "
                    + "FROM quiver_catalog.columns WHERE table_name = 'docs' ORDER BY attnum")).containsExactly(
                    "1|id|bigint|null|t|nextval('docs_id_seq'::regclass)|t|null",
                    "2|body|text|null|t|null|f|null",
                    "3|embedding|vector(3)|3|f|null|f|cosine");
            assertThat(rows(c, "SELECT table_name, name, access_method, column_name, opclass, metric, options, state "
                    + "FROM quiver_catalog.indexes")).containsExactly(
                    "docs|docs_embedding_idx|hnsw|embedding|vector_cosine_ops|cosine|m=12|READY");

            execute(c, "ALTER TABLE docs RENAME TO documents");
            execute(c, "COMMENT ON TABLE documents IS 'corpus'");
            server.restart();
            try (Connection again = server.connect()) {
                assertThat(rows(again, "SELECT collection_uuid, name, state, ddl_version, comment FROM quiver_catalog.collections"))
                        .containsExactly(uuid + "|documents|SERVING|4|corpus");
                again.setAutoCommit(false);
                execute(again, "DROP TABLE documents");
                assertThat(rows(again, "SELECT name, state FROM quiver_catalog.collections"))
                        .containsExactly("documents|DROPPED");
                again.rollback();
                assertThat(rows(again, "SELECT name, state FROM quiver_catalog.collections"))
                        .containsExactly("documents|SERVING");
            }
        }
    }

    @Test
    void aRunningQueryFinishesOnItsCatalogVersionWhileAnotherConnectionDropsTheTable() throws Exception {
        try (RunningServer server = RunningServer.start(); Connection reader = server.connect();
             Connection dropper = server.connect()) {
            execute(dropper, "CREATE TABLE big (id int PRIMARY KEY, payload text)");
            execute(dropper, "INSERT INTO big SELECT s, 'row ' || s FROM generate_series(1, 20000) s");

            reader.setAutoCommit(false);
            long sum = 0;
            int count = 0;
            try (Statement statement = reader.createStatement()) {
                statement.setFetchSize(100);
                try (ResultSet rows = statement.executeQuery("SELECT id, payload FROM big")) {
                    while (rows.next()) {
                        if (count == 500) {
                            execute(dropper, "DROP TABLE big");
                            assertFails(dropper, "SELECT count(*) FROM big", "42P01");
                        }
                        assertThat(rows.getString(2)).isEqualTo("row " + rows.getInt(1));
                        sum += rows.getInt(1);
                        count++;
                    }
                }
            }
            reader.commit();

            assertThat(count).isEqualTo(20000);
            assertThat(sum).isEqualTo(20000L * 20001 / 2);
            assertFails(reader, "SELECT * FROM big", "42P01");
            assertUsable(reader);
            assertThat(queryStrings(dropper, "SELECT count(*) FROM quiver_catalog.collections")).isEqualTo(List.of("0"));
        }
    }
}

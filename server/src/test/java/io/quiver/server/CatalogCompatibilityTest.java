package io.quiver.server;

import static io.quiver.server.SqlAssertions.execute;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The system catalogs hold what PostgreSQL 15 + pgvector hold for the same schema. */
class CatalogCompatibilityTest {
    private static RunningServer server;
    private static Connection connection;

    @BeforeAll
    static void createSchema() throws SQLException {
        server = RunningServer.start();
        connection = server.connect();
        execute(connection, "CREATE EXTENSION IF NOT EXISTS vector");
        execute(connection, "CREATE TABLE items (id bigserial PRIMARY KEY, embedding vector(3), category int)");
        execute(connection, "CREATE INDEX ON items USING hnsw (embedding vector_l2_ops)");
        execute(connection, "CREATE INDEX items_ivf ON items USING ivfflat (embedding vector_cosine_ops) "
                + "WITH (lists = 1)");
    }

    @AfterAll
    static void stop() throws SQLException {
        connection.close();
        server.close();
    }

    @Test
    void pgClassListsTablesTheirIndexesAndSerialSequences() throws SQLException {
        assertThat(rows("SELECT relname, relkind, relam FROM pg_catalog.pg_class WHERE relnamespace = 2200 "
                + "ORDER BY relname")).containsExactly("items|r|2", "items_embedding_idx|i|16389",
                "items_id_seq|S|0", "items_ivf|i|16388", "items_pkey|i|403");
        assertThat(rows("SELECT c.relname, a.amname, c.relnatts, c.reloptions, c.relhasindex FROM pg_class c "
                + "JOIN pg_am a ON a.oid = c.relam WHERE c.relname LIKE 'items%' ORDER BY c.relname"))
                .containsExactly("items|heap|3|null|t", "items_embedding_idx|hnsw|1|null|f",
                        "items_ivf|ivfflat|1|{lists=1}|f", "items_pkey|btree|1|null|f");
    }

    @Test
    void pgNamespaceListsTheBuiltInSchemasWithPostgresOids() throws SQLException {
        assertThat(rows("SELECT oid, nspname, nspowner FROM pg_namespace ORDER BY nspname"))
                .containsExactly("13207|information_schema|10", "11|pg_catalog|10", "2200|public|6171");
    }

    @Test
    void pgTypeHasTheVectorTypeInPublic() throws SQLException {
        assertThat(rows("SELECT oid, typname, typnamespace, typcategory, typarray FROM pg_type "
                + "WHERE typname IN ('vector', 'int8') ORDER BY oid"))
                .containsExactly("20|int8|11|N|1016", "16385|vector|2200|U|16386");
    }

    @Test
    void pgExtensionListsPlpgsqlAndVector() throws SQLException {
        assertThat(rows("SELECT extname, extversion, extnamespace FROM pg_extension ORDER BY extname"))
                .containsExactly("plpgsql|1.0|11", "vector|0.8.6|2200");
    }

    @Test
    void pgAmHasHeapBtreeHashAndPgvectorsAccessMethods() throws SQLException {
        assertThat(rows("SELECT amname, amtype FROM pg_am ORDER BY amname"))
                .containsExactly("btree|i", "hash|i", "heap|t", "hnsw|i", "ivfflat|i");
    }

    @Test
    void pgIndexesShowsThePrimaryKeyAndVectorIndexDefinitions() throws SQLException {
        assertThat(rows("SELECT schemaname, tablename, indexname, indexdef FROM pg_indexes ORDER BY indexname"))
                .containsExactly("public|items|items_embedding_idx|CREATE INDEX items_embedding_idx ON public.items "
                                + "USING hnsw (embedding vector_l2_ops)",
                        "public|items|items_ivf|CREATE INDEX items_ivf ON public.items "
                                + "USING ivfflat (embedding vector_cosine_ops) WITH (lists='1')",
                        "public|items|items_pkey|CREATE UNIQUE INDEX items_pkey ON public.items USING btree (id)");
        assertThat(rows("SELECT pg_get_indexdef('items_ivf'::regclass, 1, true), "
                + "pg_get_indexdef('items_ivf'::regclass, 2, true)")).containsExactly("embedding|");
    }

    @Test
    void pgIndexDescribesVectorIndexes() throws SQLException {
        assertThat(rows("SELECT c.relname, t.relname, i.indnatts, i.indisunique, i.indisprimary, i.indisvalid, "
                + "i.indkey, o.opcname, a.amname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                + "JOIN pg_class t ON t.oid = i.indrelid JOIN pg_opclass o ON o.oid = ANY(i.indclass) "
                + "JOIN pg_am a ON a.oid = o.opcmethod ORDER BY c.relname"))
                // int2vector and oidvector are arrays, printed as such ({2} where PostgreSQL prints 2)
                .containsExactly("items_embedding_idx|items|1|f|f|t|{2}|vector_l2_ops|hnsw",
                        "items_ivf|items|1|f|f|t|{2}|vector_cosine_ops|ivfflat",
                        "items_pkey|items|1|t|t|t|{1}|int8_ops|btree");
        assertThat(rows("SELECT c.relname, a.attname, a.attnum, a.atttypid, a.atttypmod, a.attnotnull "
                + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE c.relkind = 'i' ORDER BY c.relname"))
                .containsExactly("items_embedding_idx|embedding|1|16385|3|f", "items_ivf|embedding|1|16385|3|f",
                        "items_pkey|id|1|20|-1|f");
    }

    @Test
    void pgAttributeDescribesColumns() throws SQLException {
        assertThat(rows("SELECT a.attname, a.atttypid, a.atttypmod, a.attnotnull, a.atthasdef "
                + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE c.relname = 'items' "
                + "ORDER BY a.attnum"))
                .containsExactly("id|20|-1|t|t", "embedding|16385|3|f|f", "category|23|-1|f|f");
    }

    @Test
    void pgIndexAndPgConstraintDescribeThePrimaryKey() throws SQLException {
        assertThat(rows("SELECT i.indisprimary, i.indisunique, i.indkey, i.indclass FROM pg_index i "
                + "JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'items_pkey'"))
                .containsExactly("t|t|{1}|{3124}");
        assertThat(rows("SELECT conname, contype FROM pg_constraint")).containsExactly("items_pkey|p");
    }

    @Test
    void pgAttrdefHoldsTheSerialDefault() throws SQLException {
        assertThat(rows("SELECT adnum, adbin FROM pg_attrdef"))
                .containsExactly("1|nextval('items_id_seq'::regclass)");
    }

    @Test
    void rolesAreTheCatalogsAndTheDatabaseIsNamedByTheClient() throws SQLException {
        assertThat(rows("SELECT rolname, rolsuper FROM pg_roles ORDER BY oid"))
                .containsExactly("postgres|t", "pg_database_owner|f");
        assertThat(rows("SELECT usename FROM pg_user")).containsExactly("postgres");
        assertThat(rows("SELECT datname, encoding, datcollate FROM pg_database"))
                .containsExactly("quiver|6|C.UTF-8");
    }

    @Test
    void catalogsOfFeaturesQuiverLacksAreEmptyWithTheirColumns() throws SQLException {
        for (String table : List.of("pg_inherits", "pg_policy", "pg_statistic_ext", "pg_publication",
                "pg_publication_rel", "pg_publication_namespace", "pg_trigger", "pg_rewrite")) {
            assertThat(rows("SELECT * FROM pg_catalog." + table)).as(table).isEmpty();
        }
        assertThat(columns("SELECT * FROM pg_inherits"))
                .containsExactly("inhrelid", "inhparent", "inhseqno", "inhdetachpending");
    }

    @Test
    void informationSchemaDescribesTablesAndColumns() throws SQLException {
        assertThat(rows("SELECT table_schema, table_name, table_type FROM information_schema.tables"))
                .containsExactly("public|items|BASE TABLE");
        assertThat(rows("SELECT column_name, ordinal_position, is_nullable, data_type, udt_name "
                + "FROM information_schema.columns WHERE table_name = 'items' ORDER BY ordinal_position"))
                .containsExactly("id|1|NO|bigint|int8", "embedding|2|YES|USER-DEFINED|vector",
                        "category|3|YES|integer|int4");
        assertThat(rows("SELECT schema_name FROM information_schema.schemata ORDER BY schema_name"))
                .containsExactly("information_schema", "pg_catalog", "public");
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int count = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= count; i++) {
                    values.add(rs.getString(i));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    private static List<String> columns(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData metaData = rs.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                names.add(metaData.getColumnName(i));
            }
            return names;
        }
    }
}

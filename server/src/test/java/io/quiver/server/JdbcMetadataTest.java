package io.quiver.server;

import static io.quiver.server.SqlAssertions.execute;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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

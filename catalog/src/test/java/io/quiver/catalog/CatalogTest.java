package io.quiver.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import io.quiver.storage.StorageEngine;
import io.quiver.storage.StorageOptions;
import io.quiver.storage.StorageTransaction;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {
    @TempDir
    Path dataDirectory;

    private static TableDefinition items(long oid) {
        return new TableDefinition(oid, "public", "items",
                List.of(new ColumnDefinition("id", SqlType.of(PgType.INT8), true,
                                ColumnDefinition.nextvalDefault("items_id_seq"), false),
                        new ColumnDefinition("embedding", SqlType.vector(3), false, null, false)),
                List.of(0), "items_pkey", "my items");
    }

    @Test
    void committedDdlIsPublishedAndPersisted() {
        try (StorageEngine storage = StorageEngine.open(dataDirectory, StorageOptions.defaults())) {
            Catalog catalog = Catalog.open(storage);
            long before = catalog.current().version();
            try (StorageTransaction tx = storage.begin()) {
                CatalogTransaction ddl = catalog.begin(tx);
                ddl.createTable(items(ddl.allocateOid()));
                ddl.createExtension("vector", "0.8.6");
                assertThat(ddl.view().table(new QualifiedTableName("public", "items"))).isNotNull();
                assertThat(catalog.current().table(new QualifiedTableName("public", "items"))).isNull();
                tx.commit();
                ddl.publish();
            }
            assertThat(catalog.current().version()).isGreaterThan(before);
            assertThat(catalog.current().extensions()).containsEntry("vector", "0.8.6");
        }
        try (StorageEngine storage = StorageEngine.open(dataDirectory, StorageOptions.defaults())) {
            TableDefinition reloaded = Catalog.open(storage).current()
                    .table(new QualifiedTableName("public", "items"));
            assertThat(reloaded.columns()).extracting(c -> c.type().displayName())
                    .containsExactly("bigint", "vector(3)");
            assertThat(reloaded.column(0).sequenceName()).isEqualTo("items_id_seq");
            assertThat(reloaded.primaryKeyName()).isEqualTo("items_pkey");
            assertThat(reloaded.comment()).isEqualTo("my items");
        }
    }

    @Test
    void rolledBackDdlLeavesNothing() {
        try (StorageEngine storage = StorageEngine.open(dataDirectory, StorageOptions.defaults())) {
            Catalog catalog = Catalog.open(storage);
            try (StorageTransaction tx = storage.begin()) {
                CatalogTransaction ddl = catalog.begin(tx);
                ddl.createTable(items(ddl.allocateOid()));
                tx.rollback();
            }
            assertThat(catalog.current().tables()).isEmpty();
            assertThat(Catalog.open(storage).current().tables()).isEmpty();
        }
    }

    @Test
    void duplicateTableAndMissingSchemaAreRejected() {
        try (StorageEngine storage = StorageEngine.open(dataDirectory, StorageOptions.defaults())) {
            Catalog catalog = Catalog.open(storage);
            try (StorageTransaction tx = storage.begin()) {
                CatalogTransaction ddl = catalog.begin(tx);
                ddl.createTable(items(ddl.allocateOid()));
                assertThatThrownBy(() -> ddl.createTable(items(ddl.allocateOid())))
                        .isInstanceOf(QuiverException.class)
                        .hasMessage("relation \"items\" already exists")
                        .extracting(e -> ((QuiverException) e).state()).isEqualTo(SqlState.DUPLICATE_TABLE);
                TableDefinition elsewhere = new TableDefinition(ddl.allocateOid(), "nope", "t", List.of(), List.of(),
                        null, null);
                assertThatThrownBy(() -> ddl.createTable(elsewhere))
                        .extracting(e -> ((QuiverException) e).state()).isEqualTo(SqlState.INVALID_SCHEMA_NAME);
            }
        }
    }

    @Test
    void displayNamesFollowFormatType() {
        assertThat(new SqlType(PgType.VARCHAR, 24).displayName()).isEqualTo("character varying(20)");
        assertThat(new SqlType(PgType.NUMERIC, ((10 << 16) | 2) + 4).displayName()).isEqualTo("numeric(10,2)");
        assertThat(SqlType.of(PgType.FLOAT8).displayName()).isEqualTo("double precision");
        assertThat(SqlType.of(PgType.INT4_ARRAY).displayName()).isEqualTo("integer[]");
        assertThat(new SqlType(PgType.VECTOR, -1).displayName()).isEqualTo("vector");
    }
}

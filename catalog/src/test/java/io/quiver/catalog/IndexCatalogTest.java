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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCatalogTest {
    private static final QualifiedTableName ITEMS = new QualifiedTableName("public", "items");

    @TempDir
    Path dataDirectory;

    private static TableDefinition items(long oid) {
        return new TableDefinition(oid, "public", "items",
                List.of(new ColumnDefinition("id", SqlType.of(PgType.INT4), true, null, false),
                        new ColumnDefinition("embedding", SqlType.vector(3), false, null, false)),
                List.of(0), "items_pkey", null);
    }

    @Test
    void indexesArePersistedAndDroppedTransactionally() {
        try (StorageEngine storage = StorageEngine.open(dataDirectory, StorageOptions.defaults())) {
            Catalog catalog = Catalog.open(storage);
            try (StorageTransaction tx = storage.begin()) {
                CatalogTransaction ddl = catalog.begin(tx);
                ddl.createTable(items(ddl.allocateOid()));
                ddl.createIndex(ddl.view().table(ITEMS), new IndexDefinition(ddl.allocateOid(), "items_embedding_idx",
                        1, "hnsw", "vector_cosine_ops", Map.of("m", "8")));
                tx.commit();
                ddl.publish();
            }
            try (StorageTransaction tx = storage.begin()) {
                CatalogTransaction ddl = catalog.begin(tx);
                ddl.dropIndex(ddl.view().table(ITEMS), "items_embedding_idx");
                tx.rollback();
            }
        }
        try (StorageEngine storage = StorageEngine.open(dataDirectory, StorageOptions.defaults())) {
            CatalogState reloaded = Catalog.open(storage).current();
            IndexDefinition index = reloaded.table(ITEMS).index("items_embedding_idx");
            assertThat(index.column()).isEqualTo(1);
            assertThat(index.method()).isEqualTo("hnsw");
            assertThat(index.opclass()).isEqualTo("vector_cosine_ops");
            assertThat(index.options()).containsExactly(Map.entry("m", "8"));
            assertThat(reloaded.tableOfIndex("public", "items_embedding_idx").name()).isEqualTo("items");
        }
    }

    @Test
    void indexNamesShareTheRelationNamespace() {
        try (StorageEngine storage = StorageEngine.open(dataDirectory, StorageOptions.defaults());
             StorageTransaction tx = storage.begin()) {
            CatalogTransaction ddl = Catalog.open(storage).begin(tx);
            ddl.createTable(items(ddl.allocateOid()));
            assertThatThrownBy(() -> ddl.createIndex(ddl.view().table(ITEMS),
                    new IndexDefinition(ddl.allocateOid(), "items", 1, "hnsw", "vector_l2_ops", Map.of())))
                    .isInstanceOf(QuiverException.class)
                    .satisfies(e -> assertThat(((QuiverException) e).state()).isEqualTo(SqlState.DUPLICATE_TABLE));
            tx.rollback();
        }
    }
}

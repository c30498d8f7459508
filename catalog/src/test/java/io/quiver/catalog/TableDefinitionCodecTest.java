package io.quiver.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.common.type.PgType;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableDefinitionCodecTest {
    @Test
    void theMetadataModelRoundTrips() {
        TableDefinition table = new TableDefinition(16401, "public", "docs",
                List.of(new ColumnDefinition("id", SqlType.of(PgType.INT8), true, null, false),
                        new ColumnDefinition("body", SqlType.of(PgType.TEXT), false, null, false),
                        new ColumnDefinition("embedding", SqlType.vector(3), false, null, false)),
                List.of(0), "docs_pkey", "corpus")
                .withIndex(new IndexDefinition(16402, "docs_idx", 2, "hnsw", "vector_l2_ops", Map.of("m", "8")))
                .withoutColumn(1)
                .withColumn(new ColumnDefinition("lang", SqlType.of(PgType.TEXT), true, "'en'", false)
                        .withMissingValue("en").withComment("ISO 639-1"));

        TableDefinition decoded = TableDefinitionCodec.decode("table/public/docs", TableDefinitionCodec.encode(table));

        assertThat(decoded).isEqualTo(table);
        assertThat(decoded.columns()).extracting(ColumnDefinition::slot).containsExactly(0, 2, 3);
        assertThat(decoded.slotTypes()).containsExactly(PgType.INT8, PgType.TEXT, PgType.VECTOR, PgType.TEXT);
        assertThat(decoded.index("docs_idx").column()).isEqualTo(1);
        assertThat(decoded.column(2).missingValue()).isEqualTo("en");
    }

    @Test
    void recordsOfTheFormatBeforeTheMetadataModelStillLoad() throws IOException {
        TableDefinition table = TableDefinitionCodec.decode("table/public/items", legacyRecord(2));

        assertThat(table.name()).isEqualTo("items");
        assertThat(table.columns()).extracting(ColumnDefinition::slot).containsExactly(0, 1);
        assertThat(table.primaryKeyName()).isEqualTo("items_pkey");
        assertThat(table.uuid()).isEqualTo(TableDefinition.legacyUuid(16401));
        assertThat(table.state()).isEqualTo(CollectionState.SERVING);
        assertThat(table.version()).isEqualTo(1);
        assertThat(table.index("items_embedding_idx").state()).isEqualTo(IndexBuildState.READY);
    }

    @Test
    void recordsOfTheFormatBeforeIndexesStillLoad() throws IOException {
        TableDefinition table = TableDefinitionCodec.decode("table/public/items", legacyRecord(1));

        assertThat(table.columns()).extracting(ColumnDefinition::name).containsExactly("id", "embedding");
        assertThat(table.indexes()).isEmpty();
    }

    /** A record as formats 1 (without indexes) and 2 (with one) wrote it. */
    private static byte[] legacyRecord(int format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(format);
            out.writeLong(16401);
            out.writeUTF("public");
            out.writeUTF("items");
            out.writeInt(2);
            column(out, "id", PgType.INT4.oid());
            column(out, "embedding", PgType.VECTOR.oid());
            out.writeInt(1);
            out.writeInt(0);
            out.writeBoolean(true);
            out.writeUTF("items_pkey");
            out.writeBoolean(false);
            if (format == 2) {
                out.writeInt(1);
                out.writeLong(16402);
                out.writeUTF("items_embedding_idx");
                out.writeInt(1);
                out.writeUTF("hnsw");
                out.writeUTF("vector_l2_ops");
                out.writeInt(0);
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void droppingAColumnKeepsItsSlotAndTakesItsIndexesAndKey() {
        TableDefinition table = new TableDefinition(1, "public", "t",
                List.of(new ColumnDefinition("a", SqlType.of(PgType.INT4), true, null, false),
                        new ColumnDefinition("v", SqlType.vector(2), false, null, false),
                        new ColumnDefinition("w", SqlType.vector(2), false, null, false)),
                List.of(0), "t_pkey", null)
                .withIndex(new IndexDefinition(2, "v_idx", 1, "hnsw", "vector_l2_ops", Map.of()))
                .withIndex(new IndexDefinition(3, "w_idx", 2, "hnsw", "vector_l2_ops", Map.of()));

        TableDefinition withoutV = table.withoutColumn(1);
        assertThat(withoutV.indexes()).extracting(IndexDefinition::name, IndexDefinition::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("w_idx", 1));
        assertThat(withoutV.droppedColumns()).containsExactly(new DroppedColumn(1, PgType.VECTOR));
        assertThat(withoutV.withColumn(new ColumnDefinition("x", SqlType.of(PgType.TEXT), false, null, false))
                .column(2).slot()).isEqualTo(3);

        TableDefinition withoutKey = table.withoutColumn(0);
        assertThat(withoutKey.primaryKey()).isEmpty();
        assertThat(withoutKey.primaryKeyName()).isNull();
    }

    private static void column(DataOutputStream out, String name, int typeOid) throws IOException {
        out.writeUTF(name);
        out.writeInt(typeOid);
        out.writeInt(-1);
        out.writeBoolean(false);
        out.writeBoolean(false);
        out.writeBoolean(false);
    }
}

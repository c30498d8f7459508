package io.quiver.catalog;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import io.quiver.storage.codec.RowCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The persistent form of a {@link TableDefinition}: a versioned binary record in the catalog's meta map.
 * Version 2 appended the vector indexes; version 3 the metadata model (uuid, version, creation time, column
 * slots, missing values and comments, dropped columns, index creation times and comments); version 4 each
 * index's key columns and uniqueness (B-tree indexes); version 5 the key of expression indexes. Records of
 * versions 1 and 2 still load: their columns take the slots of their positions, their uuid derives from the OID.
 */
final class TableDefinitionCodec {
    private static final int FORMAT_VERSION = 5;
    private static final int FORMAT_WITH_KEY_COLUMNS = 4;
    private static final int FORMAT_WITH_METADATA = 3;
    private static final int FORMAT_WITH_INDEXES = 2;
    private static final int FORMAT_WITHOUT_INDEXES = 1;

    private TableDefinitionCodec() {
    }

    static byte[] encode(TableDefinition table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            out.writeLong(table.oid());
            out.writeUTF(table.schema());
            out.writeUTF(table.name());
            out.writeInt(table.columns().size());
            for (ColumnDefinition column : table.columns()) {
                out.writeUTF(column.name());
                out.writeInt(column.type().type().oid());
                out.writeInt(column.type().typmod());
                out.writeBoolean(column.notNull());
                writeNullable(out, column.defaultSql());
                out.writeBoolean(column.identity());
                out.writeInt(column.slot());
                writeMissingValue(out, column);
                writeNullable(out, column.comment());
            }
            out.writeInt(table.primaryKey().size());
            for (int index : table.primaryKey()) {
                out.writeInt(index);
            }
            writeNullable(out, table.primaryKeyName());
            writeNullable(out, table.comment());
            out.writeInt(table.indexes().size());
            for (IndexDefinition index : table.indexes()) {
                out.writeLong(index.oid());
                out.writeUTF(index.name());
                out.writeInt(index.column());
                out.writeUTF(index.method());
                out.writeUTF(index.opclass());
                out.writeInt(index.options().size());
                for (Map.Entry<String, String> option : index.options().entrySet()) {
                    out.writeUTF(option.getKey());
                    out.writeUTF(option.getValue());
                }
                out.writeLong(index.createdAtMillis());
                writeNullable(out, index.comment());
                out.writeBoolean(index.unique());
                out.writeInt(index.columns().size());
                for (int column : index.columns()) {
                    out.writeInt(column);
                }
                out.writeBoolean(index.expression() != null);
                if (index.expression() != null) {
                    index.expression().write(out);
                }
            }
            out.writeLong(table.uuid().getMostSignificantBits());
            out.writeLong(table.uuid().getLeastSignificantBits());
            out.writeLong(table.version());
            out.writeLong(table.createdAtMillis());
            out.writeInt(table.droppedColumns().size());
            for (DroppedColumn dropped : table.droppedColumns()) {
                out.writeInt(dropped.slot());
                out.writeInt(dropped.type().oid());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static TableDefinition decode(String key, byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT_VERSION && format != FORMAT_WITH_KEY_COLUMNS && format != FORMAT_WITH_METADATA
                    && format != FORMAT_WITH_INDEXES
                    && format != FORMAT_WITHOUT_INDEXES) {
                throw new QuiverException(SqlState.DATA_CORRUPTED,
                        "catalog entry " + key + " has unknown format version " + format);
            }
            long oid = in.readLong();
            String schema = in.readUTF();
            String name = in.readUTF();
            int columnCount = in.readInt();
            List<ColumnDefinition> columns = new ArrayList<>(columnCount);
            for (int i = 0; i < columnCount; i++) {
                String columnName = in.readUTF();
                SqlType sqlType = new SqlType(readType(in, key), in.readInt());
                boolean notNull = in.readBoolean();
                String defaultSql = readNullable(in);
                boolean identity = in.readBoolean();
                ColumnDefinition column = new ColumnDefinition(columnName, sqlType, notNull, defaultSql, identity);
                if (format >= FORMAT_WITH_METADATA) {
                    int slot = in.readInt();
                    column = new ColumnDefinition(columnName, sqlType, notNull, defaultSql, identity, slot,
                            readMissingValue(in, sqlType.type()), readNullable(in));
                }
                columns.add(column);
            }
            int keyCount = in.readInt();
            List<Integer> primaryKey = new ArrayList<>(keyCount);
            for (int i = 0; i < keyCount; i++) {
                primaryKey.add(in.readInt());
            }
            String primaryKeyName = readNullable(in);
            String comment = readNullable(in);
            List<IndexDefinition> indexes = format == FORMAT_WITHOUT_INDEXES ? List.of() : readIndexes(in, format);
            if (format < FORMAT_WITH_METADATA) {
                return new TableDefinition(oid, schema, name, columns, primaryKey, primaryKeyName, comment, indexes,
                        TableDefinition.legacyUuid(oid), CollectionState.SERVING, 1, 0, List.of());
            }
            UUID uuid = new UUID(in.readLong(), in.readLong());
            long version = in.readLong();
            long createdAt = in.readLong();
            int droppedCount = in.readInt();
            List<DroppedColumn> dropped = new ArrayList<>(droppedCount);
            for (int i = 0; i < droppedCount; i++) {
                dropped.add(new DroppedColumn(in.readInt(), readType(in, key)));
            }
            return new TableDefinition(oid, schema, name, columns, primaryKey, primaryKeyName, comment, indexes, uuid,
                    CollectionState.SERVING, version, createdAt, dropped);
        } catch (IOException e) {
            throw new QuiverException(SqlState.DATA_CORRUPTED, "catalog entry " + key + " is truncated", e);
        }
    }

    private static PgType readType(DataInputStream in, String key) throws IOException {
        int typeOid = in.readInt();
        PgType type = PgType.byOid(typeOid);
        if (type == null) {
            throw new QuiverException(SqlState.DATA_CORRUPTED,
                    "catalog entry " + key + " names unknown type OID " + typeOid);
        }
        return type;
    }

    /** The missing value in its stored binary form: a one-column row. */
    private static void writeMissingValue(DataOutputStream out, ColumnDefinition column) throws IOException {
        boolean present = column.missingValue() != null;
        out.writeBoolean(present);
        if (present) {
            byte[] encoded = new RowCodec(List.of(column.type().type())).encode(new Object[] {column.missingValue()});
            out.writeInt(encoded.length);
            out.write(encoded);
        }
    }

    private static Object readMissingValue(DataInputStream in, PgType type) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        byte[] encoded = in.readNBytes(in.readInt());
        return new RowCodec(List.of(type)).decode(encoded)[0];
    }

    private static List<IndexDefinition> readIndexes(DataInputStream in, int format) throws IOException {
        int count = in.readInt();
        List<IndexDefinition> indexes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long oid = in.readLong();
            String name = in.readUTF();
            int column = in.readInt();
            String method = in.readUTF();
            String opclass = in.readUTF();
            int optionCount = in.readInt();
            Map<String, String> options = new LinkedHashMap<>();
            for (int j = 0; j < optionCount; j++) {
                options.put(in.readUTF(), in.readUTF());
            }
            long createdAt = format >= FORMAT_WITH_METADATA ? in.readLong() : 0;
            String comment = format >= FORMAT_WITH_METADATA ? readNullable(in) : null;
            boolean unique = false;
            List<Integer> columns = List.of(column);
            if (format >= FORMAT_WITH_KEY_COLUMNS) {
                unique = in.readBoolean();
                int columnCount = in.readInt();
                List<Integer> keyColumns = new ArrayList<>(columnCount);
                for (int j = 0; j < columnCount; j++) {
                    keyColumns.add(in.readInt());
                }
                columns = keyColumns;
            }
            IndexExpression.Call expression = format >= FORMAT_VERSION && in.readBoolean()
                    ? (IndexExpression.Call) IndexExpression.read(in) : null;
            indexes.add(new IndexDefinition(oid, name, columns, method, opclass, options, IndexBuildState.READY,
                    createdAt, comment, unique, expression));
        }
        return indexes;
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}

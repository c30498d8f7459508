package io.quiver.catalog;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
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

/**
 * The persistent form of a {@link TableDefinition}: a versioned binary record in the catalog's meta map.
 * Version 2 appends the vector indexes; version 1 records (written before indexes existed) still load.
 */
final class TableDefinitionCodec {
    private static final int FORMAT_VERSION = 2;
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
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static TableDefinition decode(String key, byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT_VERSION && format != FORMAT_WITHOUT_INDEXES) {
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
                int typeOid = in.readInt();
                PgType type = PgType.byOid(typeOid);
                if (type == null) {
                    throw new QuiverException(SqlState.DATA_CORRUPTED,
                            "catalog entry " + key + " names unknown type OID " + typeOid);
                }
                SqlType sqlType = new SqlType(type, in.readInt());
                boolean notNull = in.readBoolean();
                String defaultSql = readNullable(in);
                columns.add(new ColumnDefinition(columnName, sqlType, notNull, defaultSql, in.readBoolean()));
            }
            int keyCount = in.readInt();
            List<Integer> primaryKey = new ArrayList<>(keyCount);
            for (int i = 0; i < keyCount; i++) {
                primaryKey.add(in.readInt());
            }
            String primaryKeyName = readNullable(in);
            String comment = readNullable(in);
            List<IndexDefinition> indexes = format == FORMAT_WITHOUT_INDEXES ? List.of() : readIndexes(in);
            return new TableDefinition(oid, schema, name, columns, primaryKey, primaryKeyName, comment, indexes);
        } catch (IOException e) {
            throw new QuiverException(SqlState.DATA_CORRUPTED, "catalog entry " + key + " is truncated", e);
        }
    }

    private static List<IndexDefinition> readIndexes(DataInputStream in) throws IOException {
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
            indexes.add(new IndexDefinition(oid, name, column, method, opclass, options));
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

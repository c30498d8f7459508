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
import java.util.List;

/** The persistent form of a {@link TableDefinition}: a versioned binary record in the catalog's meta map. */
final class TableDefinitionCodec {
    private static final int FORMAT_VERSION = 1;

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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static TableDefinition decode(String key, byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT_VERSION) {
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
            return new TableDefinition(oid, schema, name, columns, primaryKey, primaryKeyName, comment);
        } catch (IOException e) {
            throw new QuiverException(SqlState.DATA_CORRUPTED, "catalog entry " + key + " is truncated", e);
        }
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

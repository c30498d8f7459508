package io.quiver.storage.codec;

import io.quiver.common.type.PgType;
import java.util.List;

/**
 * Encodes a row as: column count, a bitmap of the non-null columns, then each non-null value in its
 * binary form. Rows written before columns were added decode with the missing trailing columns as NULL.
 */
public final class RowCodec {
    private final PgType[] types;

    public RowCodec(List<PgType> columnTypes) {
        this.types = columnTypes.toArray(PgType[]::new);
    }

    public byte[] encode(Object[] row) {
        if (row.length != types.length) {
            throw new IllegalArgumentException("row has " + row.length + " values, the table " + types.length + " columns");
        }
        ByteWriter out = new ByteWriter(32 + 8 * row.length);
        out.writeVarLong(row.length);
        int bitmap = out.skip(bitmapBytes(row.length));
        for (int i = 0; i < row.length; i++) {
            if (row[i] != null) {
                out.setBit(bitmap, i);
                ValueCodec.write(out, types[i], row[i]);
            }
        }
        return out.toByteArray();
    }

    public Object[] decode(byte[] encoded) {
        ByteReader in = new ByteReader(encoded);
        long stored = in.readVarLong();
        if (stored < 0 || stored > types.length) {
            throw ByteReader.corrupted(stored + " columns stored for a table of " + types.length);
        }
        int count = (int) stored;
        int bitmap = in.skip(bitmapBytes(count));
        Object[] row = new Object[types.length];
        for (int i = 0; i < count; i++) {
            if (in.bit(bitmap, i)) {
                row[i] = ValueCodec.read(in, types[i]);
            }
        }
        if (!in.atEnd()) {
            throw ByteReader.corrupted((encoded.length - in.position()) + " trailing bytes");
        }
        return row;
    }

    private static int bitmapBytes(int columns) {
        return (columns + 7) >>> 3;
    }
}

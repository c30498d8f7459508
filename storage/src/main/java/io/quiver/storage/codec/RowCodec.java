package io.quiver.storage.codec;

import io.quiver.common.type.PgType;
import java.util.List;

/**
 * Encodes a row as: slot count, a bitmap of the non-null slots, then each non-null value in its binary form.
 * Rows are read and written in column order and stored in slot order ({@link RowLayout}): a dropped
 * column's slot is written as NULL and skipped when read; rows stored before a column was added lack its
 * slot and read its missing value. Rows stored with slots a reader does not know yet (written after a
 * column was added by a newer catalog version) read without them. With compression on, rows are stored
 * LZ4-compressed where that pays ({@link AdaptiveCompression}); compressed and raw rows both read, either way.
 */
public final class RowCodec {
    private final PgType[] slotTypes;
    private final RowLayout layout;
    /** Null when compression is off. */
    private final AdaptiveCompression compression;

    public RowCodec(List<PgType> columnTypes) {
        this(RowLayout.identity(columnTypes));
    }

    public RowCodec(RowLayout layout) {
        this(layout, false);
    }

    public RowCodec(RowLayout layout, boolean compress) {
        this.layout = layout;
        this.slotTypes = layout.slotTypes().toArray(PgType[]::new);
        this.compression = compress ? new AdaptiveCompression() : null;
    }

    public byte[] encode(Object[] row) {
        if (row.length != layout.columnCount()) {
            throw new IllegalArgumentException("row has " + row.length + " values, the table " + layout.columnCount()
                    + " columns");
        }
        Object[] slots = new Object[slotTypes.length];
        for (int i = 0; i < row.length; i++) {
            slots[layout.slotOf(i)] = row[i];
        }
        ByteWriter out = new ByteWriter(32 + 8 * slots.length);
        out.writeVarLong(slots.length);
        int bitmap = out.skip(bitmapBytes(slots.length));
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != null) {
                out.setBit(bitmap, i);
                ValueCodec.write(out, slotTypes[i], slots[i]);
            }
        }
        return compression == null ? out.toByteArray() : compression.store(out.toByteArray());
    }

    public Object[] decode(byte[] storedRow) {
        byte[] encoded = RowCompression.decompress(storedRow);
        ByteReader in = new ByteReader(encoded);
        long stored = in.readVarLong();
        if (stored < 0 || stored > encoded.length * 8L) {
            throw ByteReader.corrupted(stored + " slots stored in a row of " + encoded.length + " bytes");
        }
        int count = (int) stored;
        int bitmap = in.skip(bitmapBytes(count));
        int known = Math.min(count, slotTypes.length);
        Object[] slots = new Object[known];
        for (int i = 0; i < known; i++) {
            if (in.bit(bitmap, i)) {
                slots[i] = ValueCodec.read(in, slotTypes[i]);
            }
        }
        if (count <= slotTypes.length && !in.atEnd()) {
            throw ByteReader.corrupted((encoded.length - in.position()) + " trailing bytes");
        }
        Object[] row = new Object[layout.columnCount()];
        for (int i = 0; i < row.length; i++) {
            int slot = layout.slotOf(i);
            row[i] = slot < known ? slots[slot] : layout.missingValue(i);
        }
        return row;
    }

    private static int bitmapBytes(int columns) {
        return (columns + 7) >>> 3;
    }
}

package io.quiver.index;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;

import java.util.Arrays;

/**
 * One table's vectors held in memory for scans and index builds, each under a dense slot. Vectors sit
 * back to back in chunks of {@value #CHUNK_ROWS} rows, so a scan streams through large float arrays and
 * growing never copies more than one chunk. A deleted or updated row keeps its slot, marked in a bitmap;
 * slots are never reused, which lets indexes key their entries by slot.
 *
 * <p>A {@link #variableWidth()} column holds vectors of any length back to back (sparse vectors, which
 * carry their own length), each chunk recording where each row starts.
 *
 * <p>Writers (append, delete) must be serialised by the caller; any number of readers may run beside
 * one writer: a reader sees every slot below the {@link #size()} it read.
 */
public final class VectorColumn {
    static final int CHUNK_SHIFT = 14;
    static final int CHUNK_ROWS = 1 << CHUNK_SHIFT;
    private static final int CHUNK_MASK = CHUNK_ROWS - 1;
    /** Rows the first allocation of a chunk holds, so a small table does not pay for a whole chunk. */
    private static final int INITIAL_CHUNK_ROWS = 64;

    /** The {@link #dimensions()} of a variable-width column. */
    public static final int VARIABLE = -1;

    private final int dimensions;
    private final RowIdSlotMap slotsByRowId = new RowIdSlotMap();
    private volatile Chunk[] chunks = new Chunk[0];
    private volatile int size;
    private volatile int deletedCount;

    public VectorColumn(int dimensions) {
        if (dimensions < 1) {
            throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE, "column does not have dimensions");
        }
        this.dimensions = dimensions;
    }

    private VectorColumn() {
        this.dimensions = VARIABLE;
    }

    /** A column whose vectors may each have their own length. */
    public static VectorColumn variableWidth() {
        return new VectorColumn();
    }

    /** Floats per vector, or {@link #VARIABLE}. */
    public int dimensions() {
        return dimensions;
    }

    public boolean isVariableWidth() {
        return dimensions == VARIABLE;
    }

    /** Slots handed out so far, deleted ones included: every slot is below this. */
    public int size() {
        return size;
    }

    public int liveCount() {
        return size - deletedCount;
    }

    /**
     * Stores the vector of a storage row and returns its slot. A row id seen before is an update: the old
     * slot is deleted and the row moves to the new one.
     */
    public int append(long rowId, float[] vector) {
        if (dimensions != VARIABLE && vector.length != dimensions) {
            throw QuiverException.of(SqlState.DATA_EXCEPTION, "expected %d dimensions, not %d",
                    dimensions, vector.length);
        }
        int previous = slotsByRowId.get(rowId);
        if (previous >= 0) {
            deleteSlot(previous);
        }
        int slot = size;
        Chunk chunk = chunkForAppend(slot);
        int row = slot & CHUNK_MASK;
        int start = chunk.reserve(row, vector.length, dimensions);
        System.arraycopy(vector, 0, chunk.vectors, start, vector.length);
        chunk.rowIds[row] = rowId;
        slotsByRowId.put(rowId, slot);
        size = slot + 1;
        return slot;
    }

    /** Marks a storage row's vector deleted; false when the row is not here (or already deleted). */
    public boolean delete(long rowId) {
        int slot = slotOf(rowId);
        if (slot < 0) {
            return false;
        }
        deleteSlot(slot);
        return true;
    }

    public void deleteSlot(int slot) {
        Chunk chunk = chunks[slot >>> CHUNK_SHIFT];
        int row = slot & CHUNK_MASK;
        long bit = 1L << row;
        if ((chunk.deleted[row >>> 6] & bit) == 0) {
            chunk.deleted[row >>> 6] |= bit;
            deletedCount++;
        }
    }

    public boolean isLive(int slot) {
        Chunk chunk = chunks[slot >>> CHUNK_SHIFT];
        int row = slot & CHUNK_MASK;
        return (chunk.deleted[row >>> 6] & (1L << row)) == 0;
    }

    /** The live slot of a storage row, or -1. */
    public int slotOf(long rowId) {
        int slot = slotsByRowId.get(rowId);
        return slot >= 0 && isLive(slot) ? slot : -1;
    }

    public long rowIdOf(int slot) {
        return chunks[slot >>> CHUNK_SHIFT].rowIds[slot & CHUNK_MASK];
    }

    /** A copy of the vector in {@code slot}. */
    public float[] get(int slot) {
        float[] vector = new float[length(slot)];
        System.arraycopy(data(slot), offset(slot), vector, 0, vector.length);
        return vector;
    }

    /** The floats of the vector in {@code slot}. */
    int length(int slot) {
        return dimensions != VARIABLE ? dimensions : chunks[slot >>> CHUNK_SHIFT].length(slot & CHUNK_MASK);
    }

    /** The array holding {@code slot}'s vector, for the distance kernels; read it at {@link #offset(int)}. */
    float[] data(int slot) {
        return chunks[slot >>> CHUNK_SHIFT].vectors;
    }

    int offset(int slot) {
        return dimensions != VARIABLE ? (slot & CHUNK_MASK) * dimensions
                : chunks[slot >>> CHUNK_SHIFT].starts[slot & CHUNK_MASK];
    }

    /** The vector array of chunk {@code index}, which holds slots from {@code index << CHUNK_SHIFT}. */
    float[] chunkData(int index) {
        return chunks[index].vectors;
    }

    public long memoryBytes() {
        long bytes = slotsByRowId.memoryBytes();
        for (Chunk chunk : chunks) {
            bytes += chunk.vectors.length * (long) Float.BYTES + chunk.rowIds.length * (long) Long.BYTES
                    + chunk.deleted.length * (long) Long.BYTES
                    + (chunk.starts == null ? 0 : 2L * chunk.starts.length * Integer.BYTES);
        }
        return bytes;
    }

    private Chunk chunkForAppend(int slot) {
        int index = slot >>> CHUNK_SHIFT;
        Chunk[] current = chunks;
        if (index == current.length) {
            Chunk[] grown = Arrays.copyOf(current, index + 1);
            grown[index] = new Chunk(Math.min(INITIAL_CHUNK_ROWS, CHUNK_ROWS), dimensions);
            chunks = grown;
            return grown[index];
        }
        Chunk chunk = current[index];
        int row = slot & CHUNK_MASK;
        if (row == chunk.rowIds.length) {
            chunk.grow(Math.min(row * 2, CHUNK_ROWS), dimensions);
        }
        return chunk;
    }

    private static final class Chunk {
        float[] vectors;
        long[] rowIds;
        /** Where each row's vector starts in {@code vectors}, and its length, in a variable-width column; else null. */
        int[] starts;
        int[] lengths;
        /** The floats of {@code vectors} in use, in a variable-width column. */
        int used;
        final long[] deleted = new long[CHUNK_ROWS / Long.SIZE];

        Chunk(int rows, int dimensions) {
            vectors = new float[rows * Math.max(dimensions, 1)];
            rowIds = new long[rows];
            starts = dimensions == VARIABLE ? new int[rows] : null;
            lengths = dimensions == VARIABLE ? new int[rows] : null;
        }

        void grow(int rows, int dimensions) {
            if (dimensions != VARIABLE) {
                vectors = Arrays.copyOf(vectors, rows * dimensions);
            } else {
                starts = Arrays.copyOf(starts, rows);
                lengths = Arrays.copyOf(lengths, rows);
            }
            rowIds = Arrays.copyOf(rowIds, rows);
        }

        /** Where row {@code row}'s vector of {@code length} floats goes, growing a variable-width chunk for it. */
        int reserve(int row, int length, int dimensions) {
            if (dimensions != VARIABLE) {
                return row * dimensions;
            }
            if (used + length > vectors.length) {
                vectors = Arrays.copyOf(vectors, Math.max(used + length, 2 * vectors.length));
            }
            starts[row] = used;
            lengths[row] = length;
            used += length;
            return starts[row];
        }

        int length(int row) {
            return lengths[row];
        }
    }
}

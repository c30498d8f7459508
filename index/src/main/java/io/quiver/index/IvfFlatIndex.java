package io.quiver.index;

import io.quiver.common.type.PgType;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;

/**
 * pgvector's IVFFlat: k-means centres trained on a sample, each vector filed under its nearest centre in
 * a list that keeps a compact float32 copy of it, and a search that scans the {@code probes} lists nearest
 * the query. Built over an empty column it stays untrained and searches exactly, training itself once the
 * table has grown enough for a sample worth the name; it never answers wrongly, only more slowly. Quantized
 * ({@code WITH (quantization = ...)}), the lists keep codes instead of the float32 copies, trained with the
 * centres; a search ranks the probed lists' codes and re-ranks the best candidates with the column's vectors.
 */
public final class IvfFlatIndex implements VectorIndex {
    /** pgvector samples 50 rows per list for k-means. */
    static final int SAMPLE_ROWS_PER_LIST = 50;
    /** An untrained index trains once the column has this many rows (or 50 per list, if fewer). */
    static final int TRAIN_AT_ROWS = 100_000;
    private static final long SEED = 0x5157_4956L;

    private final VectorColumn column;
    private final DistanceKind kind;
    private final IndexOptions.IvfFlat options;
    private final BitSet indexed = new BitSet();
    private float[] centers;
    private InvertedList[] lists;
    /** The lists' codebook, when quantized (trained with the centres). */
    private Quantizer quantizer;
    private Duration buildTime = Duration.ZERO;
    private String notice;

    private IvfFlatIndex(VectorColumn column, DistanceKind kind, IndexOptions.IvfFlat options) {
        // The widest any type allows; CREATE INDEX has checked the column's own type's limit.
        IndexOptions.checkDimensions("ivfflat", PgType.HALFVEC, column.dimensions());
        this.column = column;
        this.kind = kind;
        this.options = options;
    }

    public static IvfFlatIndex build(VectorColumn column, DistanceKind kind, IndexOptions.IvfFlat options) {
        return build(column, kind, options, new BuildProgress());
    }

    /** Builds the index, reporting pgvector's phases (k-means, then assigning tuples) to {@code progress}. */
    public static IvfFlatIndex build(VectorColumn column, DistanceKind kind, IndexOptions.IvfFlat options,
                                     BuildProgress progress) {
        IvfFlatIndex index = new IvfFlatIndex(column, kind, options);
        long start = System.nanoTime();
        if (column.liveCount() > 0) {
            index.train(progress);
        }
        index.buildTime = Duration.ofNanos(System.nanoTime() - start);
        return index;
    }

    /**
     * pgvector's NOTICE for an index trained on fewer rows than lists ("ivfflat index created with little
     * data", with its detail and hint), for the executor to send; empty otherwise.
     */
    public Optional<String> notice() {
        return Optional.ofNullable(notice);
    }

    public boolean trained() {
        return centers != null;
    }

    @Override
    public String accessMethod() {
        return "ivfflat";
    }

    @Override
    public DistanceKind distanceKind() {
        return kind;
    }

    @Override
    public VectorColumn column() {
        return column;
    }

    @Override
    public synchronized void insert(int slot) {
        if (!trained()) {
            if (column.liveCount() >= Math.min(TRAIN_AT_ROWS, options.lists() * SAMPLE_ROWS_PER_LIST)) {
                train(new BuildProgress());
            }
            return;
        }
        if (!indexed.get(slot) && indexable(slot)) {
            float[] data = column.data(slot);
            int offset = column.offset(slot);
            lists[nearestList(data, offset)].add(slot, data, offset);
            indexed.set(slot);
        }
    }

    /** Deleted rows are skipped through the column and left out when the index is saved. */
    @Override
    public void delete(int slot) {
    }

    /** Replaces each list by a copy without its deleted slots; cursors already open keep the lists they hold. */
    @Override
    public synchronized void vacuum() {
        if (!trained()) {
            return;
        }
        for (int i = 0; i < lists.length; i++) {
            InvertedList list = lists[i];
            InvertedList live = list.emptyCopy();
            for (int j = 0; j < list.size; j++) {
                if (column.isLive(list.slots[j])) {
                    live.copyEntry(list, j);
                } else {
                    indexed.clear(list.slots[j]);
                }
            }
            lists[i] = live;
        }
    }

    @Override
    public synchronized NeighborCursor open(float[] query, SearchOptions searchOptions) {
        ExactScan.checkQuery(column, query);
        if (!trained()) {
            return new ExactCursor(column, kind, query, searchOptions.filter(), Math.max(1, searchOptions.probes()),
                    new BitSet());
        }
        return new Cursor(query, listsByDistance(query), Math.min(Math.max(1, searchOptions.probes()), lists.length),
                searchOptions.filter(), options.quantization().candidates(searchOptions.limit(), 1));
    }

    @Override
    public synchronized IndexStats stats() {
        long memory = indexed.size() / 8 + (quantizer == null ? 0 : quantizer.memoryBytes());
        int entries = 0;
        int largest = 0;
        if (trained()) {
            memory += centers.length * (long) Float.BYTES;
            for (InvertedList list : lists) {
                entries += list.size;
                largest = Math.max(largest, list.size);
                memory += list.memoryBytes();
            }
        }
        return new IndexStats("ivfflat", entries, memory, buildTime, Double.NaN, trained() ? lists.length : 0,
                largest);
    }

    /**
     * Meta body: lists, whether trained, then the centres and each list's live entries as (row id, vector),
     * so that loading needs neither k-means nor the column's slots to be those of the save.
     */
    @Override
    public synchronized void save(Path directory) {
        IndexFiles.write(directory, "ivfflat", kind, column.dimensions(), options.quantization(), out -> {
            out.writeInt(options.lists());
            out.writeBoolean(trained());
            if (!trained()) {
                return;
            }
            out.writeInt(lists.length);
            Quantizer.writeFloats(out, centers);
            if (quantizer != null) {
                quantizer.write(out);
            }
            for (InvertedList list : lists) {
                int live = 0;
                for (int i = 0; i < list.size; i++) {
                    live += column.isLive(list.slots[i]) ? 1 : 0;
                }
                out.writeInt(live);
                for (int i = 0; i < list.size; i++) {
                    if (column.isLive(list.slots[i])) {
                        out.writeLong(column.rowIdOf(list.slots[i]));
                        list.writeEntry(out, i);
                    }
                }
            }
        });
    }

    static IvfFlatIndex load(DataInputStream meta, DistanceKind kind, IndexOptions.Quantization quantization,
                             VectorColumn column) throws IOException {
        long start = System.nanoTime();
        IvfFlatIndex index = new IvfFlatIndex(column, kind, new IndexOptions.IvfFlat(meta.readInt(), quantization));
        if (meta.readBoolean()) {
            int dims = column.dimensions();
            int listCount = meta.readInt();
            index.centers = Quantizer.readFloats(meta, listCount * dims);
            if (quantization.quantized()) {
                index.quantizer = Quantizer.read(meta, quantization, kind, dims);
            }
            index.lists = new InvertedList[listCount];
            for (int l = 0; l < listCount; l++) {
                InvertedList list = index.lists[l] = new InvertedList(dims, index.quantizer);
                int entries = meta.readInt();
                for (int e = 0; e < entries; e++) {
                    int slot = column.slotOf(meta.readLong());
                    list.readEntry(meta, slot);
                    if (slot >= 0) {
                        index.indexed.set(slot);
                    } else {
                        list.size--;
                    }
                }
            }
        }
        index.insertLiveRows();
        index.buildTime = Duration.ofNanos(System.nanoTime() - start);
        return index;
    }

    private void train(BuildProgress progress) {
        int dims = column.dimensions();
        int[] sample = sampleSlots(options.lists() * SAMPLE_ROWS_PER_LIST);
        progress.start(BuildProgress.PERFORMING_KMEANS, sample.length);
        if (sample.length < options.lists()) {
            notice = "ivfflat index created with little data";
        }
        float[] points = new float[sample.length * dims];
        for (int i = 0; i < sample.length; i++) {
            System.arraycopy(column.data(sample[i]), column.offset(sample[i]), points, i * dims, dims);
        }
        centers = sample.length == 0 ? new float[options.lists() * dims]
                : kind.trainCentres(points, sample.length, dims, options.lists(), SEED);
        if (options.quantization().quantized()) {
            quantizer = Quantizer.train(options.quantization(), kind, column, sampleSlots(Quantizer.SAMPLE_ROWS));
        }
        lists = new InvertedList[options.lists()];
        Arrays.setAll(lists, i -> new InvertedList(dims, quantizer));
        int size = column.size();
        progress.start(BuildProgress.ASSIGNING_TUPLES, column.liveCount());
        for (int slot = 0; slot < size && !progress.stopRequested(); slot++) {
            if (column.isLive(slot)) {
                insert(slot);
                progress.tupleDone();
            }
        }
    }

    /** Up to {@code count} live indexable slots, evenly spaced so the sample is deterministic. */
    private int[] sampleSlots(int count) {
        int[] live = new int[column.liveCount()];
        int found = 0;
        int size = column.size();
        for (int slot = 0; slot < size && found < live.length; slot++) {
            if (indexable(slot)) {
                live[found++] = slot;
            }
        }
        if (found <= count) {
            return Arrays.copyOf(live, found);
        }
        int[] sample = new int[count];
        for (int i = 0; i < count; i++) {
            sample[i] = live[(int) ((long) i * found / count)];
        }
        return sample;
    }

    private boolean indexable(int slot) {
        return column.isLive(slot) && kind.indexable(column.data(slot), column.offset(slot), column.dimensions());
    }

    private int nearestList(float[] data, int offset) {
        int dims = column.dimensions();
        int best = 0;
        float bestKey = Float.POSITIVE_INFINITY;
        for (int l = 0; l < lists.length; l++) {
            float key = kind.key(data, offset, centers, l * dims, dims);
            if (key < bestKey) {
                bestKey = key;
                best = l;
            }
        }
        return best;
    }

    private int[] listsByDistance(float[] query) {
        int dims = column.dimensions();
        long[] ordered = new long[lists.length];
        for (int l = 0; l < lists.length; l++) {
            ordered[l] = SortableKeys.pack(kind.key(query, 0, centers, l * dims, dims), l);
        }
        Arrays.sort(ordered);
        int[] order = new int[lists.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = SortableKeys.slot(ordered[i]);
        }
        return order;
    }

    /**
     * One list: its slots and a contiguous copy of their vectors (float32, or the quantizer's codes), scanned
     * front to back.
     */
    private static final class InvertedList {
        private final int dims;
        private final Quantizer quantizer;
        /** Floats (unquantized) or bytes (quantized) per entry. */
        private final int stride;
        int[] slots = new int[8];
        float[] vectors;
        byte[] codes;
        int size;

        InvertedList(int dims, Quantizer quantizer) {
            this.dims = dims;
            this.quantizer = quantizer;
            this.stride = quantizer == null ? dims : quantizer.codeBytes();
            if (quantizer == null) {
                vectors = new float[8 * stride];
            } else {
                codes = new byte[8 * stride];
            }
        }

        InvertedList emptyCopy() {
            return new InvertedList(dims, quantizer);
        }

        void add(int slot, float[] data, int offset) {
            grow();
            slots[size] = slot;
            if (quantizer == null) {
                System.arraycopy(data, offset, vectors, size * stride, stride);
            } else {
                quantizer.encode(data, offset, codes, size * stride);
            }
            size++;
        }

        void copyEntry(InvertedList from, int entry) {
            grow();
            slots[size] = from.slots[entry];
            if (quantizer == null) {
                System.arraycopy(from.vectors, entry * stride, vectors, size * stride, stride);
            } else {
                System.arraycopy(from.codes, entry * stride, codes, size * stride, stride);
            }
            size++;
        }

        void writeEntry(DataOutputStream out, int entry) throws IOException {
            if (quantizer == null) {
                for (int d = 0; d < stride; d++) {
                    out.writeFloat(vectors[entry * stride + d]);
                }
            } else {
                out.write(codes, entry * stride, stride);
            }
        }

        /** Appends an entry written by {@link #writeEntry} under {@code slot}. */
        void readEntry(DataInputStream in, int slot) throws IOException {
            grow();
            slots[size] = slot;
            if (quantizer == null) {
                for (int d = 0; d < stride; d++) {
                    vectors[size * stride + d] = in.readFloat();
                }
            } else {
                in.readFully(codes, size * stride, stride);
            }
            size++;
        }

        private void grow() {
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
                if (quantizer == null) {
                    vectors = Arrays.copyOf(vectors, size * 2 * stride);
                } else {
                    codes = Arrays.copyOf(codes, size * 2 * stride);
                }
            }
        }

        long memoryBytes() {
            return slots.length * (long) Integer.BYTES
                    + (quantizer == null ? vectors.length * (long) Float.BYTES : codes.length);
        }
    }

    /**
     * Scans lists nearest first, {@code probes} lists per batch as pgvector does, each batch sorted. Once
     * every list is scanned every indexed row has been seen, so the cursor is complete.
     */
    private final class Cursor extends BatchCursor {
        private final float[] query;
        private final int[] listOrder;
        private final int probes;
        private final SlotFilter filter;
        /** Quantized: the probed entries' codes scored against the query. */
        private final Quantizer.Scorer approximate;
        /** Quantized: how many candidates each batch re-ranks. */
        private final int candidates;
        private int nextList;
        /** The probed entries not yet returned (quantized: not yet re-ranked), sorted by key. */
        private long[] pending = new long[0];
        private int pendingAt;
        private int pendingCount;

        Cursor(float[] query, int[] listOrder, int probes, SlotFilter filter, int candidates) {
            super(new BitSet());
            counters.addDistances(listOrder.length);   // the query against every list's center
            this.query = query;
            this.listOrder = listOrder;
            this.probes = probes;
            this.filter = filter;
            this.approximate = quantizer == null ? null : quantizer.scorer(query);
            this.candidates = candidates;
        }

        @Override
        protected Neighbor[] nextBatch() {
            synchronized (IvfFlatIndex.this) {
                while (pendingAt == pendingCount && nextList < listOrder.length) {
                    pendingCount = probeNextLists();
                    pendingAt = 0;
                }
                return approximate == null ? takePending(pendingCount) : takeReranked();
            }
        }

        /** The next {@code count} probed entries, whose keys are exact. */
        private Neighbor[] takePending(int count) {
            Neighbor[] batch = new Neighbor[count - pendingAt];
            for (int i = 0; i < batch.length; i++) {
                long entry = pending[pendingAt + i];
                int slot = SortableKeys.slot(entry);
                batch[i] = new Neighbor(slot, column.rowIdOf(slot), kind.distance(SortableKeys.key(entry)));
            }
            pendingAt = count;
            return batch;
        }

        /** The next {@code candidates} entries by approximate key, re-ranked with the column's vectors. */
        private Neighbor[] takeReranked() {
            int end = Math.min(pendingCount, pendingAt + candidates);
            Neighbor[] batch = new Neighbor[end - pendingAt];
            int dims = column.dimensions();
            for (int i = 0; i < batch.length; i++) {
                int slot = SortableKeys.slot(pending[pendingAt + i]);
                float key = kind.key(query, 0, column.data(slot), column.offset(slot), dims);
                batch[i] = new Neighbor(slot, column.rowIdOf(slot), kind.distance(key));
            }
            counters.addDistances(batch.length);
            pendingAt = end;
            Arrays.sort(batch, (a, b) -> Float.compare(a.distance(), b.distance()));
            return batch;
        }

        /** Scores the next {@code probes} lists' allowed entries into {@link #pending}, sorted; returns how many. */
        private int probeNextLists() {
            int dims = column.dimensions();
            int count = 0;
            for (int probed = 0; probed < probes && nextList < listOrder.length; probed++) {
                InvertedList list = lists[listOrder[nextList++]];
                if (pending.length < count + list.size) {
                    pending = Arrays.copyOf(pending, count + list.size);
                }
                counters.addDistances(list.size);
                for (int i = 0; i < list.size; i++) {
                    int slot = list.slots[i];
                    if (column.isLive(slot) && (filter == null || filter.allows(slot))) {
                        float key = approximate == null ? kind.key(query, 0, list.vectors, i * dims, dims)
                                : approximate.key(list.codes, i * list.stride);
                        pending[count++] = SortableKeys.pack(key, slot);
                    }
                }
            }
            Arrays.sort(pending, 0, count);
            return count;
        }
    }
}

package io.quiver.index;

import io.github.jbellis.jvector.disk.ByteBufferReader;
import io.github.jbellis.jvector.disk.RandomAccessReader;
import io.github.jbellis.jvector.disk.SimpleReader;
import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.OnHeapGraphIndex;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.graph.similarity.ScoreFunction;
import io.github.jbellis.jvector.graph.similarity.SearchScoreProvider;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.quiver.common.type.PgType;
import io.quiver.common.vector.Distances;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * pgvector's HNSW on jvector 4: a hierarchical graph with 2*m neighbours on the base layer and m above,
 * as pgvector's, built by all cores at once. Vectors stay in the column (see {@link ColumnScoreProvider}).
 * Deleted nodes are marked in the graph and dropped from it when the index is saved.
 */
public final class HnswIndex implements VectorIndex {
    /**
     * jvector's defaults: extra neighbours held before pruning, and the DiskANN-style pruning slack. An
     * overflow of 1.0 measured 12% less graph memory and ~5% more QPS at the same L2 recall, but cost L1 4
     * points of recall@10 (0.908 against 0.95+), so it stays at 1.2. Build cost (100k x 128-d, m=16,
     * ef_construction=64) is ~4,100 exact distances per row at 1.2/1.2; overflow 1.0 doubles them (pruning on
     * every backlink), 2.0 saves a quarter but keeps 53% more graph memory, alpha 1.0 saves 60% but drops
     * recall@10 at ef_search 40 to 0.945 (README, Benchmarks).
     */
    private static final float NEIGHBOR_OVERFLOW = 1.2f;
    private static final float ALPHA = 1.2f;
    /**
     * A quantized index trains its codebook once the graph holds this many rows; until then (an index created
     * on a small or empty table) it searches with exact scores, which at that size cost next to nothing.
     */
    static final int QUANTIZER_MIN_ROWS = 1_000;
    private static final ForkJoinPool BUILD_POOL = ForkJoinPool.commonPool().getParallelism() > 1
            ? ForkJoinPool.commonPool()
            : new ForkJoinPool(Runtime.getRuntime().availableProcessors());

    private final VectorColumn column;
    private final DistanceKind kind;
    private final IndexOptions.Hnsw options;
    private final GraphNodes nodes = new GraphNodes();
    private final ColumnScoreProvider scores;
    private final GraphIndexBuilder builder;
    private final ConcurrentLinkedQueue<GraphSearcher> idleSearchers = new ConcurrentLinkedQueue<>();
    /** The nodes' codes when the index is quantized and trained; null while searches score exactly. */
    private volatile QuantizedCodes codes;
    private Duration buildTime = Duration.ZERO;

    private HnswIndex(VectorColumn column, DistanceKind kind, IndexOptions.Hnsw options) {
        // The widest any type allows; CREATE INDEX has checked the column's own type's limit.
        IndexOptions.checkDimensions("hnsw", PgType.HALFVEC, column.dimensions());
        this.column = column;
        this.kind = kind;
        this.options = options;
        this.scores = new ColumnScoreProvider(column, kind, nodes);
        // jvector only keeps the dimension (for rescoring builders); a variable-width column has none.
        this.builder = new GraphIndexBuilder(scores, Math.max(1, column.dimensions()),
                List.of(2 * options.m(), options.m()), options.efConstruction(), NEIGHBOR_OVERFLOW, ALPHA,
                true, false, BUILD_POOL, BUILD_POOL);
    }

    /**
     * Which kernels score the graph, for the log: Quiver's (SIMD only when the JVM runs with
     * {@code --add-modules jdk.incubator.vector}) and jvector's own provider, which scores nothing here.
     */
    public static String kernels() {
        return "Quiver " + (Distances.simd() ? "SIMD" : "scalar") + " distance kernels (jvector's provider, unused for"
                + " scoring: " + VectorizationProvider.getInstance().getClass().getSimpleName() + ")";
    }

    /** Builds the index over every live vector of the column. */
    public static HnswIndex build(VectorColumn column, DistanceKind kind, IndexOptions.Hnsw options) {
        return build(column, kind, options, new BuildProgress());
    }

    /** Builds the index over every live vector of the column, reporting each node added to {@code progress}. */
    public static HnswIndex build(VectorColumn column, DistanceKind kind, IndexOptions.Hnsw options,
                                  BuildProgress progress) {
        HnswIndex index = new HnswIndex(column, kind, options);
        long start = System.nanoTime();
        int first = index.nodes.count();
        int size = column.size();
        for (int slot = 0; slot < size; slot++) {
            if (index.indexable(slot)) {
                if (column.isVariableWidth()) {
                    IndexOptions.checkHnswNonZeros(SparseRows.nonZeros(column.data(slot), column.offset(slot)));
                }
                index.nodes.add(slot);
            }
        }
        int last = index.nodes.count();
        for (int node = first; node < last; node++) {
            index.scores.include(index.nodes.slot(node));
        }
        if (options.quantization().quantized() && last >= QUANTIZER_MIN_ROWS) {
            index.trainQuantizer();
        }
        progress.start(BuildProgress.LOADING_TUPLES, last - first);
        BUILD_POOL.submit(() -> IntStream.range(first, last).parallel().forEach(node -> {
            if (!progress.stopRequested()) {
                index.addNode(node);
                progress.tupleDone();
            }
        })).join();
        index.cleanup();
        index.buildTime = Duration.ofNanos(System.nanoTime() - start);
        return index;
    }

    @Override
    public String accessMethod() {
        return "hnsw";
    }

    @Override
    public DistanceKind distanceKind() {
        return kind;
    }

    @Override
    public VectorColumn column() {
        return column;
    }

    public IndexOptions.Hnsw options() {
        return options;
    }

    @Override
    public synchronized void insert(int slot) {
        if (nodes.node(slot) < 0 && indexable(slot)) {
            scores.include(slot);
            int node = nodes.add(slot);
            if (codes != null) {
                codes.encode(node, column.data(slot), column.offset(slot));
            } else if (options.quantization().quantized() && nodes.count() >= QUANTIZER_MIN_ROWS) {
                trainQuantizer();
            }
            addNode(node);
        }
    }

    @Override
    public synchronized void delete(int slot) {
        int node = nodes.node(slot);
        if (node >= 0 && builder.getGraph().containsNode(node)) {
            builder.markNodeDeleted(node);
        }
    }

    /** Removes the nodes marked deleted from the graph and reconnects their neighbours. */
    @Override
    public synchronized void vacuum() {
        cleanup();
    }

    /** The live rows of the base layer that no search can reach. */
    synchronized int unreachableNodes() {
        return GraphReachability.unreachable((OnHeapGraphIndex) builder.getGraph(), 0);
    }

    /** jvector's cleanup, then links back whatever its pruning left unreachable (see {@link GraphReachability}). */
    private void cleanup() {
        builder.cleanup();
        GraphReachability.reconnect((OnHeapGraphIndex) builder.getGraph(), scores, NEIGHBOR_OVERFLOW);
    }

    @Override
    public NeighborCursor open(float[] query, SearchOptions searchOptions) {
        ExactScan.checkQuery(column, query);
        return new Cursor(query, searchOptions);
    }

    @Override
    public IndexStats stats() {
        OnHeapGraphIndex graph = (OnHeapGraphIndex) builder.getGraph();
        QuantizedCodes quantized = codes;
        return new IndexStats("hnsw", graph.size(0), graph.ramBytesUsed() + nodes.memoryBytes()
                + (quantized == null ? 0 : quantized.memoryBytes()), buildTime, graph.getAverageDegree(0), 0, 0);
    }

    /**
     * Files: {@code index.meta} (options, the row id of every node, then for a quantized index whether it is
     * trained, its codebook and the nodes' codes) and {@code hnsw.graph} (jvector's).
     */
    @Override
    public synchronized void save(Path directory) {
        IndexFiles.write(directory, "hnsw", kind, column.dimensions(), options.quantization(), out -> {
            out.writeInt(options.m());
            out.writeInt(options.efConstruction());
            cleanup();
            OnHeapGraphIndex graph = (OnHeapGraphIndex) builder.getGraph();
            int count = nodes.count();
            out.writeInt(count);
            for (int node = 0; node < count; node++) {
                boolean present = graph.containsNode(node);
                out.writeBoolean(present);
                out.writeLong(present ? column.rowIdOf(nodes.slot(node)) : -1);
            }
            if (options.quantization().quantized()) {
                out.writeBoolean(codes != null);
                if (codes != null) {
                    codes.write(out, count);
                }
            }
        });
        IndexFiles.writeFile(directory.resolve(IndexFiles.GRAPH_FILE),
                out -> ((OnHeapGraphIndex) builder.getGraph()).save(out));
    }

    /**
     * Reads an index written by {@link #save} beside a column holding (at least) the same rows, in any
     * slots. Rows appended to the column since are inserted. If rows the graph holds are gone from the
     * column, their vectors are gone too and the graph cannot be walked through them: it is rebuilt.
     */
    static HnswIndex load(Path directory, DataInputStream meta, DistanceKind kind,
                          IndexOptions.Quantization quantization, VectorColumn column) throws IOException {
        IndexOptions.Hnsw options = new IndexOptions.Hnsw(meta.readInt(), meta.readInt(), quantization);
        int count = meta.readInt();
        HnswIndex index = new HnswIndex(column, kind, options);
        for (int node = 0; node < count; node++) {
            boolean present = meta.readBoolean();
            long rowId = meta.readLong();
            int slot = present ? column.slotOf(rowId) : GraphNodes.NO_SLOT;
            if (present && slot < 0) {
                return build(column, kind, options, new BuildProgress());
            }
            index.nodes.set(node, slot);
            if (slot != GraphNodes.NO_SLOT) {
                index.scores.include(slot);
            }
        }
        if (quantization.quantized() && meta.readBoolean()) {
            index.codes = QuantizedCodes.read(meta, quantization, kind, column.dimensions(), count);
        }
        long start = System.nanoTime();
        try (RandomAccessReader reader = graphReader(directory.resolve(IndexFiles.GRAPH_FILE))) {
            index.builder.load(reader);
        }
        index.insertLiveRows();
        index.buildTime = Duration.ofNanos(System.nanoTime() - start);
        return index;
    }

    /**
     * The saved graph, memory-mapped: jvector reads it an int at a time, which through {@link SimpleReader}'s
     * RandomAccessFile was a system call each (12 s for a 100k-row graph of 38 MiB). A graph over 2 GiB, more
     * than one mapping holds, is read that slow way still.
     */
    private static RandomAccessReader graphReader(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            return size > Integer.MAX_VALUE ? new SimpleReader(file)
                    : new ByteBufferReader(channel.map(FileChannel.MapMode.READ_ONLY, 0, size));
        }
    }

    private boolean indexable(int slot) {
        return column.isLive(slot) && kind.indexable(column.data(slot), column.offset(slot), column.dimensions());
    }

    /** Trains the codebook on a sample of the graph's rows and encodes every node. */
    private void trainQuantizer() {
        int count = nodes.count();
        int[] live = new int[count];
        int found = 0;
        for (int node = 0; node < count; node++) {
            int slot = nodes.slot(node);
            if (slot != GraphNodes.NO_SLOT && column.isLive(slot)) {
                live[found++] = slot;
            }
        }
        int sampleSize = Math.min(found, Quantizer.SAMPLE_ROWS);
        int[] sample = new int[sampleSize];
        for (int i = 0; i < sampleSize; i++) {
            sample[i] = live[(int) ((long) i * found / sampleSize)];
        }
        QuantizedCodes trained = new QuantizedCodes(
                Quantizer.train(options.quantization(), kind, column, sample), count);
        for (int node = 0; node < count; node++) {
            int slot = nodes.slot(node);
            if (slot != GraphNodes.NO_SLOT) {
                trained.encode(node, column.data(slot), column.offset(slot));
            }
        }
        codes = trained;
    }

    private void addNode(int node) {
        builder.addGraphNode(node, scores.searchProviderFor(node));
    }

    private GraphSearcher borrowSearcher() {
        GraphSearcher searcher = idleSearchers.poll();
        if (searcher == null) {
            return new GraphSearcher(builder.getGraph());
        }
        // A view sees the nodes completed when it was taken: a pooled searcher needs a fresh one to find the
        // rows inserted since it was created.
        searcher.setView(builder.getGraph().getView());
        return searcher;
    }

    /**
     * Walks the graph in batches of ef_search nodes, resuming jvector's search for each further batch; once
     * the walk is exhausted or has visited max_scan_tuples nodes, hands over to an exact scan of the rows
     * not yet returned, so that every allowed row is eventually reached.
     */
    private final class Cursor extends BatchCursor {
        private final float[] query;
        private final SearchOptions searchOptions;
        private final int batchSize;
        /** The codes the walk scores with (null: exact scores), fixed for the whole walk. */
        private final QuantizedCodes quantized = codes;
        private GraphSearcher searcher;
        private ExactCursor exact;
        private SearchCounters exactCounters;
        private boolean started;
        private long visited;

        Cursor(float[] query, SearchOptions searchOptions) {
            super(new BitSet());
            this.query = query;
            this.searchOptions = searchOptions;
            int efSearch = Math.max(1, searchOptions.efSearch());
            this.batchSize = quantized == null ? efSearch
                    : options.quantization().candidates(searchOptions.limit(), efSearch);
        }

        @Override
        protected Neighbor[] nextBatch() {
            if (exact == null) {
                Neighbor[] batch = graphBatch();
                if (batch.length > 0) {
                    return batch;
                }
                releaseSearcher();
                // A copy: the exact cursor marks what it hands over, and this cursor must not then drop it as
                // already returned.
                exact = new ExactCursor(column, kind, query, searchOptions.filter(), batchSize,
                        (BitSet) returned.clone());
                exactCounters = exact.counters();
            }
            Neighbor next = exact.next();
            return next == null ? new Neighbor[0] : new Neighbor[] {next};
        }

        private Neighbor[] graphBatch() {
            if (visited >= searchOptions.maxScanTuples() && searchOptions.filter() != null) {
                return new Neighbor[0];
            }
            if (searcher == null) {
                searcher = borrowSearcher();
            }
            SearchResult result = started
                    ? searcher.resume(batchSize, batchSize)
                    : searcher.search(scoreProvider(), batchSize, batchSize, 0f, 0f, accepted());
            started = true;
            visited += result.getVisitedCount();
            // jvector scores every node it visits once (on the codes, when quantized); the batch's keys are then
            // recomputed exactly below: that is the re-ranking of a quantized index.
            counters.addVisited(result.getVisitedCount());
            counters.addDistances(result.getVisitedCount() + (long) result.getNodes().length);
            SearchResult.NodeScore[] found = result.getNodes();
            Neighbor[] batch = new Neighbor[found.length];
            int dims = column.dimensions();
            for (int i = 0; i < found.length; i++) {
                int slot = nodes.slot(found[i].node);
                float key = kind.key(query, 0, column.data(slot), column.offset(slot), dims);
                batch[i] = new Neighbor(slot, column.rowIdOf(slot), kind.distance(key));
            }
            Arrays.sort(batch, (a, b) -> Float.compare(a.distance(), b.distance()));
            return batch;
        }

        /**
         * Exact scores from the column, or the codes' approximate keys, which jvector takes as exact: the batch
         * is re-ranked here, and jvector's own re-ranking would need a second score provider for nothing.
         */
        private SearchScoreProvider scoreProvider() {
            if (quantized == null) {
                return scores.providerFor(query, 0);
            }
            QuantizedCodes.NodeScorer approximate = quantized.scorer(query);
            return new DefaultSearchScoreProvider((ScoreFunction.ExactScoreFunction) node ->
                    similarity(approximate.key(node)));
        }

        /**
         * A positive similarity decreasing with an approximate key, which may be negative (bq's): jvector keeps
         * only nodes scoring above the search's threshold, 0.
         */
        private static float similarity(float key) {
            return key >= 0 ? 1f / (1f + key) : 1f - key;
        }

        @Override
        public SearchCounters counters() {
            if (exactCounters == null) {
                return counters;
            }
            SearchCounters total = new SearchCounters();
            total.add(counters);
            total.add(exactCounters);
            return total;
        }

        private Bits accepted() {
            SlotFilter filter = searchOptions.filter();
            return node -> {
                int slot = nodes.slot(node);
                return column.isLive(slot) && (filter == null || filter.allows(slot));
            };
        }

        private void releaseSearcher() {
            if (searcher != null) {
                idleSearchers.offer(searcher);
                searcher = null;
            }
        }

        @Override
        public void close() {
            releaseSearcher();
        }
    }
}

package io.quiver.executor.vector;

import io.quiver.catalog.IndexDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.executor.schema.TableStorageResolver;
import io.quiver.executor.statement.CancelFlag;
import io.quiver.index.DistanceKind;
import io.quiver.index.HnswIndex;
import io.quiver.index.IndexFiles;
import io.quiver.index.IndexOptions;
import io.quiver.index.IndexStats;
import io.quiver.index.IvfFlatIndex;
import io.quiver.index.VectorColumn;
import io.quiver.index.VectorIndex;
import io.quiver.storage.StorageEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's in-memory vectors and vector indexes, per table. Vectors are read from storage on a table's
 * first vector search; an index is loaded from {@code <dataDir>/indexes/<oid>/} when it was saved there,
 * otherwise built. Indexes are saved after they are built and when the engine closes.
 */
public final class VectorIndexes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VectorIndexes.class);

    private final StorageEngine storage;
    private final TableStorageResolver tables;
    private final Path directory;
    private final ConcurrentMap<Long, TableVectors> byTable = new ConcurrentHashMap<>();
    /** Built by CREATE INDEX or REINDEX, by oid, until the statement's transaction ends. */
    private final ConcurrentMap<Long, VectorIndex> unpublished = new ConcurrentHashMap<>();
    /** The first use of each index not in memory yet, which its concurrent first uses wait for. */
    private final ConcurrentMap<Long, CompletableFuture<VectorIndex>> opening = new ConcurrentHashMap<>();
    private final AtomicLong builds = new AtomicLong();
    private final IndexBuilds running = new IndexBuilds();
    /** Average degrees of the indexes in memory, by index OID: computing one walks the whole graph. */
    private final ConcurrentMap<Long, Double> degrees = new ConcurrentHashMap<>();

    public VectorIndexes(StorageEngine storage, TableStorageResolver tables, Path dataDirectory) {
        this.storage = storage;
        this.tables = tables;
        this.directory = dataDirectory.resolve("indexes");
        LOG.info("hnsw indexes score with {}", HnswIndex.kernels());
    }

    /** How many indexes this engine has built (rather than loaded), for tests and monitoring. */
    public long builds() {
        return builds.get();
    }

    /** The builds in progress, for pg_stat_progress_create_index. */
    public IndexBuilds running() {
        return running;
    }

    /** The committed vectors of a source, read from storage on first use. */
    VectorColumn column(TableDefinition table, VectorSource source) {
        List<VectorSource> sources = new ArrayList<>(VectorSource.of(table));
        if (!sources.contains(source)) {
            sources.add(source); // an index being created, not in the table's definition yet
        }
        return loaded(table, sources).column(source);
    }

    /**
     * An index's average neighbours per node: as measured once after it was first loaded or built, else what
     * its options imply for HNSW's base layer (2 x m); NaN for IVFFlat. Never loads or builds the index
     * (planning and every search call it).
     */
    public double averageDegree(TableDefinition table, IndexDefinition definition) {
        Double measured = degrees.get(definition.oid());
        if (measured != null) {
            return measured;
        }
        TableVectors vectors = byTable.get(table.oid());
        VectorIndex index = vectors == null ? null : vectors.index(definition.oid());
        double degree = index == null ? Double.NaN : index.stats().averageDegree();
        if (degree > 0) {
            degrees.put(definition.oid(), degree);
            return degree;
        }
        return definition.method().equals("hnsw") ? 2.0 * IndexOptions.hnsw(definition.options()).m() : Double.NaN;
    }

    /** What an index in memory reports of itself, or null when it is not loaded (it is on first search). */
    public IndexStats loadedStats(TableDefinition table, IndexDefinition definition) {
        TableVectors vectors = byTable.get(table.oid());
        VectorIndex index = vectors == null ? null : vectors.index(definition.oid());
        return index == null ? null : index.stats();
    }

    /** The bytes of an index's files in the data directory (0 before it was first saved). */
    public long diskBytes(IndexDefinition definition) {
        Path saved = directoryOf(definition);
        if (!Files.exists(saved)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(saved)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list index files in " + saved, e);
        }
    }

    /**
     * The index, loaded or built on first use. Each index is opened once: concurrent first uses wait for the
     * one that opens it, and an index that CREATE INDEX or REINDEX built but has not yet {@link #publish}ed
     * (its statement is committing, or a later statement of its own transaction is asking) is taken as it is.
     */
    public VectorIndex index(TableDefinition table, IndexDefinition definition) {
        TableVectors vectors = loaded(table);
        VectorIndex index = vectors.index(definition.oid());
        if (index != null) {
            return index;
        }
        CompletableFuture<VectorIndex> mine = new CompletableFuture<>();
        CompletableFuture<VectorIndex> first = opening.putIfAbsent(definition.oid(), mine);
        if (first != null) {
            return awaitOpening(first);
        }
        try {
            index = open(table, definition, vectors);
            mine.complete(index);
            return index;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            opening.remove(definition.oid(), mine);
        }
    }

    private VectorIndex open(TableDefinition table, IndexDefinition definition, TableVectors vectors) {
        // Read before the table's own: publish adds the index there before it leaves unpublished.
        VectorIndex built = unpublished.get(definition.oid());
        VectorIndex present = vectors.index(definition.oid());
        if (present != null) {
            return present;
        }
        VectorSource source = VectorSource.ofIndex(table, definition);
        VectorIndex index = built != null ? built : loadOrBuild(table, definition, vectors.column(source));
        VectorIndex kept = vectors.addIndexIfAbsent(definition.oid(), source, index);
        if (kept != index && index != built) {
            index.close();
        }
        return kept;
    }

    /** The saved index, or (none saved, or a damaged one) a new build, saved for the next start. */
    private VectorIndex loadOrBuild(TableDefinition table, IndexDefinition definition, VectorColumn column) {
        Path saved = directoryOf(definition);
        VectorIndex index = Files.exists(saved) ? load(saved, column, definition) : null;
        if (index == null) {
            index = buildNow(table, definition, 0, "REINDEX", new CancelFlag());
            save(definition.oid(), index);
        }
        return index;
    }

    private static VectorIndex awaitOpening(CompletableFuture<VectorIndex> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Builds an index over the table's committed rows (CREATE INDEX, REINDEX), logging its progress and
     * showing it in pg_stat_progress_create_index as run by backend {@code pid} with {@code command}; it
     * serves queries once {@link #publish}ed after the statement commits, or {@link #discard}ed if it rolls
     * back. Writers are not blocked: rows they commit meanwhile are added when the index is published.
     */
    public VectorIndex build(TableDefinition table, IndexDefinition definition, int pid, String command,
                             CancelFlag cancel) {
        VectorIndex index = buildNow(table, definition, pid, command, cancel);
        unpublished.put(definition.oid(), index);
        return index;
    }

    /** A cancel (or statement_timeout) stops the build early and throws 57014; the partial index is dropped. */
    private VectorIndex buildNow(TableDefinition table, IndexDefinition definition, int pid, String command,
                                 CancelFlag cancel) {
        VectorColumn column = column(table, VectorSource.ofIndex(table, definition));
        DistanceKind kind = DistanceKind.forOpclass(definition.opclass(), definition.method());
        LOG.info("building {} index {} on {}.{} over {} rows", definition.method(), definition.name(),
                table.schema(), table.name(), column.liveCount());
        long start = System.nanoTime();
        IndexBuilds.Running build = running.start(pid, table, definition, command, cancel);
        VectorIndex index;
        try {
            index = switch (definition.method()) {
                case "hnsw" -> HnswIndex.build(column, kind, IndexOptions.hnsw(definition.options()),
                        build.progress());
                case "ivfflat" -> IvfFlatIndex.build(column, kind, IndexOptions.ivfflat(definition.options()),
                        build.progress());
                default -> throw QuiverException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "access method \"%s\" is not supported", definition.method());
            };
        } finally {
            running.finish(build);
        }
        cancel.check();
        builds.incrementAndGet();
        LOG.info("built index {} ({} entries) in {} ms", definition.name(), index.stats().entries(),
                (System.nanoTime() - start) / 1_000_000);
        return index;
    }

    /** Makes a freshly built index serve queries and saves it; run once its CREATE INDEX or REINDEX committed. */
    public void publish(TableDefinition table, IndexDefinition definition, VectorIndex index) {
        VectorIndex replaced = loaded(table).replaceIndex(definition.oid(), VectorSource.ofIndex(table, definition),
                index);
        unpublished.remove(definition.oid(), index);
        if (replaced != null && replaced != index) {
            replaced.close();
        }
        degrees.remove(definition.oid());
        save(definition.oid(), index);
    }

    /** Forgets a freshly built index whose CREATE INDEX or REINDEX rolled back. */
    public void discard(TableDefinition table, IndexDefinition definition, VectorIndex index) {
        if (unpublished.remove(definition.oid(), index)) {
            TableVectors vectors = byTable.get(table.oid());
            if (vectors != null) {
                vectors.removeIndex(definition.oid(), index);
            }
            index.close();
        }
    }

    /** How many built indexes wait for their statement to commit or roll back, for tests and monitoring. */
    public int unpublished() {
        return unpublished.size();
    }

    /** Applies a committed transaction's writes to a table's vectors and indexes. */
    void apply(TableDefinition table, List<TableVectors.Change> changes) {
        TableVectors vectors = byTable.get(table.oid());
        if (vectors != null) {
            vectors.apply(changes);
        }
    }

    /**
     * VACUUM of a table's in-memory vectors: plain, each index drops its deleted entries; {@code full}, the
     * vectors are read again from storage (deleted rows leave no slots behind) and every index is rebuilt
     * over them, as PostgreSQL's VACUUM FULL rebuilds indexes. Returns the number of indexes rebuilt.
     */
    public int vacuum(TableDefinition table, boolean full) {
        if (!full) {
            TableVectors vectors = byTable.get(table.oid());
            if (vectors != null) {
                vectors.indexes().values().forEach(VectorIndex::vacuum);
            }
            return 0;
        }
        forget(table);
        for (IndexDefinition definition : table.vectorIndexes()) {
            publish(table, definition, build(table, definition, 0, "REINDEX", new CancelFlag()));
        }
        return table.vectorIndexes().size();
    }

    /** Deleted rows the table's in-memory vector columns still hold slots for (0 when not loaded). */
    public long deletedEntries(TableDefinition table) {
        TableVectors vectors = byTable.get(table.oid());
        return vectors == null || !vectors.loaded(VectorSource.of(table)) ? 0 : vectors.deletedEntries();
    }

    /** Live vectors in the table's in-memory columns (0 when not loaded). */
    public long liveEntries(TableDefinition table) {
        TableVectors vectors = byTable.get(table.oid());
        return vectors == null || !vectors.loaded(VectorSource.of(table)) ? 0 : vectors.liveEntries();
    }

    /** Forgets an index and deletes its files; run once its DROP INDEX committed. */
    public void drop(TableDefinition table, IndexDefinition definition) {
        TableVectors vectors = byTable.get(table.oid());
        VectorIndex index = vectors == null ? null : vectors.removeIndex(definition.oid());
        if (index != null) {
            index.close();
        }
        VectorSource source = VectorSource.ofIndex(table, definition);
        if (vectors != null && source.expression() != null && table.vectorIndexes().stream().noneMatch(
                other -> other.oid() != definition.oid() && source.equals(VectorSource.ofIndex(table, other)))) {
            vectors.removeSource(source);
        }
        degrees.remove(definition.oid());
        deleteDirectory(directoryOf(definition));
    }

    /**
     * Forgets a table's vectors and the files of its indexes (DROP TABLE, or TRUNCATE, after which they are
     * rebuilt from the now empty table on next use).
     */
    public void forget(TableDefinition table) {
        TableVectors vectors = byTable.remove(table.oid());
        if (vectors != null) {
            vectors.indexes().values().forEach(VectorIndex::close);
        }
        table.vectorIndexes().forEach(index -> {
            degrees.remove(index.oid());
            deleteDirectory(directoryOf(index));
        });
    }

    /** Saves every index in memory, so the next start loads rather than rebuilds them. */
    @Override
    public void close() {
        running.close();
        byTable.values().forEach(vectors -> vectors.indexes().forEach((oid, index) -> {
            save(oid, index);
            index.close();
        }));
        byTable.clear();
    }

    private TableVectors loaded(TableDefinition table) {
        return loaded(table, VectorSource.of(table));
    }

    private TableVectors loaded(TableDefinition table, List<VectorSource> sources) {
        TableVectors vectors = byTable.computeIfAbsent(table.oid(), oid -> new TableVectors());
        if (!vectors.loaded(sources)) {
            long start = System.nanoTime();
            vectors.load(table, sources, storage, tables.storageOf(table));
            LOG.debug("read vectors of {}.{} in {} ms", table.schema(), table.name(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        return vectors;
    }

    /**
     * Writes an index's files. A failure only costs a rebuild on the next start, and must not fail the
     * committed statement that triggered it, so it is logged rather than thrown.
     */
    private void save(long oid, VectorIndex index) {
        Path target = directory.resolve(Long.toString(oid));
        try {
            index.save(target);
            IndexChecksums.write(target);
        } catch (IOException e) {
            LOG.warn("could not save index {} in {}; it will be rebuilt on next use after a restart", oid, target, e);
            deleteDirectory(target);
        } catch (RuntimeException e) {
            LOG.warn("could not save index {} in {}; it will be rebuilt on next use after a restart", oid, target, e);
            deleteDirectory(target);
        }
    }

    /** Loads a saved index; null, with a warning, when its files are damaged and it must be rebuilt. */
    private VectorIndex load(Path saved, VectorColumn column, IndexDefinition definition) {
        long start = System.nanoTime();
        VectorIndex index;
        try {
            IndexChecksums.verify(saved);
            index = IndexFiles.load(saved, column);
        } catch (QuiverException e) {
            if (e.state() != SqlState.DATA_CORRUPTED && e.state() != SqlState.IO_ERROR) {
                throw e;
            }
            LOG.warn("index \"{}\" cannot be loaded from {} ({}); rebuilding it from the table's rows",
                    definition.name(), saved, e.getMessage());
            deleteDirectory(saved);
            return null;
        }
        LOG.info("loaded index {} ({} entries) in {} ms", definition.name(), index.stats().entries(),
                (System.nanoTime() - start) / 1_000_000);
        return index;
    }

    /** The size of the index's saved files (0 before its first save), for pg_relation_size. */
    public long bytesOnDisk(IndexDefinition definition) {
        Path saved = directoryOf(definition);
        if (!Files.exists(saved)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(saved)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0; // deleted meanwhile by a concurrent DROP or re-save
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private Path directoryOf(IndexDefinition definition) {
        return directory.resolve(Long.toString(definition.oid()));
    }

    private static void deleteDirectory(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete index files in " + path, e);
        }
    }
}

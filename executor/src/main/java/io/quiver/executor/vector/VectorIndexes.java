package io.quiver.executor.vector;

import io.quiver.catalog.IndexDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.executor.schema.TableStorageResolver;
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
import java.util.Comparator;
import java.util.List;
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
    private final AtomicLong builds = new AtomicLong();
    /** Average degrees of the indexes in memory, by index OID: computing one walks the whole graph. */
    private final ConcurrentMap<Long, Double> degrees = new ConcurrentHashMap<>();

    public VectorIndexes(StorageEngine storage, TableStorageResolver tables, Path dataDirectory) {
        this.storage = storage;
        this.tables = tables;
        this.directory = dataDirectory.resolve("indexes");
    }

    /** How many indexes this engine has built (rather than loaded), for tests and monitoring. */
    public long builds() {
        return builds.get();
    }

    /** The committed vectors of a dimensioned vector column, read from storage on first use. */
    public VectorColumn column(TableDefinition table, int column) {
        return loaded(table).column(column);
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

    /** The index, loaded or built on first use. */
    public VectorIndex index(TableDefinition table, IndexDefinition definition) {
        TableVectors vectors = loaded(table);
        VectorIndex index = vectors.index(definition.oid());
        if (index != null) {
            return index;
        }
        synchronized (vectors) {
            index = vectors.index(definition.oid());
            if (index == null) {
                Path saved = directoryOf(definition);
                index = Files.exists(saved) ? load(saved, vectors.column(definition.column()), definition)
                        : build(table, definition);
                vectors.addIndex(definition.oid(), definition.column(), index);
            }
            return index;
        }
    }

    /**
     * Builds an index over the table's committed rows (CREATE INDEX, REINDEX), logging its progress; it
     * serves queries once {@link #publish}ed after the statement commits.
     */
    public VectorIndex build(TableDefinition table, IndexDefinition definition) {
        VectorColumn column = column(table, definition.column());
        DistanceKind kind = DistanceKind.forOpclass(definition.opclass(), definition.method());
        LOG.info("building {} index {} on {}.{} over {} rows", definition.method(), definition.name(),
                table.schema(), table.name(), column.liveCount());
        long start = System.nanoTime();
        VectorIndex index = switch (definition.method()) {
            case "hnsw" -> HnswIndex.build(column, kind, IndexOptions.hnsw(definition.options()));
            case "ivfflat" -> IvfFlatIndex.build(column, kind, IndexOptions.ivfflat(definition.options()));
            default -> throw QuiverException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "access method \"%s\" is not supported", definition.method());
        };
        builds.incrementAndGet();
        LOG.info("built index {} ({} entries) in {} ms", definition.name(), index.stats().entries(),
                (System.nanoTime() - start) / 1_000_000);
        return index;
    }

    /** Makes a freshly built index serve queries and saves it; run once its CREATE INDEX committed. */
    public void publish(TableDefinition table, IndexDefinition definition, VectorIndex index) {
        TableVectors vectors = loaded(table);
        VectorIndex replaced = vectors.removeIndex(definition.oid());
        if (replaced != null) {
            replaced.close();
        }
        vectors.addIndex(definition.oid(), definition.column(), index);
        degrees.remove(definition.oid());
        save(definition.oid(), index);
    }

    /** Applies a committed transaction's writes to a table's vectors and indexes. */
    void apply(TableDefinition table, List<TableVectors.Change> changes) {
        TableVectors vectors = byTable.get(table.oid());
        if (vectors != null) {
            vectors.apply(changes);
        }
    }

    /** Forgets an index and deletes its files; run once its DROP INDEX committed. */
    public void drop(TableDefinition table, IndexDefinition definition) {
        TableVectors vectors = byTable.get(table.oid());
        VectorIndex index = vectors == null ? null : vectors.removeIndex(definition.oid());
        if (index != null) {
            index.close();
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
        table.indexes().forEach(index -> {
            degrees.remove(index.oid());
            deleteDirectory(directoryOf(index));
        });
    }

    /** Saves every index in memory, so the next start loads rather than rebuilds them. */
    @Override
    public void close() {
        byTable.values().forEach(vectors -> vectors.indexes().forEach((oid, index) -> {
            save(oid, index);
            index.close();
        }));
        byTable.clear();
    }

    private TableVectors loaded(TableDefinition table) {
        TableVectors vectors = byTable.computeIfAbsent(table.oid(), oid -> new TableVectors());
        if (!vectors.loaded()) {
            long start = System.nanoTime();
            vectors.load(table, storage, tables.storageOf(table));
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
        } catch (RuntimeException e) {
            LOG.warn("could not save index {} in {}; it will be rebuilt on next use after a restart", oid, target, e);
            deleteDirectory(target);
        }
    }

    private VectorIndex load(Path saved, VectorColumn column, IndexDefinition definition) {
        long start = System.nanoTime();
        VectorIndex index = IndexFiles.load(saved, column);
        LOG.info("loaded index {} ({} entries) in {} ms", definition.name(), index.stats().entries(),
                (System.nanoTime() - start) / 1_000_000);
        return index;
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

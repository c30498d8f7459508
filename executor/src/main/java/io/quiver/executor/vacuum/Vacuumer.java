package io.quiver.executor.vacuum;

import io.quiver.catalog.Catalog;
import io.quiver.catalog.TableDefinition;
import io.quiver.common.error.SqlState;
import io.quiver.executor.api.Notice;
import io.quiver.executor.stats.Statistics;
import io.quiver.executor.vector.VectorIndexes;
import io.quiver.storage.StorageEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs VACUUM, for the statement and in the background (autovacuum), one at a time: the vector indexes of
 * each table drop their deleted entries (FULL rebuilds the table's in-memory vectors and indexes), then the
 * data file's dead space is compacted away and the file truncated ({@link StorageEngine#reclaimSpace}).
 * Deleted rows leave MVStore's maps when their delete commits, so there is no per-row cleanup to do.
 */
public final class Vacuumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Vacuumer.class);

    private final StorageEngine storage;
    private final Catalog catalog;
    private final VectorIndexes vectorIndexes;
    private final Statistics statistics;
    private final AutovacuumSettings settings;
    /** Per table oid, the deleted vector entries already vacuumed, so the next trigger counts new ones only. */
    private final Map<Long, Long> deletedAtLastVacuum = new ConcurrentHashMap<>();
    private final ScheduledExecutorService background;

    public Vacuumer(StorageEngine storage, Catalog catalog, VectorIndexes vectorIndexes, Statistics statistics,
                    AutovacuumSettings settings) {
        this.storage = storage;
        this.catalog = catalog;
        this.vectorIndexes = vectorIndexes;
        this.statistics = statistics;
        this.settings = settings;
        this.background = settings.enabled() ? Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("quiver-autovacuum").daemon().factory()) : null;
        if (background != null) {
            long nap = settings.naptime().toMillis();
            background.scheduleWithFixedDelay(this::autovacuum, nap, nap, TimeUnit.MILLISECONDS);
        }
    }

    /** VACUUM of {@code tables} (and of the whole data file); returns VERBOSE's INFO lines. */
    public List<Notice> vacuum(List<TableDefinition> tables, boolean full, String database) {
        return vacuum(tables, full, database, false);
    }

    private synchronized List<Notice> vacuum(List<TableDefinition> tables, boolean full, String database,
                                             boolean automatic) {
        List<Notice> notices = new ArrayList<>();
        for (TableDefinition table : tables) {
            notices.add(info("vacuuming \"%s.%s.%s\"", database, table.schema(), table.name()));
            int rebuilt = vectorIndexes.vacuum(table, full);
            if (rebuilt > 0) {
                notices.add(info("rebuilt %d vector index%s of \"%s\"", rebuilt, rebuilt == 1 ? "" : "es", table.name()));
            }
            deletedAtLastVacuum.put(table.oid(), vectorIndexes.deletedEntries(table));
            statistics.vacuumed(table, automatic);
        }
        StorageEngine.SpaceReclaimed space = storage.reclaimSpace(full);
        notices.add(info("data file \"%s\": %d kB before, %d kB after", StorageEngine.FILE_NAME,
                space.bytesBefore() / 1024, space.bytesAfter() / 1024));
        return notices;
    }

    /** One background round: vacuums the tables and the file that passed the thresholds. */
    void autovacuum() {
        try {
            List<TableDefinition> due = new ArrayList<>();
            for (TableDefinition table : catalog.current().tables()) {
                long deleted = vectorIndexes.deletedEntries(table) - deletedAtLastVacuum.getOrDefault(table.oid(), 0L);
                if (deleted > settings.threshold() + settings.scaleFactor() * vectorIndexes.liveEntries(table)) {
                    due.add(table);
                }
            }
            boolean fileDue = storage.liveSharePercent() < 100 * (1 - settings.scaleFactor());
            if (!due.isEmpty() || fileDue) {
                LOG.info("autovacuum: {} table(s) past the threshold, data file {}% live", due.size(),
                        storage.liveSharePercent());
                vacuum(due, false, "", true);
            }
        } catch (RuntimeException e) {
            // The next round tries again; a failure here must not end the background thread.
            LOG.warn("autovacuum failed", e);
        }
    }

    private static Notice info(String format, Object... args) {
        return new Notice("INFO", SqlState.SUCCESSFUL_COMPLETION, String.format(Locale.ROOT, format, args));
    }

    @Override
    public void close() {
        if (background != null) {
            background.shutdownNow();
            try {
                background.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

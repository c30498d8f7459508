package io.quiver.executor.stats;

import io.quiver.catalog.CatalogState;
import io.quiver.catalog.TableDefinition;
import io.quiver.executor.schema.TableStorageResolver;
import io.quiver.storage.MetaMap;
import io.quiver.storage.RowCursor;
import io.quiver.storage.StorageEngine;
import io.quiver.storage.StorageTransaction;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's table statistics, kept current by every committed write ({@link TableChanges}) and recomputed
 * exactly by ANALYZE.
 *
 * <p>Commits that change rows hold the read side of {@link #commitLock} from before their storage commit
 * until their changes are applied here; ANALYZE takes the write side just long enough to take its snapshot
 * and start recording. So each commit is either in the snapshot (and already applied to the statistics
 * ANALYZE replaces) or recorded and replayed onto the recomputed statistics; none is lost or counted twice.
 *
 * <p>Persistence: the statistics are written to the meta map {@code statistics} when the engine closes,
 * with the marker {@code state = clean}; on open they are read back and the marker is set to
 * {@code running}. After a crash the marker still says {@code running}: the tables that existed then get
 * their statistics recomputed from their rows on first use (write counters restart at 0, as PostgreSQL's
 * do after a crash).
 */
public final class Statistics {
    private static final Logger LOG = LoggerFactory.getLogger(Statistics.class);
    private static final String META = "statistics";
    private static final String STATE_KEY = "state";
    private static final String TABLE_PREFIX = "table.";

    private final StorageEngine storage;
    private final TableStorageResolver tables;
    private final ReentrantReadWriteLock commitLock = new ReentrantReadWriteLock();
    private final ConcurrentMap<Long, Entry> byTable = new ConcurrentHashMap<>();
    /** Tables that existed at open without saved statistics: recomputed on first use. */
    private final Set<Long> unknown;

    /** One committed row change: {@code old} null for an insert, {@code row} null for a delete, both for TRUNCATE. */
    record Change(Object[] old, Object[] row) {
        static final Change TRUNCATE = new Change(null, null);
    }

    private static final class Entry {
        private final Object analyzing = new Object();
        private TableStatistics statistics;
        /** The changes committed while ANALYZE scans its snapshot, or null. */
        private List<Change> recording;
    }

    private Statistics(StorageEngine storage, TableStorageResolver tables, Set<Long> unknown) {
        this.storage = storage;
        this.tables = tables;
        this.unknown = ConcurrentHashMap.newKeySet();
        this.unknown.addAll(unknown);
    }

    /** Reads the statistics saved at the last clean close and marks them in use. */
    public static Statistics open(StorageEngine storage, TableStorageResolver tables, CatalogState catalog) {
        Set<Long> unknown = new HashSet<>();
        catalog.tables().forEach(t -> unknown.add(t.oid()));
        Statistics statistics;
        try (StorageTransaction tx = storage.begin()) {
            MetaMap meta = tx.meta(META);
            byte[] state = meta.get(STATE_KEY);
            boolean clean = state != null && new String(state).equals("clean");
            statistics = new Statistics(storage, tables, clean ? Set.of() : unknown);
            if (clean) {
                for (TableDefinition table : catalog.tables()) {
                    byte[] saved = meta.get(TABLE_PREFIX + table.oid());
                    if (saved == null) {
                        statistics.unknown.add(table.oid());
                    } else {
                        statistics.entry(table).statistics = StatisticsCodec.decode(table, saved);
                    }
                }
            } else if (!unknown.isEmpty()) {
                LOG.info("statistics were not saved at the last shutdown: recomputing them on first use");
            }
            meta.put(STATE_KEY, "running".getBytes());
            tx.commit();
        }
        return statistics;
    }

    /** Writes every table's statistics and marks them clean; the engine calls it as it closes. */
    public void save() {
        try (StorageTransaction tx = storage.begin()) {
            MetaMap meta = tx.meta(META);
            for (Map.Entry<String, byte[]> saved : meta.entriesWithPrefix(TABLE_PREFIX)) {
                meta.remove(saved.getKey());
            }
            byTable.forEach((oid, entry) -> {
                synchronized (entry) {
                    if (entry.statistics != null) {
                        meta.put(TABLE_PREFIX + oid, StatisticsCodec.encode(entry.statistics));
                    }
                }
            });
            meta.put(STATE_KEY, "clean".getBytes());
            tx.commit();
        }
    }

    /** What a committing transaction that changed rows holds until its changes are applied. */
    Lock commitLock() {
        return commitLock.readLock();
    }

    /** Applies one committed transaction's changes to a table (under {@link #commitLock}). */
    void apply(TableDefinition table, List<Change> changes) {
        Entry entry = entry(table);
        synchronized (entry) {
            if (entry.recording != null) {
                entry.recording.addAll(changes);
            }
            if (entry.statistics != null) {
                entry.statistics.fitColumns(table);
                changes.forEach(change -> applyOne(entry.statistics, change, table));
            }
        }
    }

    private static void applyOne(TableStatistics statistics, Change change, TableDefinition table) {
        if (change == Change.TRUNCATE) {
            statistics.truncated(table);
        } else if (change.old() == null) {
            statistics.inserted(change.row());
        } else if (change.row() == null) {
            statistics.deleted(change.old());
        } else {
            statistics.updated(change.old(), change.row());
        }
    }

    /** VACUUM (autovacuum when {@code automatic}) reclaimed a table's dead row versions. */
    public void vacuumed(TableDefinition table, boolean automatic) {
        Entry entry = entry(table);
        synchronized (entry) {
            if (entry.statistics != null) {
                entry.statistics.vacuumed(OffsetDateTime.now(), automatic);
            }
        }
    }

    /** ANALYZE: recomputes a table's statistics from its committed rows. */
    public void analyze(TableDefinition table) {
        recompute(table, true);
    }

    /** A table's statistics, read under its lock; computed from its rows first if they are not known yet. */
    public <T> T read(TableDefinition table, Function<TableStatistics, T> reader) {
        Entry entry = entry(table);
        synchronized (entry) {
            if (entry.statistics != null) {
                entry.statistics.fitColumns(table);
                return reader.apply(entry.statistics);
            }
        }
        recompute(table, false);
        synchronized (entry) {
            return reader.apply(entry.statistics);
        }
    }

    /** Forgets a dropped table. */
    public void forget(TableDefinition table) {
        byTable.remove(table.oid());
        unknown.remove(table.oid());
    }

    private void recompute(TableDefinition table, boolean analyzed) {
        Entry entry = entry(table);
        synchronized (entry.analyzing) {
            StorageTransaction snapshot;
            commitLock.writeLock().lock();
            try {
                synchronized (entry) {
                    entry.recording = new ArrayList<>();
                }
                snapshot = storage.begin();
            } finally {
                commitLock.writeLock().unlock();
            }
            TableStatistics fresh = new TableStatistics(table);
            try (StorageTransaction tx = snapshot) {
                RowCursor cursor = tx.access(tables.storageOf(table)).scan();
                while (cursor.next()) {
                    fresh.scanned(cursor.row());
                }
                tx.rollback();
            } catch (RuntimeException e) {
                synchronized (entry) {
                    entry.recording = null;
                }
                throw e;
            }
            synchronized (entry) {
                TableStatistics previous = entry.statistics;
                fresh.analyzed(analyzed ? OffsetDateTime.now() : previous == null ? null : previous.lastAnalyze());
                entry.recording.forEach(change -> applyOne(fresh, change, table));
                if (previous != null) {
                    fresh.carryCounters(previous);
                }
                if (analyzed) {
                    fresh.countAnalyze();
                }
                entry.statistics = fresh;
                entry.recording = null;
                unknown.remove(table.oid());
            }
        }
    }

    private Entry entry(TableDefinition table) {
        return byTable.computeIfAbsent(table.oid(), oid -> {
            Entry entry = new Entry();
            if (!unknown.contains(oid)) {
                // Created since the engine opened (or saved at the last clean close, then replaced on open).
                entry.statistics = new TableStatistics(table);
            }
            return entry;
        });
    }
}

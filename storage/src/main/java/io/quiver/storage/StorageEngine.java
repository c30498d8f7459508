package io.quiver.storage;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.storage.backup.BackupReport;
import io.quiver.storage.backup.ChangeApplier;
import io.quiver.storage.backup.ChangeLog;
import io.quiver.storage.backup.OnlineBackup;
import io.quiver.storage.backup.Restore;
import io.quiver.storage.backup.RestoreReport;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.engine.IsolationLevel;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.RandomAccessStore;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.mvstore.tx.VersionedValueType;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.LongDataType;
import org.h2.mvstore.type.MetaType;
import org.h2.mvstore.type.ObjectDataType;
import org.h2.mvstore.type.StringDataType;
import org.h2.value.VersionedValue;

/**
 * Quiver's storage: every table, the catalog's meta maps and the sequences live in one MVStore file in the
 * data directory. Transactions are snapshot-isolated (MVStore's TransactionStore); commits are made durable
 * by {@link GroupCommit} unless synchronous commit is off.
 */
public final class StorageEngine implements AutoCloseable {
    public static final String FILE_NAME = "quiver.mv.db";
    /** Lock waits would only delay the 40001 a snapshot transaction gets anyway, so conflicts fail at once. */
    private static final int LOCK_TIMEOUT_MILLIS = 0;
    private static final String SEQUENCES_MAP = "sequences";
    /** Non-transactional; counts compaction steps, whose writes make the new versions compaction needs. */
    private static final String VACUUM_MAP = "vacuum";
    private static final int COMPACTION_STEP_MILLIS = 200;
    private static final int IDLE_STEPS_BEFORE_STOP = 4;
    private static final int MOVE_BELOW_FILL_RATE = 90;
    private static final long MOVE_STEP_BYTES = 16L << 20;
    private static final long COMPACTION_NANOS = 10_000_000_000L;
    private static final long THOROUGH_COMPACTION_NANOS = 120_000_000_000L;

    private final MVStore store;
    private final TransactionStore transactions;
    private final StorageErrors errors;
    private final GroupCommit groupCommit;
    private final Map<Long, TableMaps> tables = new ConcurrentHashMap<>();
    private final Map<String, MVMap<String, VersionedValue<byte[]>>> metaMaps = new ConcurrentHashMap<>();
    private final Map<String, Sequence> sequences = new ConcurrentHashMap<>();
    private final MVMap<String, Long> sequenceValues;
    private final ChangeLog changeLog;
    private final boolean compressRows;
    /** One backup at a time: a second would copy segments the first one releases. */
    private final Object backupInProgress = new Object();
    /** Every transactional map opened so far; each new transaction takes its snapshot of all of them. */
    private volatile HashSet<MVMap<Object, VersionedValue<Object>>> snapshotMaps = new HashSet<>();
    private boolean closed;

    private StorageEngine(MVStore store, TransactionStore transactions, StorageErrors errors, StorageOptions options,
                          Path dataDir) {
        this.store = store;
        this.transactions = transactions;
        this.errors = errors;
        this.sequenceValues = openSequences(store);
        this.compressRows = options.compressRows();
        this.changeLog = ChangeLog.open(dataDir, store, transactions, applier(store, transactions), sequenceValues);
        this.groupCommit = options.synchronousCommit() ? new GroupCommit(store, errors, changeLog::force) : null;
    }

    private static MVMap<String, Long> openSequences(MVStore store) {
        return store.openMap(SEQUENCES_MAP,
                new MVMap.Builder<String, Long>().keyType(StringDataType.INSTANCE).valueType(LongDataType.INSTANCE));
    }

    /** Writes logged changes into the store; for the change log's crash redo and for restores. */
    static ChangeApplier applier(MVStore store, TransactionStore transactions) {
        return new ChangeApplier(store, transactions, openSequences(store));
    }

    /**
     * Opens the data file in {@code dataDir}, creating both if needed. Transactions that were open when the
     * process last stopped are rolled back; commits whose commit record reached the disk are completed.
     */
    public static StorageEngine open(Path dataDir, StorageOptions options) {
        Path file = dataDir.resolve(FILE_NAME);
        StorageErrors errors = new StorageErrors(file.toString());
        createDirectory(dataDir);
        refuseEmptyFile(file);
        DataFileChecksum.verifyAndRemove(file);
        MVStore store = null;
        try {
            store = new MVStore.Builder().fileName(file.toString()).cacheSize(options.cacheSizeMb()).open();
            refuseLostVersions(store, errors);
            TransactionStore transactions = new TransactionStore(store,
                    new MetaType<>(null, store.backgroundExceptionHandler), new ObjectDataType(), LOCK_TIMEOUT_MILLIS);
            transactions.init();
            transactions.endLeftoverTransactions();
            return new StorageEngine(store, transactions, errors, options, dataDir);
        } catch (MVStoreException e) {
            closeWithoutWriting(store);
            throw errors.translateOpenFailure(e);
        } catch (IllegalStateException | IllegalArgumentException | IndexOutOfBoundsException
                 | NegativeArraySizeException | BufferUnderflowException | ClassCastException e) {
            // MVStore reading garbage where its own structures should be can fail in these ways before a
            // checksum catches it.
            closeWithoutWriting(store);
            throw errors.corrupted(e);
        } catch (QuiverException e) {
            closeWithoutWriting(store);
            throw e;
        }
    }

    private static void createDirectory(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new QuiverException(SqlState.IO_ERROR, "could not create directory \"" + dataDir + "\": " + e.getMessage(), e);
        }
    }

    /** An existing but empty file would silently open as a new, empty database. */
    private static void refuseEmptyFile(Path file) {
        try {
            if (Files.exists(file) && Files.size(file) == 0) {
                throw new QuiverException(SqlState.DATA_CORRUPTED, "data file \"" + file + "\" is corrupted: it is empty");
            }
        } catch (IOException e) {
            throw new QuiverException(SqlState.IO_ERROR, "could not stat file \"" + file + "\": " + e.getMessage(), e);
        }
    }

    /**
     * MVStore falls back to the newest complete version it finds, which after truncation is an old one. A
     * cleanly closed file records its last version in the header, so a lower version means lost data. After
     * a crash the header may lag behind, and falling back is how recovery works, so only clean files are checked.
     */
    private static void refuseLostVersions(MVStore store, StorageErrors errors) {
        Map<String, Object> header = store.getStoreHeader();
        boolean closedCleanly = DataUtils.readHexLong(header, "clean", 0) != 0;
        long closedAt = DataUtils.readHexLong(header, "version", 0);
        if (closedCleanly && store.getCurrentVersion() < closedAt) {
            throw new QuiverException(SqlState.DATA_CORRUPTED, "data file \"" + errors.fileName()
                    + "\" is truncated or damaged: it was closed at version " + closedAt + " but only version "
                    + store.getCurrentVersion() + " is readable");
        }
    }

    /** Begins a transaction whose snapshot is taken now. */
    public StorageTransaction begin() {
        Transaction tx = errors.call(() -> transactions.begin((map, key, existing, restored) -> { }, LOCK_TIMEOUT_MILLIS, 0, IsolationLevel.SNAPSHOT));
        return new StorageTransaction(this, tx, snapshotMaps, errors);
    }

    /** Opens a table's maps, creating them if needed; cheap to call again with the same or a newer schema. */
    public TableStorage table(long tableId, RowSchema schema) {
        TableMaps maps = tables.compute(tableId, (id, existing) -> {
            if (existing != null && (existing.primaryKey() != null || !schema.hasPrimaryKey())) {
                return existing;
            }
            MVMap<Long, VersionedValue<byte[]>> rows = existing != null ? existing.rows()
                    : openVersioned(rowsMapName(id), LongDataType.INSTANCE, ByteArrayDataType.INSTANCE);
            MVMap<byte[], VersionedValue<Long>> primaryKey = schema.hasPrimaryKey()
                    ? openVersioned(primaryKeyMapName(id), ByteArrayDataType.INSTANCE, LongDataType.INSTANCE) : null;
            RowIds rowIds = existing != null ? existing.rowIds() : RowIds.open(id, rows, sequenceValues, errors);
            TableMaps opened = new TableMaps(rows, primaryKey, rowIds);
            if (existing != null) {
                opened.secondaryIndexes().putAll(existing.secondaryIndexes());
            }
            return opened;
        });
        for (SecondaryIndex index : schema.secondaryIndexes()) {
            maps.secondaryIndexes().computeIfAbsent(index.id(), indexId -> openVersioned(
                    secondaryIndexMapName(tableId, indexId), ByteArrayDataType.INSTANCE, LongDataType.INSTANCE));
        }
        return new TableStorage(tableId, schema, maps, compressRows);
    }

    /**
     * Removes a secondary index's map; call it once the transaction that dropped the index has committed, or
     * the one that created it has rolled back.
     */
    public void dropSecondaryIndex(long tableId, long indexId) {
        TableMaps maps = tables.get(tableId);
        if (maps != null) {
            maps.secondaryIndexes().remove(indexId);
        }
        String name = secondaryIndexMapName(tableId, indexId);
        changeLog.dropMaps(List.of(name),
                () -> removeMapIfPresent(name, ByteArrayDataType.INSTANCE, LongDataType.INSTANCE));
        awaitDurable();
    }

    /** Removes a table's maps; call it once the transaction that dropped the table has committed. */
    public void dropTable(long tableId) {
        tables.remove(tableId);
        String indexPrefix = secondaryIndexMapPrefix(tableId);
        List<String> indexMaps = errors.call(() -> store.getMapNames().stream()
                .filter(name -> name.startsWith(indexPrefix)).toList());
        List<String> dropped = new ArrayList<>(List.of(rowsMapName(tableId), primaryKeyMapName(tableId)));
        dropped.addAll(indexMaps);
        changeLog.dropMaps(dropped, () -> {
            removeMapIfPresent(rowsMapName(tableId), LongDataType.INSTANCE, ByteArrayDataType.INSTANCE);
            removeMapIfPresent(primaryKeyMapName(tableId), ByteArrayDataType.INSTANCE, LongDataType.INSTANCE);
            indexMaps.forEach(name -> removeMapIfPresent(name, ByteArrayDataType.INSTANCE, LongDataType.INSTANCE));
            errors.run(() -> sequenceValues.remove(RowIds.reservationKey(tableId)));
        });
        awaitDurable();
    }

    /** The durable counter with this name, created at 0 on first use. */
    public Sequence sequence(String name) {
        return sequences.computeIfAbsent(name, n -> new Sequence(n, sequenceValues, errors));
    }

    /** Rolls back the transactions still open, flushes everything and closes the file. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        errors.run(() -> transactions.getOpenTransactions().stream()
                .filter(tx -> tx.getStatus() == Transaction.STATUS_OPEN)
                .forEach(Transaction::rollback));
        if (groupCommit != null) {
            groupCommit.close();
        }
        changeLog.close();
        errors.run(() -> {
            transactions.close();
            store.close();
        });
        DataFileChecksum.record(Path.of(errors.fileName()));
    }

    ChangeLog changeLog() {
        return changeLog;
    }

    /**
     * Backs the running store up into {@code directory} (on this machine): a full backup into a new or empty
     * directory, an incremental one into a directory holding an earlier backup of this store.
     */
    public BackupReport backup(Path directory) {
        synchronized (backupInProgress) {
            return new OnlineBackup(changeLog, applier(store, transactions), transactions, sequenceValues,
                    this::awaitDurableNow).run(directory);
        }
    }

    /**
     * Rebuilds {@code dataDir} (new or empty) from a backup, replaying the transactions committed up to
     * {@code untilMicros} (all when null). The restored store starts without a change log.
     */
    public static RestoreReport restore(Path backupDirectory, Path dataDir, Long untilMicros) {
        Restore restore = Restore.prepare(backupDirectory, dataDir, untilMicros);
        try (StorageEngine engine = open(dataDir, StorageOptions.defaults().withSynchronousCommit(false))) {
            return restore.into(applier(engine.store, engine.transactions));
        } catch (QuiverException e) {
            restore.removeRestoredFiles();
            throw e;
        }
    }

    /** Makes what is committed durable even without synchronous commit (a backup's bookkeeping needs it). */
    private void awaitDurableNow() {
        if (groupCommit != null) {
            groupCommit.awaitDurable();
        } else {
            errors.run(() -> {
                store.commit();
                changeLog.force();
                store.executeFilestoreOperation(store::sync);
            });
        }
    }

    /** The data file's size before and after {@link #reclaimSpace}. */
    public record SpaceReclaimed(long bytesBefore, long bytesAfter) {
    }

    /**
     * Rewrites the chunks of the data file that mostly hold dead data (deleted rows, overwritten versions,
     * finished transactions' undo logs), moves the live chunks to the front and truncates the file. It runs in
     * short steps, each holding MVStore's store lock only briefly, so commits wait at most one step and reads
     * never wait: pages are immutable, and chunks a running transaction's snapshot still reads are kept.
     *
     * @param thorough keep going until steps no longer shrink the file (VACUUM FULL) rather than for a
     *     bounded time
     */
    public synchronized SpaceReclaimed reclaimSpace(boolean thorough) {
        long before = fileSize();
        long deadline = System.nanoTime() + (thorough ? THOROUGH_COMPACTION_NANOS : COMPACTION_NANOS);
        errors.run(() -> {
            store.commit();
            MVMap<String, Long> runs = store.openMap(VACUUM_MAP,
                    new MVMap.Builder<String, Long>().keyType(StringDataType.INSTANCE).valueType(LongDataType.INSTANCE));
            // compactFile drops the retention time to 0 for good: freed chunks may be reused at once while
            // compacting (every step is synced), afterwards the usual safety margin applies again. Keeping no
            // extra old versions lets emptied chunks go at the next version; the versions open transactions
            // read stay registered, so their chunks stay.
            int retention = store.getRetentionTime();
            int versionsToKeep = store.getVersionsToKeep();
            store.setVersionsToKeep(0);
            try {
                long size = fileSize();
                for (int idle = 0; idle < IDLE_STEPS_BEFORE_STOP && System.nanoTime() < deadline; ) {
                    store.compactFile(COMPACTION_STEP_MILLIS);
                    if (store.getFileStore() instanceof RandomAccessStore file) {
                        file.compactMoveChunks(MOVE_BELOW_FILL_RATE, MOVE_STEP_BYTES, store);
                    }
                    // A new version, so that the chunks this step emptied can be freed in the next one.
                    runs.merge("steps", 1L, Long::sum);
                    store.commit();
                    long now = fileSize();
                    idle = now < size ? 0 : idle + 1;
                    size = Math.min(size, now);
                }
            } finally {
                store.setVersionsToKeep(versionsToKeep);
                store.setRetentionTime(retention);
            }
            store.executeFilestoreOperation(store::sync);
        });
        return new SpaceReclaimed(before, fileSize());
    }

    /** The share of the data file (in percent) that holds live data rather than dead versions or free space. */
    public int liveSharePercent() {
        return errors.call(() -> Math.min(store.getFillRate(), store.getFileStore().getChunksFillRate()));
    }

    /** The page cache's hit ratio in percent (MVStore's own count), for the metrics endpoint. */
    public int cacheHitRatioPercent() {
        return errors.call(() -> store.getFileStore().getCacheHitRatio());
    }

    /** The data file's size in bytes. */
    public long fileSize() {
        return errors.call(() -> store.getFileStore().size());
    }

    /** How many group-commit flushes (file syncs) have run; 0 without synchronous commit. */
    long syncCount() {
        return groupCommit == null ? 0 : groupCommit.flushCount();
    }

    void awaitDurable() {
        if (groupCommit != null) {
            groupCommit.awaitDurable();
        }
    }

    MVMap<String, VersionedValue<byte[]>> metaMap(String name) {
        return metaMaps.computeIfAbsent(name, n -> openVersioned("meta." + n, StringDataType.INSTANCE, ByteArrayDataType.INSTANCE));
    }

    /** TransactionStore's snapshot API takes maps of any key and value type under one erased signature. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static MVMap<Object, VersionedValue<Object>> untyped(MVMap<?, ?> map) {
        return (MVMap) map;
    }

    private <K, V> MVMap<K, VersionedValue<V>> openVersioned(String name, DataType<K> keyType, DataType<V> valueType) {
        MVMap<K, VersionedValue<V>> map = errors.call(() -> transactions.openMap(name, keyType, new VersionedValueType<V, Object>(valueType)));
        rememberSnapshotMap(untyped(map));
        return map;
    }

    private synchronized void rememberSnapshotMap(MVMap<Object, VersionedValue<Object>> map) {
        if (!snapshotMaps.contains(map)) {
            HashSet<MVMap<Object, VersionedValue<Object>>> copy = new HashSet<>(snapshotMaps);
            copy.add(map);
            snapshotMaps = copy;
        }
    }

    private synchronized void forgetSnapshotMap(MVMap<Object, VersionedValue<Object>> map) {
        HashSet<MVMap<Object, VersionedValue<Object>>> copy = new HashSet<>(snapshotMaps);
        copy.remove(map);
        snapshotMaps = copy;
    }

    private <K, V> void removeMapIfPresent(String name, DataType<K> keyType, DataType<V> valueType) {
        if (!errors.call(() -> store.hasMap(name))) {
            return;
        }
        MVMap<Object, VersionedValue<Object>> map = untyped(openVersioned(name, keyType, valueType));
        forgetSnapshotMap(map);
        errors.run(() -> {
            Transaction tx = transactions.begin();
            tx.removeMap(tx.openMapX(map));
            tx.commit();
        });
    }

    private static String rowsMapName(long tableId) {
        return "table." + tableId + ".rows";
    }

    private static String primaryKeyMapName(long tableId) {
        return "table." + tableId + ".pkey";
    }

    private static String secondaryIndexMapName(long tableId, long indexId) {
        return secondaryIndexMapPrefix(tableId) + indexId;
    }

    private static String secondaryIndexMapPrefix(long tableId) {
        return "table." + tableId + ".index.";
    }

    private static void closeWithoutWriting(MVStore store) {
        if (store != null) {
            store.closeImmediately();
        }
    }
}

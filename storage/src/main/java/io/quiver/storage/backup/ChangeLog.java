package io.quiver.storage.backup;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.mvstore.type.StringDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logical change log behind incremental backups and point-in-time restore: every committed transaction's
 * effects (new values of the rows, keys and catalog entries it wrote, sequence advances, dropped tables) with
 * its commit time, appended in commit order to segment files in {@code <dataDir>/changelog/}.
 *
 * <p>The log starts with the first backup (before it there is nothing to be incremental to) and is made
 * durable with each group commit, before the data file. Records are appended and transactions committed in
 * memory under one lock, so LSN order is commit order; the data file notes the last LSN it has committed
 * ({@code applied_lsn}). A crash can leave the log ahead of the data file, never behind: on open, the records
 * after {@code applied_lsn} are redone (they hold whole new values, so redoing one already in the file is
 * harmless), which keeps the data file and the log telling the same history.
 *
 * <p>A backup takes a {@link Cut}: the current segment is closed, and while no transaction commits, the LSN
 * and time reached are noted (and, for a full backup, a snapshot is taken). Segments wholly before the cut
 * are copied by incremental backups and deleted once the backup is safe.
 */
public final class ChangeLog implements AutoCloseable {
    public static final String DIRECTORY = "changelog";
    private static final Logger LOG = LoggerFactory.getLogger(ChangeLog.class);
    private static final String STATE_MAP = "changelog";
    private static final String LOG_ID = "log_id";
    private static final String APPLIED_LSN = "applied_lsn";
    private static final String CUT_LSN = "cut_lsn";
    private static final long SEGMENT_BYTES = 64L << 20;

    private final Path directory;
    private final TransactionStore transactions;
    private final ChangeApplier applier;
    private final MVMap<String, String> state;
    private final MVMap<String, Long> sequences;
    /** Commits hold it shared; a cut holds it exclusively, so no commit is half done while it is taken. */
    private final ReentrantReadWriteLock cutLock = new ReentrantReadWriteLock();
    /** Orders appends and in-memory commits while the log is on. */
    private final ReentrantLock appendLock = new ReentrantLock();
    private final Map<String, Long> loggedSequences = new HashMap<>();
    private final List<Path> closedSegments = new ArrayList<>();
    private volatile String logId;
    private volatile SegmentFile.Writer active;
    private long lastLsn;
    private long lastMicros;

    private ChangeLog(Path directory, TransactionStore transactions, ChangeApplier applier, MVMap<String, String> state,
                      MVMap<String, Long> sequences) {
        this.directory = directory;
        this.transactions = transactions;
        this.applier = applier;
        this.state = state;
        this.sequences = sequences;
    }

    /**
     * Opens the log of the store in {@code dataDir}, checking every segment and redoing the committed
     * transactions the data file lacks.
     */
    public static ChangeLog open(Path dataDir, MVStore store, TransactionStore transactions, ChangeApplier applier,
                                 MVMap<String, Long> sequences) {
        MVMap<String, String> state = store.openMap(STATE_MAP,
                new MVMap.Builder<String, String>().keyType(StringDataType.INSTANCE).valueType(StringDataType.INSTANCE));
        ChangeLog log = new ChangeLog(dataDir.resolve(DIRECTORY), transactions, applier, state, sequences);
        log.lastLsn = Math.max(log.stateLong(APPLIED_LSN), log.stateLong(CUT_LSN));
        String id = state.get(LOG_ID);
        if (id != null) {
            log.recover(id);
        }
        return log;
    }

    /** Whether a backup has started the log (and no restore or reset has ended it since). */
    public boolean enabled() {
        return logId != null;
    }

    /**
     * Commits a transaction in memory, logging its effects first when the log is on. Durability is still the
     * caller's business (group commit forces the log before the data file).
     */
    public void commit(Transaction tx, Runnable commitInMemory) {
        cutLock.readLock().lock();
        try {
            if (logId == null) {
                commitInMemory.run();
                return;
            }
            List<Change> changes = capture(tx);
            appendLock.lock();
            try {
                appendAndRun(changes, commitInMemory);
            } finally {
                appendLock.unlock();
            }
        } finally {
            cutLock.readLock().unlock();
        }
    }

    /** Logs that maps were removed (a dropped table's), after the drop committed and before they go. */
    public void dropMaps(List<String> names, Runnable drop) {
        cutLock.readLock().lock();
        try {
            if (logId == null) {
                drop.run();
                return;
            }
            appendLock.lock();
            try {
                appendAndRun(names.stream().map(Change::dropMap).toList(), drop);
            } finally {
                appendLock.unlock();
            }
        } finally {
            cutLock.readLock().unlock();
        }
    }

    /** Makes every appended record durable; group commit calls it before syncing the data file. */
    public void force() {
        SegmentFile.Writer writer = active;
        if (writer != null) {
            writer.force();
        }
    }

    /**
     * The point a backup copies up to. Starts the log if it is off. {@code atCut} runs while no transaction
     * commits (a full backup takes its snapshot there).
     */
    public Cut cut(Runnable atCut) {
        cutLock.writeLock().lock();
        appendLock.lock();
        try {
            if (logId == null) {
                start();
            }
            roll();
            lastMicros = Math.max(lastMicros, nowMicros());
            atCut.run();
            state.put(CUT_LSN, Long.toString(lastLsn));
            return new Cut(logId, lastLsn, lastMicros, List.copyOf(closedSegments));
        } finally {
            appendLock.unlock();
            cutLock.writeLock().unlock();
        }
    }

    /** Deletes the segments a cut covered, once the backup holding them (and the cut itself) is durable. */
    public void release(Cut cut) {
        appendLock.lock();
        try {
            for (Path segment : cut.segments()) {
                Files.deleteIfExists(segment);
                closedSegments.remove(segment);
            }
        } catch (IOException e) {
            throw Failures.io("could not remove change-log file", e);
        } finally {
            appendLock.unlock();
        }
    }

    /**
     * Where a backup stops.
     *
     * @param logId the log's id; an incremental backup must continue the same log
     * @param lsn the last LSN before the cut
     * @param micros the cut's time; every transaction committed at or before it has an LSN up to {@code lsn}
     * @param segments the closed segments, oldest first: every record up to {@code lsn} not yet released
     */
    public record Cut(String logId, long lsn, long micros, List<Path> segments) {
    }

    @Override
    public void close() {
        appendLock.lock();
        try {
            if (active != null) {
                active.close();
                active = null;
            }
        } finally {
            appendLock.unlock();
        }
    }

    static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    private void appendAndRun(List<Change> changes, Runnable commitInMemory) {
        List<Change> all = new ArrayList<>(changes);
        Map<String, Long> advanced = advancedSequences();
        advanced.forEach((name, value) -> all.add(Change.sequence(name, value)));
        long lsn = lastLsn + 1;
        long micros = Math.max(lastMicros, nowMicros());
        SegmentFile.Writer writer = writerFor(lsn);
        long start = writer.append(new ChangeRecord(lsn, micros, all));
        try {
            commitInMemory.run();
        } catch (RuntimeException e) {
            writer.truncate(start);
            throw e;
        }
        lastLsn = lsn;
        lastMicros = micros;
        loggedSequences.putAll(advanced);
        state.put(APPLIED_LSN, Long.toString(lsn));
    }

    /**
     * The transaction's effects: for each key it wrote, its final value as the transaction sees it. The undo
     * log lists every key written (newest first); reading each key's value through the transaction gives
     * the value it will commit.
     */
    private List<Change> capture(Transaction tx) {
        Map<String, TransactionMap<Object, Object>> maps = new HashMap<>();
        LinkedHashMap<WrittenKey, Change> latest = new LinkedHashMap<>();
        Iterator<TransactionStore.Change> written = tx.getChanges(0);
        while (written.hasNext()) {
            TransactionStore.Change change = written.next();
            if (MapKind.of(change.mapName) == null) {
                continue; // the storage engine's own bookkeeping, rebuilt rather than restored
            }
            WrittenKey key = new WrittenKey(change.mapName, change.key);
            if (!latest.containsKey(key)) {
                TransactionMap<Object, Object> map = maps.computeIfAbsent(change.mapName,
                        name -> tx.openMapX(applier.open(name)));
                Object value = map.getFromSnapshot(change.key);
                latest.put(key, value == null ? Change.remove(change.mapName, change.key)
                        : Change.put(change.mapName, change.key, value));
            }
        }
        List<Change> inOrder = new ArrayList<>(latest.values());
        Collections.reverse(inOrder);
        return inOrder;
    }

    /** A map name and key, compared by content (keys may be byte arrays). */
    private record WrittenKey(String map, Object key) {
        @Override
        public boolean equals(Object other) {
            return other instanceof WrittenKey that && map.equals(that.map) && normal(key).equals(normal(that.key));
        }

        @Override
        public int hashCode() {
            return 31 * map.hashCode() + normal(key).hashCode();
        }

        private static Object normal(Object key) {
            return key instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : key;
        }
    }

    private Map<String, Long> advancedSequences() {
        Map<String, Long> advanced = new HashMap<>();
        sequences.forEach((name, value) -> {
            if (!value.equals(loggedSequences.get(name))) {
                advanced.put(name, value);
            }
        });
        return advanced;
    }

    private SegmentFile.Writer writerFor(long lsn) {
        if (active != null && active.size() >= SEGMENT_BYTES) {
            roll();
        }
        if (active == null) {
            active = SegmentFile.Writer.create(directory, logId, lsn);
        }
        return active;
    }

    private void roll() {
        if (active != null) {
            active.close();
            closedSegments.add(active.path());
            active = null;
        }
    }

    private void start() {
        String id = UUID.randomUUID().toString();
        try {
            Files.createDirectories(directory);
            for (Path stale : SegmentFile.list(directory)) {
                Files.delete(stale); // a log that was switched off; no backup can continue it
            }
        } catch (IOException e) {
            throw Failures.io("could not create directory \"" + directory + "\"", e);
        }
        state.put(LOG_ID, id);
        logId = id;
        loggedSequences.clear();
        loggedSequences.putAll(sequences);
        LOG.info("change log {} started in {}", id, directory);
    }

    /**
     * Checks every segment, cuts off a record a crash left half written, and redoes the records the data
     * file lacks. A log that lost records the data file has can no longer continue a backup: that is an error
     * naming the file, since the data file itself is fine and the fix is to set the log aside.
     */
    private void recover(String id) {
        if (!Files.isDirectory(directory)) {
            LOG.warn("the change log directory {} is missing; backups must start again with a full backup", directory);
            state.remove(LOG_ID);
            return;
        }
        long applied = stateLong(APPLIED_LSN);
        List<Path> segments = SegmentFile.list(directory);
        List<ChangeRecord> redo = new ArrayList<>();
        long expected = segments.isEmpty() ? stateLong(CUT_LSN) + 1 : SegmentFile.firstLsn(segments.getFirst());
        if (expected > applied + 1 && !segments.isEmpty()) {
            throw brokenLog(segments.getFirst(), "it starts at LSN " + expected + " but the data file has only reached LSN " + applied);
        }
        for (int i = 0; i < segments.size(); i++) {
            Path segment = segments.get(i);
            if (SegmentFile.firstLsn(segment) != expected) {
                throw brokenLog(segment, "expected it to start at LSN " + expected);
            }
            boolean newest = i == segments.size() - 1;
            SegmentFile.Scan scan;
            try {
                scan = SegmentFile.read(segment, id, expected, newest, record -> {
                    if (record.lsn() > applied) {
                        redo.add(record);
                    }
                });
            } catch (QuiverException e) {
                throw e.state() == SqlState.DATA_CORRUPTED ? e.withHint(setAsideHint()) : e;
            }
            if (scan.tornTail() != null) {
                LOG.warn("cutting off the end of {} at byte {}, left by a crash during a write ({})", segment,
                        scan.validLength(), scan.tornTail());
                truncate(segment, scan.validLength());
            }
            expected = scan.lastLsn() + 1;
            if (!newest) {
                closedSegments.add(segment);
            }
        }
        long last = expected - 1;
        if (last < applied) {
            throw brokenLog(segments.isEmpty() ? directory : segments.getLast(),
                    "it ends at LSN " + last + " but the data file has committed up to LSN " + applied);
        }
        for (ChangeRecord record : redo) {
            applier.apply(record.changes());
            lastMicros = record.commitMicros();
        }
        if (!redo.isEmpty()) {
            LOG.info("redid {} committed transactions from the change log (LSN {} to {})", redo.size(),
                    redo.getFirst().lsn(), last);
        }
        lastLsn = last;
        state.put(APPLIED_LSN, Long.toString(last));
        if (!segments.isEmpty()) {
            // appends go to a new segment, so a closed segment never changes again
            closedSegments.add(segments.getLast());
        }
        logId = id;
        loggedSequences.putAll(sequences);
    }

    private static void truncate(Path segment, long length) {
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(length);
            channel.force(true);
        } catch (IOException e) {
            throw Failures.io("could not truncate file \"" + segment + "\"", e);
        }
    }

    private QuiverException brokenLog(Path file, String reason) {
        return Failures.corrupted(file, reason).withHint(setAsideHint());
    }

    private String setAsideHint() {
        return "The data file is intact. Move the directory \"" + directory + "\" aside and start again, "
                + "then take a new full backup into an empty directory.";
    }

    private long stateLong(String key) {
        String value = state.get(key);
        return value == null ? 0 : Long.parseLong(value);
    }
}

package io.quiver.executor.stats;

import io.quiver.catalog.ColumnDefinition;
import io.quiver.catalog.TableDefinition;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One table's statistics: row counts, write counters since the server started keeping them, and per column
 * statistics. Changed only by {@link Statistics} under the table's lock; readers take the same lock.
 */
public final class TableStatistics {
    private long liveRows;
    private long deadRows;
    private long inserts;
    private long updates;
    private long deletes;
    private long modifiedSinceAnalyze;
    private long analyzeCount;
    private OffsetDateTime lastAnalyze;
    /** Since the server started: like PostgreSQL's after a crash, these are not kept across restarts. */
    private long vacuumCount;
    private long autovacuumCount;
    private OffsetDateTime lastVacuum;
    private OffsetDateTime lastAutovacuum;
    private final List<ColumnStatistics> columns = new ArrayList<>();

    TableStatistics(TableDefinition table) {
        fitColumns(table);
    }

    /** Adds statistics for columns added to the table since (their existing rows hold NULL). */
    void fitColumns(TableDefinition table) {
        List<ColumnDefinition> definitions = table.columns();
        for (int c = columns.size(); c < definitions.size(); c++) {
            int dimensions = definitions.get(c).type().dimensions();
            ColumnStatistics column = dimensions > 0 ? new VectorColumnStatistics(dimensions)
                    : new ScalarColumnStatistics();
            for (long r = 0; r < liveRows; r++) {
                column.add(null);
            }
            columns.add(column);
        }
    }

    void inserted(Object[] row) {
        liveRows++;
        inserts++;
        modifiedSinceAnalyze++;
        addRow(row);
    }

    void updated(Object[] old, Object[] row) {
        updates++;
        deadRows++;
        modifiedSinceAnalyze++;
        removeRow(old);
        addRow(row);
    }

    void deleted(Object[] old) {
        liveRows--;
        deadRows++;
        deletes++;
        modifiedSinceAnalyze++;
        removeRow(old);
    }

    /** PostgreSQL's TRUNCATE gives the table new, empty files: no live or dead rows, counters kept. */
    void truncated(TableDefinition table) {
        liveRows = 0;
        deadRows = 0;
        columns.clear();
        fitColumns(table);
    }

    /** A row read by ANALYZE: it only rebuilds the content statistics, not the write counters. */
    void scanned(Object[] row) {
        liveRows++;
        addRow(row);
    }

    private void addRow(Object[] row) {
        for (int c = 0; c < columns.size(); c++) {
            columns.get(c).add(c < row.length ? row[c] : null);
        }
    }

    private void removeRow(Object[] row) {
        for (int c = 0; c < columns.size(); c++) {
            columns.get(c).remove(c < row.length ? row[c] : null);
        }
    }

    /** Takes the write counters of the statistics this recomputation replaces. */
    void carryCounters(TableStatistics previous) {
        inserts = previous.inserts;
        updates = previous.updates;
        deletes = previous.deletes;
        analyzeCount = previous.analyzeCount;
    }

    void countAnalyze() {
        analyzeCount++;
    }

    /** Starts the counts since the last ANALYZE over; {@code when} is null for a recomputation that is not one. */
    void analyzed(OffsetDateTime when) {
        deadRows = 0;
        modifiedSinceAnalyze = 0;
        lastAnalyze = when;
    }

    /** VACUUM, or autovacuum when {@code automatic}, reclaimed the table's dead row versions. */
    void vacuumed(OffsetDateTime when, boolean automatic) {
        deadRows = 0;
        if (automatic) {
            autovacuumCount++;
            lastAutovacuum = when;
        } else {
            vacuumCount++;
            lastVacuum = when;
        }
    }

    public long vacuumCount() {
        return vacuumCount;
    }

    public long autovacuumCount() {
        return autovacuumCount;
    }

    public OffsetDateTime lastVacuum() {
        return lastVacuum;
    }

    public OffsetDateTime lastAutovacuum() {
        return lastAutovacuum;
    }

    public long liveRows() {
        return liveRows;
    }

    public long deadRows() {
        return deadRows;
    }

    public long inserts() {
        return inserts;
    }

    public long updates() {
        return updates;
    }

    public long deletes() {
        return deletes;
    }

    public OffsetDateTime lastAnalyze() {
        return lastAnalyze;
    }

    /** Rows inserted, updated or deleted since the last ANALYZE (PostgreSQL's n_mod_since_analyze). */
    public long modifiedSinceAnalyze() {
        return modifiedSinceAnalyze;
    }

    public long analyzeCount() {
        return analyzeCount;
    }

    /** A vector column's statistics as the views show them, or null when the column is not a vector column. */
    public VectorSummary vector(int column) {
        if (!(column(column) instanceof VectorColumnStatistics vector)) {
            return null;
        }
        NormGrid.Histogram histogram = vector.norms().histogram();
        return new VectorSummary(vector.count(), vector.nulls(), vector.mean(), vector.norms().min(),
                vector.norms().max(), histogram.bounds(), histogram.counts());
    }

    /**
     * A scalar column's statistics as pg_stats shows them (values as text), or null for a vector column.
     *
     * @param mostCommon at most this many most common values
     * @param buckets at most this many histogram buckets
     */
    public ScalarSummary scalar(int column, int mostCommon, int buckets) {
        if (!(column(column) instanceof ScalarColumnStatistics scalar)) {
            return null;
        }
        double rows = scalar.nulls() + scalar.values();
        var common = scalar.mostCommon(mostCommon);
        return new ScalarSummary(rows == 0 ? 0 : scalar.nulls() / rows,
                scalar.values() == 0 ? 0 : scalar.distinctCount(),
                scalar.exact(), common.stream().map(e -> StatisticsKey.text(e.getKey())).toList(),
                common.stream().map(java.util.Map.Entry::getValue).toList(),
                scalar.histogramBounds(buckets).stream().map(StatisticsKey::text).toList());
    }

    /** What the views show of a vector column; {@code mean}, {@code minNorm}, {@code maxNorm} null when empty. */
    public record VectorSummary(long vectors, long nulls, float[] mean, Float minNorm, Float maxNorm,
                                double[] histogramBounds, long[] histogramCounts) {
    }

    /** What the views show of a scalar column. */
    public record ScalarSummary(double nullFraction, double distinct, boolean exact, List<String> mostCommonValues,
                                List<Double> mostCommonFrequencies, List<String> histogramBounds) {
    }

    List<ColumnStatistics> columns() {
        return columns;
    }

    ColumnStatistics column(int column) {
        return column < columns.size() ? columns.get(column) : null;
    }

    void restoreCounters(long live, long dead, long inserted, long updated, long deleted, long modified,
                         long analyzes, OffsetDateTime analyzed) {
        liveRows = live;
        deadRows = dead;
        inserts = inserted;
        updates = updated;
        deletes = deleted;
        modifiedSinceAnalyze = modified;
        analyzeCount = analyzes;
        lastAnalyze = analyzed;
    }
}

package io.quiver.executor.vector;

import io.quiver.catalog.IndexDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.executor.statement.CancelFlag;
import io.quiver.index.BuildProgress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index builds running now, for {@code pg_stat_progress_create_index}, and a log line about each of them
 * every {@value #LOG_INTERVAL_SECONDS} seconds, so that a long CREATE INDEX shows it is moving.
 */
public final class IndexBuilds implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexBuilds.class);
    static final long LOG_INTERVAL_SECONDS = 5;

    /**
     * One build in progress.
     *
     * @param pid the backend process id of the session building it (0 for a rebuild on first use)
     * @param command "CREATE INDEX", "CREATE INDEX CONCURRENTLY" or "REINDEX", as PostgreSQL names them
     */
    public record Running(int pid, TableDefinition table, IndexDefinition index, String command,
                          BuildProgress progress, long startNanos) {
    }

    private final Set<Running> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService logger = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "quiver-index-build-progress");
        thread.setDaemon(true);
        return thread;
    });

    IndexBuilds() {
        logger.scheduleAtFixedRate(this::logProgress, LOG_INTERVAL_SECONDS, LOG_INTERVAL_SECONDS, TimeUnit.SECONDS);
    }

    public List<Running> running() {
        return List.copyOf(running);
    }

    Running start(int pid, TableDefinition table, IndexDefinition index, String command, CancelFlag cancel) {
        Running build = new Running(pid, table, index, command, new BuildProgress(cancel::requested),
                System.nanoTime());
        running.add(build);
        return build;
    }

    void finish(Running build) {
        running.remove(build);
    }

    private void logProgress() {
        for (Running build : running) {
            BuildProgress progress = build.progress();
            long total = progress.tuplesTotal();
            LOG.info("{} {} on {}.{}: {}, {} of {} tuples ({}%), {} s", build.command(), build.index().name(),
                    build.table().schema(), build.table().name(), progress.phase(), progress.tuplesDone(), total,
                    total == 0 ? 0 : 100 * progress.tuplesDone() / total,
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - build.startNanos()));
        }
    }

    @Override
    public void close() {
        logger.shutdownNow();
    }
}

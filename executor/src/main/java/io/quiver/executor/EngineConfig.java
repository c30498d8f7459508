package io.quiver.executor;

import io.quiver.executor.vacuum.AutovacuumSettings;
import java.nio.file.Path;

/**
 * How to open a database.
 *
 * @param dataDirectory where the data files live (created if missing)
 * @param synchronousCommit whether a commit waits for the disk (PostgreSQL's synchronous_commit)
 * @param autovacuum when the background vacuum runs
 */
public record EngineConfig(Path dataDirectory, boolean synchronousCommit, AutovacuumSettings autovacuum) {
    public EngineConfig(Path dataDirectory, boolean synchronousCommit) {
        this(dataDirectory, synchronousCommit, AutovacuumSettings.DEFAULTS);
    }

    public static EngineConfig of(Path dataDirectory) {
        return new EngineConfig(dataDirectory, true);
    }
}

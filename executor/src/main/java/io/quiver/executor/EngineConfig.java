package io.quiver.executor;

import io.quiver.executor.vacuum.AutovacuumSettings;
import java.nio.file.Path;
import java.util.Map;

/**
 * How to open a database.
 *
 * @param dataDirectory where the data files live (created if missing)
 * @param synchronousCommit whether a commit waits for the disk (PostgreSQL's synchronous_commit)
 * @param autovacuum when the background vacuum runs
 * @param settingDefaults server-wide values of session settings (statement_timeout, max_connections ...), as
 *        postgresql.conf would set them: every session starts with them and RESET returns to them
 */
public record EngineConfig(Path dataDirectory, boolean synchronousCommit, AutovacuumSettings autovacuum,
                           Map<String, String> settingDefaults) {
    public EngineConfig {
        settingDefaults = Map.copyOf(settingDefaults);
    }

    public EngineConfig(Path dataDirectory, boolean synchronousCommit, AutovacuumSettings autovacuum) {
        this(dataDirectory, synchronousCommit, autovacuum, Map.of());
    }

    public EngineConfig(Path dataDirectory, boolean synchronousCommit) {
        this(dataDirectory, synchronousCommit, AutovacuumSettings.DEFAULTS);
    }

    public static EngineConfig of(Path dataDirectory) {
        return new EngineConfig(dataDirectory, true);
    }
}

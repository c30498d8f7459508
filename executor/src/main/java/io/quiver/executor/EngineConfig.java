package io.quiver.executor;

import java.nio.file.Path;

/**
 * How to open a database.
 *
 * @param dataDirectory where the data files live (created if missing)
 * @param synchronousCommit whether a commit waits for the disk (PostgreSQL's synchronous_commit)
 */
public record EngineConfig(Path dataDirectory, boolean synchronousCommit) {
    public static EngineConfig of(Path dataDirectory) {
        return new EngineConfig(dataDirectory, true);
    }
}

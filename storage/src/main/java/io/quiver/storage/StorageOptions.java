package io.quiver.storage;

/**
 * How the storage engine trades durability for speed.
 *
 * @param synchronousCommit when true, {@link StorageTransaction#commit()} returns only once the commit is on
 *     disk; when false it returns at once and the background writer persists it within about a second
 *     (a crash may lose the last commits, never half of one)
 * @param cacheSizeMb the page cache of the data file, in megabytes
 * @param compressRows whether rows are written LZ4-compressed where that pays (rows read either way)
 */
public record StorageOptions(boolean synchronousCommit, int cacheSizeMb, boolean compressRows) {
    public StorageOptions {
        if (cacheSizeMb < 1) {
            throw new IllegalArgumentException("cacheSizeMb must be at least 1, got " + cacheSizeMb);
        }
    }

    public static StorageOptions defaults() {
        return new StorageOptions(true, 64, true);
    }

    public StorageOptions withSynchronousCommit(boolean synchronous) {
        return new StorageOptions(synchronous, cacheSizeMb, compressRows);
    }

    public StorageOptions withRowCompression(boolean compress) {
        return new StorageOptions(synchronousCommit, cacheSizeMb, compress);
    }
}

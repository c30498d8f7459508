package io.quiver.storage.backup;

import java.util.List;

/**
 * One committed transaction in the change log (or one batch of a full backup's rows).
 *
 * @param lsn its position in the log: 1, 2, 3 ... in commit order
 * @param commitMicros when it committed, in microseconds since the epoch; never decreases along the log
 * @param changes its effects, applied in order
 */
public record ChangeRecord(long lsn, long commitMicros, List<Change> changes) {
    public ChangeRecord {
        changes = List.copyOf(changes);
    }
}

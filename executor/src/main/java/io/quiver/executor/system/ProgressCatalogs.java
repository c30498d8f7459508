package io.quiver.executor.system;

import io.quiver.executor.vector.IndexBuilds;
import io.quiver.index.BuildProgress;

/**
 * PostgreSQL's progress views for the commands Quiver reports on. {@code pg_stat_progress_create_index} has a
 * row per vector index build in progress, with pgvector's phase names; Quiver builds from its in-memory
 * vectors, so there are no heap blocks (blocks_* are 0), lockers to wait for, or partitions.
 */
final class ProgressCatalogs {
    static final SystemTable CREATE_INDEX = new SystemTable(
            "pid:int4 datid:oid datname:name relid:oid index_relid:oid command:text phase:text lockers_total:int8 "
                    + "lockers_done:int8 current_locker_pid:int8 blocks_total:int8 blocks_done:int8 tuples_total:int8 "
                    + "tuples_done:int8 partitions_total:int8 partitions_done:int8",
            (context, rows) -> {
                for (IndexBuilds.Running build : context.session().engine().vectorIndexes().running().running()) {
                    BuildProgress progress = build.progress();
                    rows.add().set("pid", build.pid()).set("datid", SystemObjects.DATABASE_OID)
                            .set("datname", context.session().options().database())
                            .set("relid", build.table().oid()).set("index_relid", build.index().oid())
                            .set("command", build.command()).set("phase", progress.phase())
                            .set("lockers_total", 0).set("lockers_done", 0).set("current_locker_pid", 0)
                            .set("blocks_total", 0).set("blocks_done", 0)
                            .set("tuples_total", progress.tuplesTotal()).set("tuples_done", progress.tuplesDone())
                            .set("partitions_total", 0).set("partitions_done", 0);
                }
            });

    private ProgressCatalogs() {
    }
}

package io.quiver.executor.ddl;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import io.quiver.executor.api.ColumnDescription;
import io.quiver.executor.session.QuiverSession;
import io.quiver.executor.statement.QuiverPreparedStatement;
import io.quiver.executor.statement.StatementResult;
import io.quiver.executor.statement.Statements;
import io.quiver.sql.utility.Backup;
import io.quiver.storage.backup.BackupReport;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code BACKUP TO 'directory'}: an online backup by the server into a directory on its machine, reported
 * as one row. Like VACUUM it runs outside transaction blocks: the backup is its own consistent point, not the
 * session's snapshot.
 */
final class BackupCommand {
    private static final List<ColumnDescription> COLUMNS = List.of(Statements.textColumn("kind"),
            ColumnDescription.computed("lsn", PgType.INT8), ColumnDescription.computed("backup_time", PgType.TIMESTAMPTZ),
            ColumnDescription.computed("files", PgType.INT4), ColumnDescription.computed("bytes", PgType.INT8));

    private BackupCommand() {
    }

    static QuiverPreparedStatement plan(QuiverSession session, Backup backup) {
        return Statements.query(session, COLUMNS, parameters -> {
            if (session.transaction().inBlock()) {
                throw new QuiverException(SqlState.ACTIVE_SQL_TRANSACTION, "BACKUP cannot run inside a transaction block");
            }
            if (backup.directory().isEmpty() || !Path.of(backup.directory()).isAbsolute()) {
                throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "backup directory \"" + backup.directory()
                        + "\" is not an absolute path", null, "Name a directory on the server by its absolute path.", 0, null);
            }
            BackupReport report = session.engine().storage().backup(Path.of(backup.directory()));
            List<Object[]> rows = new ArrayList<>();
            rows.add(new Object[] {report.kind(), report.lsn(),
                    OffsetDateTime.ofInstant(Instant.EPOCH.plus(report.micros(), ChronoUnit.MICROS), ZoneOffset.UTC),
                    report.files(), report.bytes()});
            return StatementResult.rows(rows, "BACKUP");
        });
    }
}

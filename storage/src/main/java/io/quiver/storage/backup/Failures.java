package io.quiver.storage.backup;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.io.IOException;
import java.nio.file.Path;

/** The errors of the change log, backups and restores, worded as PostgreSQL words file errors. */
final class Failures {
    private Failures() {
    }

    static QuiverException io(String what, IOException cause) {
        String reason = cause instanceof java.nio.file.AccessDeniedException ? "Permission denied"
                : cause instanceof java.nio.file.NoSuchFileException ? "No such file or directory"
                : cause.getMessage();
        return new QuiverException(SqlState.IO_ERROR, what + ": " + reason, cause);
    }

    static QuiverException corrupted(Path file, String reason) {
        return new QuiverException(SqlState.DATA_CORRUPTED, "file \"" + file + "\" is corrupted: " + reason);
    }
}

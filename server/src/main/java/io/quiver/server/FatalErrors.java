package io.quiver.server;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;

/** Errors that stop a command, printed as PostgreSQL's tools print them: message, detail, hint. */
final class FatalErrors {
    private FatalErrors() {
    }

    static String describe(QuiverException e) {
        StringBuilder text = new StringBuilder("ERROR:  ").append(e.getMessage());
        if (e.detail() != null) {
            text.append(System.lineSeparator()).append("DETAIL:  ").append(e.detail());
        }
        String hint = e.hint();
        if (hint == null && e.state() == SqlState.DATA_CORRUPTED) {
            hint = "Restore the data directory from a backup: quiver restore --from BACKUP_DIR --data-dir NEW_DIR, "
                    + "then start the server on NEW_DIR.";
        }
        if (hint != null) {
            text.append(System.lineSeparator()).append("HINT:  ").append(hint);
        }
        return text.toString();
    }
}

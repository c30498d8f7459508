package io.quiver.wire.protocol;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.executor.api.Notice;

/**
 * The fields of an ErrorResponse or NoticeResponse.
 *
 * @param severity ERROR, FATAL, NOTICE, WARNING ...
 * @param position 1-based character position in the statement, 0 for none
 */
public record ErrorReport(String severity, String sqlState, String message, String detail, String hint,
                          int position) {
    public static final String ERROR = "ERROR";
    public static final String FATAL = "FATAL";

    public static ErrorReport of(QuiverException e, String severity) {
        return new ErrorReport(severity, e.state().code(), e.getMessage(), e.detail(), e.hint(), e.position());
    }

    /** Anything that is not a QuiverException is an internal error, reported with its own message. */
    public static ErrorReport internal(Throwable t) {
        String message = t.getMessage() != null ? t.getMessage() : t.getClass().getName();
        return new ErrorReport(ERROR, SqlState.INTERNAL_ERROR.code(), message, null, null, 0);
    }

    public static ErrorReport of(Notice notice) {
        return new ErrorReport(notice.severity(), notice.state().code(), notice.message(), null, null, 0);
    }
}

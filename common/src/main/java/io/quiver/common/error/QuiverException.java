package io.quiver.common.error;

/**
 * Every error Quiver reports to a client. It carries what a PostgreSQL ErrorResponse carries, so the wire
 * layer never has to guess a SQLSTATE from an exception type.
 */
public class QuiverException extends RuntimeException {
    private final SqlState state;
    private final String detail;
    private final String hint;
    /** 1-based character position in the statement text, or 0 when the error has no position. */
    private final int position;

    public QuiverException(SqlState state, String message) {
        this(state, message, null, null, 0, null);
    }

    public QuiverException(SqlState state, String message, Throwable cause) {
        this(state, message, null, null, 0, cause);
    }

    public QuiverException(SqlState state, String message, String detail, String hint, int position, Throwable cause) {
        super(message, cause);
        this.state = state;
        this.detail = detail;
        this.hint = hint;
        this.position = position;
    }

    public static QuiverException of(SqlState state, String format, Object... args) {
        return new QuiverException(state, String.format(format, args));
    }

    public SqlState state() {
        return state;
    }

    public String detail() {
        return detail;
    }

    public String hint() {
        return hint;
    }

    public int position() {
        return position;
    }

    /** The same error with a position in the statement text (positions are 1-based, as PostgreSQL's). */
    public QuiverException withPosition(int newPosition) {
        QuiverException copy = new QuiverException(state, getMessage(), detail, hint, newPosition, getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    public QuiverException withDetail(String newDetail) {
        QuiverException copy = new QuiverException(state, getMessage(), newDetail, hint, position, getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    public QuiverException withHint(String newHint) {
        QuiverException copy = new QuiverException(state, getMessage(), detail, newHint, position, getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }
}

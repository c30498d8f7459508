package io.quiver.executor.api;

import io.quiver.common.error.SqlState;

/** A NoticeResponse: severity NOTICE or WARNING, with its SQLSTATE. */
public record Notice(String severity, SqlState state, String message) {
    public static Notice notice(SqlState state, String message) {
        return new Notice("NOTICE", state, message);
    }
}

package io.quiver.common.vector;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts an error as the reference PostgreSQL + pgvector server reports it. */
final class PgErrors {
    private PgErrors() {
    }

    static void assertPgError(ThrowingCallable call, SqlState state, String message) {
        assertPgError(call, state, message, null);
    }

    static void assertPgError(ThrowingCallable call, SqlState state, String message, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(QuiverException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.getMessage()).isEqualTo(message);
            org.assertj.core.api.Assertions.assertThat(e.state()).isEqualTo(state);
            org.assertj.core.api.Assertions.assertThat(e.detail()).isEqualTo(detail);
        });
    }
}

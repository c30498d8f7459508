package io.quiver.sql.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;

/** Shorthands for the parser tests. */
final class Parsing {
    private Parsing() {
    }

    static UtilityStatement parse(String sql) {
        return UtilityStatementParser.tryParse(sql)
                .orElseThrow(() -> new AssertionError("expected a utility statement: " + sql));
    }

    static QuiverException failure(String sql) {
        return catchThrowableOfType(QuiverException.class, () -> UtilityStatementParser.tryParse(sql));
    }

    static void assertError(String sql, SqlState state, String message, int position) {
        QuiverException error = failure(sql);
        assertThat(error).as(sql).isNotNull();
        assertThat(error.state()).as(sql).isEqualTo(state);
        assertThat(error.getMessage()).as(sql).isEqualTo(message);
        assertThat(error.position()).as(sql).isEqualTo(position);
    }

    static void assertSyntaxError(String sql, String message, int position) {
        assertError(sql, SqlState.SYNTAX_ERROR, message, position);
    }
}

package io.quiver.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PostgreSQL's interval constants become Calcite interval literals while parsing. */
class PgIntervalLiteralsTest {
    private static SqlNode item(String expression) {
        return ((SqlSelect) QuiverSqlParser.parse("SELECT " + expression)).getSelectList().get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"interval '1 day'", "INTERVAL  '2 hours 30 minutes'", "'1 day'::interval",
        "CAST('7 days' AS interval)", "interval '1' day", "Interval\n'90 mins'"})
    void dayTimeConstantsAreDayTimeLiterals(String expression) {
        assertThat(item(expression)).isInstanceOfSatisfying(SqlIntervalLiteral.class,
                literal -> assertThat(literal.getTypeName().getFamily()).isEqualTo(SqlTypeName.INTERVAL_DAY.getFamily()));
    }

    @Test
    void monthsAreAYearMonthLiteral() {
        assertThat(item("interval '1 year 2 mons'")).isInstanceOfSatisfying(SqlIntervalLiteral.class,
                literal -> assertThat(literal.getTypeName()).isEqualTo(SqlTypeName.INTERVAL_YEAR_MONTH));
    }

    @Test
    void quotesInsideTheTextAreUndoubled() {
        assertThat(PgIntervalLiterals.quotedText("interval 'it''s'")).isEqualTo("it's");
    }

    @Test
    void badTextIs22007() {
        assertThatThrownBy(() -> item("interval 'soon'")).isInstanceOfSatisfying(QuiverException.class, e -> {
            assertThat(e.state()).isEqualTo(SqlState.INVALID_DATETIME_FORMAT);
            assertThat(e.getMessage()).isEqualTo("invalid input syntax for type interval: \"soon\"");
        });
    }
}

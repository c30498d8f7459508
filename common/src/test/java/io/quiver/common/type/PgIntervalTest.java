package io.quiver.common.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Expected strings are what PostgreSQL 15 printed for {@code SELECT interval 'input'}. */
class PgIntervalTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1 day|1 day", "2 hours 30 minutes|02:30:00", "7 days|7 days", "1 day 2 hours|1 day 02:00:00",
        "-1 day|-1 days", "-1 day 2 hours|-1 days +02:00:00", "1.5 days|1 day 12:00:00",
        "1.5 months|1 mon 15 days", "10|00:00:10", "1 year 2 mons|1 year 2 mons", "36 hours|36:00:00",
        "1 min 30 secs|00:01:30", "1 d 2 h 3 m 4 s|1 day 02:03:04", "@ 1 day ago|-1 days",
        "1 day -02:00:00|1 day -02:00:00", "-02:30|-02:30:00", "0.5 sec|00:00:00.5", "1 week|7 days",
        "1 hr|01:00:00", "100 years|100 years", "1:2|01:02:00", "3 mins|00:03:00", "2 hrs|02:00:00",
        "1 Minute|00:01:00", "250 ms|00:00:00.25", "1 microsecond|00:00:00.000001", "0 days|00:00:00"})
    void readsAndPrintsAsPostgres(String input, String printed) {
        assertThat(PgInterval.parse(input).toString()).isEqualTo(printed);
    }

    @Test
    void keepsMonthsDaysAndTimeApart() {
        assertThat(PgInterval.parse("1 year 2 months 3 days 04:05:06")).isEqualTo(
                new PgInterval(14, 3, (4 * 3_600 + 5 * 60 + 6) * PgInterval.MICROS_PER_SECOND));
    }

    @Test
    void daysOfMillisecondsAreWholeDaysAndTheRest() {
        assertThat(PgInterval.ofMillis(26 * 3_600_000L).toString()).isEqualTo("1 day 02:00:00");
        assertThat(PgInterval.ofMillis(-26 * 3_600_000L).toString()).isEqualTo("-1 days -02:00:00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "1 fortnight", "", "1day2hours", "1 day 1 day", "1:00 2:00", "ago", "1 2"})
    void rejectsWhatPostgresRejects(String input) {
        assertThatThrownBy(() -> PgInterval.parse(input)).isInstanceOfSatisfying(QuiverException.class, e -> {
            assertThat(e.state()).isEqualTo(SqlState.INVALID_DATETIME_FORMAT);
            assertThat(e.getMessage()).isEqualTo("invalid input syntax for type interval: \"" + input + "\"");
        });
    }

    @Test
    void minutesPastFiftyNineOverflow() {
        assertThatThrownBy(() -> PgInterval.parse("1:60")).isInstanceOfSatisfying(QuiverException.class, e -> {
            assertThat(e.state()).isEqualTo(SqlState.INTERVAL_FIELD_OVERFLOW);
            assertThat(e.getMessage()).isEqualTo("interval field value out of range: \"1:60\"");
        });
    }
}

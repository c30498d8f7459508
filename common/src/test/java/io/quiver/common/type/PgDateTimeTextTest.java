package io.quiver.common.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PostgreSQL's ISO date/time input, shared by wire parameters and SQL casts. */
class PgDateTimeTextTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "2026-11-23 16:42:51|2026-11-23T16:42:51|none",
        "2026-11-23 16:42:51.757+00|2026-11-23T16:42:51.757|Z",
        "2026-11-23 16:42:51+05:30|2026-11-23T16:42:51|+05:30",
        "2026-11-23 16:42:51-08|2026-11-23T16:42:51|-08:00",
        "2026-11-23T16:42:51Z|2026-11-23T16:42:51|Z",
        "2026-11-23|2026-11-23T00:00|none",
        "2026-11-23 16:42:51.1234567|2026-11-23T16:42:51.123457|none"})
    void readsIsoInputWithOrWithoutAnOffset(String text, String local, String offset) {
        PgDateTimeText.Parsed parsed = PgDateTimeText.parse(text, "timestamp with time zone");
        assertThat(parsed.dateTime()).isEqualTo(LocalDateTime.parse(local));
        assertThat(parsed.offset()).isEqualTo(offset == null ? null : ZoneOffset.of(offset));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "2026-11-23 16", "", "now-ish"})
    void badInputIs22007WithTheTypeName(String text) {
        assertThatThrownBy(() -> PgDateTimeText.parse(text, "timestamp with time zone"))
                .isInstanceOfSatisfying(QuiverException.class, e -> {
                    assertThat(e.state()).isEqualTo(SqlState.INVALID_DATETIME_FORMAT);
                    assertThat(e.getMessage()).isEqualTo(
                            "invalid input syntax for type timestamp with time zone: \"" + text + "\"");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-01", "2026-02-30 10:00"})
    void impossibleDatesAreOutOfRange(String text) {
        assertThatThrownBy(() -> PgDateTimeText.parse(text, "date"))
                .isInstanceOfSatisfying(QuiverException.class,
                        e -> assertThat(e.state()).isEqualTo(SqlState.DATETIME_FIELD_OVERFLOW));
    }
}

package org.accord.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

    static Instant at(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), ZONE)
                .toInstant();
    }

    @Test
    void overnightHoursCoverTheLateEveningAndTheEarlyMorning() {
        assertThat(NIGHT.covers(LocalTime.of(22, 0))).isTrue();
        assertThat(NIGHT.covers(LocalTime.of(23, 59))).isTrue();
        assertThat(NIGHT.covers(LocalTime.of(0, 0))).isTrue();
        assertThat(NIGHT.covers(LocalTime.of(6, 59))).isTrue();
        assertThat(NIGHT.covers(LocalTime.of(7, 0))).isFalse();
        assertThat(NIGHT.covers(LocalTime.of(12, 0))).isFalse();
        assertThat(NIGHT.covers(LocalTime.of(21, 59))).isFalse();
    }

    @Test
    void aNoticeInsideQuietHoursWaitsForTheirEnd() {
        assertThat(NIGHT.deferred(at("2026-11-27T23:30"), ZONE)).isEqualTo(at("2026-11-28T07:00"));
        assertThat(NIGHT.deferred(at("2026-11-28T03:00"), ZONE)).isEqualTo(at("2026-11-28T07:00"));
        assertThat(NIGHT.deferred(at("2026-11-28T09:15"), ZONE)).isEqualTo(at("2026-11-28T09:15"));
    }

    @Test
    void daytimeHoursWork() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 30));
        assertThat(lunch.deferred(at("2026-11-27T12:10"), ZONE)).isEqualTo(at("2026-11-27T14:30"));
        assertThat(lunch.deferred(at("2026-11-27T14:30"), ZONE)).isEqualTo(at("2026-11-27T14:30"));
    }

    @Test
    void emptyHoursAreRefused() {
        assertThatThrownBy(() -> new QuietHours(LocalTime.NOON, LocalTime.NOON))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noticesKeepToTheirLimits() {
        assertThatThrownBy(() -> Notice.of(java.util.List.of(1L), "x", "t", "b", "https://evil.example/"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Notice.of(java.util.List.of(1L), "x", "t", "b", "//evil.example/"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Notice.of(java.util.List.of(), "x", "t", "b", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Notice.of(java.util.List.of(1L), "x", "标".repeat(300), "b", "/inbox")
                        .title())
                .hasSize(Notice.TITLE_MAX);
    }
}

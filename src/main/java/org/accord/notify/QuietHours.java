package org.accord.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A daily period without e-mail or SMS, in local time; it may run over midnight (22:00–07:00).
 * Normal notices due inside it are sent when it ends; urgent ones go at once.
 */
record QuietHours(LocalTime start, LocalTime end) {

    QuietHours {
        if (start.equals(end)) {
            throw new IllegalArgumentException("Quiet hours must not start and end at the same time");
        }
    }

    boolean covers(LocalTime time) {
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end);
    }

    /** {@code now} if it is outside the quiet hours, otherwise the moment they end. */
    Instant deferred(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!covers(time)) {
            return now;
        }
        LocalDate day =
                time.isBefore(end) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return ZonedDateTime.of(day, end, zone).toInstant();
    }
}

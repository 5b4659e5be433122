package org.accord.calendar;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * A stored holiday or make-up working day. Table and column names are derived from the class and
 * property names (no explicit, case-sensitive quoted names), so that they resolve on H2 and
 * PostgreSQL alike.
 */
class CalendarSpecialDay {

    @Id
    private @Nullable Long id;

    private final LocalDate dayDate;

    private DayKind kind;
    private String name;
    private String updatedBy;
    private Instant updatedAt;

    CalendarSpecialDay(
            @Nullable Long id, LocalDate dayDate, DayKind kind, String name, String updatedBy, Instant updatedAt) {
        this.id = id;
        this.dayDate = dayDate;
        this.kind = kind;
        this.name = name;
        this.updatedBy = updatedBy;
        this.updatedAt = updatedAt;
    }

    static CalendarSpecialDay of(SpecialDay day, String by, Instant at) {
        return new CalendarSpecialDay(null, day.date(), day.kind(), day.name(), by, at);
    }

    void changeTo(SpecialDay day, String by, Instant at) {
        if (!day.date().equals(dayDate)) {
            throw new IllegalArgumentException("Row of " + dayDate + " cannot hold " + day.date());
        }
        this.kind = day.kind();
        this.name = day.name();
        this.updatedBy = by;
        this.updatedAt = at;
    }

    SpecialDay toSpecialDay() {
        return new SpecialDay(dayDate, kind, name);
    }

    LocalDate date() {
        return dayDate;
    }
}

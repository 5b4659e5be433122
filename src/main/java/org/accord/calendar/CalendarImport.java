package org.accord.calendar;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/** One import of a holiday list (the seed on first start included): who, when, what changed. */
record CalendarImport(
        @Id @Nullable Long id,
        String source,
        LocalDate firstDate,
        LocalDate lastDate,
        int added,
        int changed,
        int removed,
        String importedBy,
        Instant importedAt) {}

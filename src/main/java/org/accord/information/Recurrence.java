package org.accord.information;

import java.time.LocalDate;

/** How often a recurring request opens a new occurrence. */
enum Recurrence {
    DAILY,
    WEEKLY,
    MONTHLY;

    LocalDate next(LocalDate date) {
        switch (this) {
            case DAILY:
                return date.plusDays(1);
            case WEEKLY:
                return date.plusWeeks(1);
            case MONTHLY:
            default:
                return date.plusMonths(1);
        }
    }
}

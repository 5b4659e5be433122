package org.accord.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Puts the official holiday lists shipped with the application into an empty calendar, once: an
 * import record with source {@code seed:<file>} marks that it happened, so a restart never adds
 * them again and a day an administrator has since put back to normal stays normal. Runs while the
 * {@link WorkingCalendar} is created, so no other module ever sees a calendar without holidays.
 */
class CalendarSeed {

    static final String RESOURCE = "calendar/cn-holidays-2024-2026.csv";
    static final String SOURCE = "seed:cn-holidays-2024-2026.csv";
    static final String BY = "system";

    private static final Logger log = LoggerFactory.getLogger(CalendarSeed.class);

    private final SpecialDays days;
    private final CalendarImports imports;
    private final TransactionOperations transactions;

    CalendarSeed(SpecialDays days, CalendarImports imports, TransactionOperations transactions) {
        this.days = days;
        this.imports = imports;
        this.transactions = transactions;
    }

    void seedIfNeeded() {
        if (imports.existsBySource(SOURCE)) {
            return;
        }
        HolidayList list = HolidayList.parse(read());
        if (!list.isValid()) {
            throw new IllegalStateException(
                    "The shipped holiday list " + RESOURCE + " has problems: " + list.problems());
        }
        try {
            transactions.executeWithoutResult(status -> {
                if (imports.existsBySource(SOURCE)) {
                    return;
                }
                Instant now = Instant.now();
                int added = 0;
                for (SpecialDay day : list.days()) {
                    // A day already there (set by hand before the seed ran) is kept as it is.
                    if (days.findByDayDate(day.date()).isEmpty()) {
                        days.save(CalendarSpecialDay.of(day, BY, now));
                        added++;
                    }
                }
                imports.save(new CalendarImport(
                        null,
                        SOURCE,
                        list.days().get(0).date(),
                        list.days().get(list.days().size() - 1).date(),
                        added,
                        0,
                        0,
                        BY,
                        now));
                log.info("Seeded the working-day calendar with {} days from {}", added, RESOURCE);
            });
        } catch (DataIntegrityViolationException seededByAnotherInstance) {
            log.info("The working-day calendar was seeded by another instance meanwhile");
        }
    }

    private static String read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return HolidayList.decode(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}

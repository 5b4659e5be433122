package org.accord.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.accord.audit.Audited;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes to the calendar: single days and whole holiday lists. Every change refreshes the
 * in-memory {@link WorkingCalendar} of this instance once it is committed.
 */
@Service
class CalendarAdministration {

    private final SpecialDays days;
    private final CalendarImports imports;
    private final WorkingCalendar calendar;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;

    CalendarAdministration(
            SpecialDays days,
            CalendarImports imports,
            WorkingCalendar calendar,
            PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events) {
        this.days = days;
        this.imports = imports;
        this.calendar = calendar;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
    }

    /** Makes {@code day} special, replacing whatever the date was before. */
    void mark(SpecialDay day, String by) {
        transactions.executeWithoutResult(status -> {
            Instant now = Instant.now();
            Optional<CalendarSpecialDay> row = days.findByDayDate(day.date());
            String before = row.map(CalendarSpecialDay::toSpecialDay)
                    .map(CalendarAdministration::describe)
                    .orElse(null);
            if (row.isPresent()) {
                row.get().changeTo(day, by, now);
                days.save(row.get());
            } else {
                days.save(CalendarSpecialDay.of(day, by, now));
            }
            audit("day", day.date().toString(), "mark", before, describe(day));
        });
        calendar.reload();
    }

    /** Puts {@code date} back under the weekend rule. */
    void resetToNormal(LocalDate date) {
        transactions.executeWithoutResult(status -> days.findByDayDate(date).ifPresent(row -> {
            days.delete(row);
            audit("day", date.toString(), "reset", describe(row.toSpecialDay()), null);
        }));
        calendar.reload();
    }

    /** What importing {@code list} would change now. */
    ImportPlan plan(HolidayList list) {
        if (!list.isValid()) {
            throw new IllegalArgumentException("A list with problems cannot be planned");
        }
        LocalDate first = LocalDate.of(list.years().first(), 1, 1);
        LocalDate last = LocalDate.of(list.years().last(), 12, 31);
        List<SpecialDay> current = days.findByDayDateBetweenOrderByDayDate(first, last).stream()
                .map(CalendarSpecialDay::toSpecialDay)
                .toList();
        return ImportPlan.of(list, current);
    }

    /** Applies {@code list}: it replaces the calendar of the years it covers. */
    ImportPlan apply(HolidayList list, String source, String by) {
        ImportPlan plan = Objects.requireNonNull(transactions.execute(status -> {
            ImportPlan current = plan(list);
            Instant now = Instant.now();
            for (SpecialDay gone : current.removed()) {
                days.findByDayDate(gone.date()).ifPresent(days::delete);
            }
            for (ImportPlan.Change change : current.changed()) {
                CalendarSpecialDay row =
                        days.findByDayDate(change.after().date()).orElseThrow();
                row.changeTo(change.after(), by, now);
                days.save(row);
            }
            days.saveAll(current.added().stream()
                    .map(day -> CalendarSpecialDay.of(day, by, now))
                    .toList());
            imports.save(new CalendarImport(
                    null,
                    source,
                    current.firstDate(),
                    current.lastDate(),
                    current.added().size(),
                    current.changed().size(),
                    current.removed().size(),
                    by,
                    now));
            audit(
                    "holiday-list",
                    source,
                    "import",
                    null,
                    "years=" + current.years() + "; added=" + current.added().size() + ", changed="
                            + current.changed().size() + ", removed="
                            + current.removed().size());
            return current;
        }));
        calendar.reload();
        return plan;
    }

    /** Tells the audit trail, inside the transaction of the change. */
    private void audit(
            String objectType, String objectId, String action, @Nullable String before, @Nullable String after) {
        events.publishEvent(Audited.now("calendar", objectType, objectId, action, null, before, after));
    }

    private static String describe(SpecialDay day) {
        return day.kind() + (day.name().isEmpty() ? "" : " " + day.name());
    }

    List<CalendarImport> recentImports() {
        return imports.findTop20ByOrderByImportedAtDesc();
    }
}

package org.accord.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.accord.calendar.WorkingCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which past days' case figures are rolled up ({@code case_figure_day_state}), and the guard that keeps a roll-up
 * from going stale: a day is the day its cases were taken in, and every change to a case or its shares clears its
 * day's state in the change's own transaction (ADR 0026).
 *
 * <p>The clearing takes the day's state row lock until the change commits, and the roll-up of a day takes the
 * same lock before it counts; so the roll-up either waits for a change in flight and then sees it, or a change
 * that comes after it clears the day again. Today's cases are never rolled up, nor yesterday's: a change to a
 * case taken in today does not need the lock, which keeps intake free of a row every intake would write. Today
 * here is the day on the cases' clock when the change is made, and a change finishes long before that day is old
 * enough to be rolled up (the day after tomorrow).
 */
@Component
class CaseFigureDays {

    /** The newest day that may be rolled up is this many days before today. */
    static final int ROLLED_UP_AFTER_DAYS = 2;

    private final JdbcClient jdbc;
    private final CaseClock clock;
    private final ZoneId zone;

    CaseFigureDays(JdbcClient jdbc, CaseClock clock, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = calendar.zone();
    }

    ZoneId zone() {
        return zone;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.now(), zone);
    }

    LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /**
     * A case taken in at {@code createdAt} is being changed: its day's roll-up is cleared before the change's
     * transaction commits, all days of one transaction in order (so that two transactions never wait on each
     * other's days the other way round).
     */
    void changed(Instant createdAt) {
        LocalDate day = dayOf(createdAt);
        if (!day.isBefore(today())) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            clear(day);
            return;
        }
        @SuppressWarnings("unchecked")
        SortedSet<LocalDate> days = (SortedSet<LocalDate>) TransactionSynchronizationManager.getResource(this);
        if (days == null) {
            SortedSet<LocalDate> pending = new TreeSet<>();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    pending.forEach(CaseFigureDays.this::clear);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CaseFigureDays.this);
                }
            });
            days = pending;
        }
        days.add(day);
    }

    /** Clears the day's state, locking its row until the caller's transaction ends. */
    private void clear(LocalDate day) {
        if (setNotRolledUp(day) == 0) {
            // No row yet: make one, then lock it. A roll-up that made the row first and is counting holds the lock,
            // so the update below waits for it and clears what it is about to set.
            makeRow(day);
            setNotRolledUp(day);
        }
    }

    private void makeRow(LocalDate day) {
        jdbc.sql(
                        "INSERT INTO case_figure_day_state (intake_day, rolled_up) VALUES (:day, FALSE) ON CONFLICT DO NOTHING")
                .param("day", day)
                .update();
    }

    private int setNotRolledUp(LocalDate day) {
        return jdbc.sql("UPDATE case_figure_day_state SET rolled_up = FALSE WHERE intake_day = :day")
                .param("day", day)
                .update();
    }

    /**
     * The days from {@code from} to {@code to} (both inclusive) whose roll-up is current: counted since their last
     * change, with the figures' definitions and zone that {@code fingerprint} names.
     */
    List<LocalDate> rolledUp(LocalDate from, LocalDate to, String fingerprint) {
        return jdbc.sql("SELECT intake_day FROM case_figure_day_state WHERE intake_day >= :from AND intake_day <= :to"
                        + " AND rolled_up AND fingerprint = :fingerprint ORDER BY intake_day")
                .param("from", from)
                .param("to", to)
                .param("fingerprint", fingerprint)
                .query(LocalDate.class)
                .list();
    }

    /** The days from {@code from} to {@code to} (both inclusive) that have no current roll-up, newest first. */
    List<LocalDate> notRolledUp(LocalDate from, LocalDate to, String fingerprint) {
        Collection<LocalDate> rolled = new TreeSet<>(rolledUp(from, to, fingerprint));
        return from.datesUntil(to.plusDays(1))
                .filter(day -> !rolled.contains(day))
                .sorted((x, y) -> y.compareTo(x))
                .toList();
    }

    /**
     * Locks the day's state row for a roll-up in the caller's transaction, making the row if there is none;
     * false if the day was rolled up meanwhile with the same fingerprint.
     */
    boolean lockForRollUp(LocalDate day, String fingerprint) {
        makeRow(day);
        return jdbc.sql("SELECT rolled_up, fingerprint FROM case_figure_day_state WHERE intake_day = :day FOR UPDATE")
                .param("day", day)
                .query((rs, n) -> !rs.getBoolean(1) || !fingerprint.equals(rs.getString(2)))
                .single();
    }

    void markRolledUp(LocalDate day, String fingerprint) {
        jdbc.sql("UPDATE case_figure_day_state SET rolled_up = TRUE, fingerprint = :fingerprint"
                        + " WHERE intake_day = :day")
                .param("day", day)
                .param("fingerprint", fingerprint)
                .update();
    }
}

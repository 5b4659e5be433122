package org.accord.information;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.accord.calendar.WorkingCalendar;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The persisted timers of the module (db-scheduler executions, so that a restart loses none): at a request's
 * deadline the check that flags the units without a submitted answer, and at the start of a recurring
 * request's next day the opening of that day's occurrence. Each fires once per instance id.
 */
class InformationTimers {

    static final String MISSING = "information-missing-check";
    static final String OCCURRENCE = "information-occurrence";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final WorkingCalendar calendar;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final ObjectProvider<SituationRequests> requests;
    private final ObjectProvider<RecurringRequests> recurring;
    private OneTimeTask<Void> missing;
    private OneTimeTask<Void> occurrence;

    InformationTimers(
            WorkingCalendar calendar,
            ObjectProvider<SchedulerClient> scheduler,
            ObjectProvider<SituationRequests> requests,
            ObjectProvider<RecurringRequests> recurring) {
        this.calendar = calendar;
        this.scheduler = scheduler;
        this.requests = requests;
        this.recurring = recurring;
    }

    void define(OneTimeTask<Void> missing, OneTimeTask<Void> occurrence) {
        this.missing = missing;
        this.occurrence = occurrence;
    }

    OneTimeTask<Void> missingTask() {
        return missing;
    }

    OneTimeTask<Void> occurrenceTask() {
        return occurrence;
    }

    /** Joins the caller's transaction; a deadline in the past fires on the scheduler's next poll. */
    void scheduleMissingCheck(long requestId, Instant deadline) {
        Instant now = Instant.now();
        scheduler
                .getObject()
                .scheduleIfNotExists(
                        missing.instance(String.valueOf(requestId)), deadline.isBefore(now) ? now : deadline);
    }

    /** The opening of a series' occurrence on a day, at the start of that day in the office's zone. */
    void scheduleOccurrence(long seriesId, LocalDate date) {
        Instant at = date.atStartOfDay(calendar.zone()).toInstant();
        Instant now = Instant.now();
        scheduler
                .getObject()
                .scheduleIfNotExists(occurrence.instance(seriesId + "@" + date), at.isBefore(now) ? now : at);
    }

    void fireMissing(String instanceId) {
        requests.getObject().flagMissing(Long.parseLong(instanceId));
    }

    void fireOccurrence(String instanceId) {
        int at = instanceId.indexOf('@');
        recurring
                .getObject()
                .openOccurrence(
                        Long.parseLong(instanceId.substring(0, at)), LocalDate.parse(instanceId.substring(at + 1)));
    }

    String format(Instant instant) {
        return SHOWN.format(instant.atZone(calendar.zone()));
    }
}

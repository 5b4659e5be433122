package org.accord.supervision;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.accord.audit.Audited;
import org.accord.calendar.WorkingCalendar;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.accord.notify.Notice;
import org.accord.notify.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Schedules a task's reminder, overdue notice and escalation as persisted db-scheduler executions, and
 * does what each one asks when it fires: re-check the task, send at most once per task and kind
 * ({@code supervision_reminder}), audit what was sent.
 */
class SupervisionTimers {

    private static final Logger log = LoggerFactory.getLogger(SupervisionTimers.class);

    private final SupervisedTasks tasks;
    private final WorkingCalendar calendar;
    private final Directory directory;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final int remindBefore;
    private final int escalateAfter;
    private final Map<TimerKind, OneTimeTask<Void>> definitions = new EnumMap<>(TimerKind.class);

    SupervisionTimers(
            SupervisedTasks tasks,
            WorkingCalendar calendar,
            Directory directory,
            Notifications notifications,
            ApplicationEventPublisher events,
            MessageSource messages,
            TransactionTemplate transactions,
            ObjectProvider<SchedulerClient> scheduler,
            int remindBefore,
            int escalateAfter) {
        this.tasks = tasks;
        this.calendar = calendar;
        this.directory = directory;
        this.notifications = notifications;
        this.events = events;
        this.messages = messages;
        this.transactions = transactions;
        this.scheduler = scheduler;
        this.remindBefore = remindBefore;
        this.escalateAfter = escalateAfter;
    }

    void define(TimerKind kind, OneTimeTask<Void> task) {
        definitions.put(kind, task);
    }

    /** When a timer of a task with this deadline is due (not moved forward to now). */
    Instant dueAt(TimerKind kind, LocalDate deadline) {
        switch (kind) {
            case REMIND:
                return calendar.endOfOfficeHours(calendar.addWorkingDays(deadline, -remindBefore));
            case OVERDUE:
                return calendar.endOfOfficeHours(deadline);
            case ESCALATE:
            default:
                return calendar.endOfOfficeHours(calendar.addWorkingDays(deadline, escalateAfter));
        }
    }

    /**
     * Schedules each timer of the task that has not sent yet, unless it is scheduled already; a due time in
     * the past fires on the scheduler's next poll. Joins the caller's transaction.
     */
    void scheduleAll(long taskId, LocalDate deadline) {
        Instant now = Instant.now();
        for (TimerKind kind : TimerKind.values()) {
            if (!tasks.reminderSent(taskId, kind.name())) {
                Instant due = dueAt(kind, deadline);
                schedule(taskId, kind, due.isBefore(now) ? now : due);
            }
        }
    }

    /** Schedules one timer at a given moment, unless that task's timer of this kind is scheduled already. */
    void schedule(long taskId, TimerKind kind, Instant at) {
        scheduler.getObject().scheduleIfNotExists(definition(kind).instance(String.valueOf(taskId)), at);
    }

    /** What a firing does: nothing for a task that no longer needs it, or that was already told. */
    void fire(TimerKind kind, long taskId) {
        transactions.executeWithoutResult(status -> {
            Task task = tasks.findById(taskId).orElse(null);
            if (task == null || task.isCompleted() || task.status() == TaskStatus.COMPLETION_REPORTED) {
                // Nothing to do: on a rejected completion the timers are scheduled again.
                return;
            }
            if (tasks.reminderSent(taskId, kind.name())) {
                return;
            }
            List<PersonSummary> recipients = kind == TimerKind.ESCALATE
                    ? directory
                            .overseeingLeader(task.leadUnitId())
                            .map(List::of)
                            .orElse(List.of())
                    : directory.liaisons(task.leadUnitId());
            Set<Long> ids = recipients.stream().map(PersonSummary::id).collect(Collectors.toSet());
            String names = recipients.stream().map(PersonSummary::name).collect(Collectors.joining("、"));
            tasks.recordReminder(taskId, kind.name(), names);
            String unit = directory.unit(task.leadUnitId()).map(u -> u.name()).orElse("");
            Object[] args = {task.title(), unit, task.deadline().toString()};
            if (!ids.isEmpty()) {
                String title = text("supervision.notice." + kind.name() + ".title", args);
                String body = text("supervision.notice." + kind.name() + ".body", args);
                notifications.send(
                        kind == TimerKind.REMIND
                                ? Notice.of(ids, kind.noticeKind(), title, body, "/tasks/" + taskId)
                                : Notice.urgent(ids, kind.noticeKind(), title, body, "/tasks/" + taskId));
            } else {
                log.warn("Supervision {} of task {}: nobody to tell (unit {})", kind, taskId, task.leadUnitId());
            }
            events.publishEvent(new Audited(
                    Instant.now(),
                    "system",
                    null,
                    "supervision",
                    "task",
                    String.valueOf(taskId),
                    kind.name().toLowerCase(Locale.ROOT),
                    task.leadUnitId(),
                    null,
                    "to: " + (names.isEmpty() ? "-" : names)));
        });
    }

    private OneTimeTask<Void> definition(TimerKind kind) {
        OneTimeTask<Void> task = definitions.get(kind);
        if (task == null) {
            throw new IllegalStateException("No timer defined for " + kind);
        }
        return task;
    }

    private String text(String key, Object[] args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}

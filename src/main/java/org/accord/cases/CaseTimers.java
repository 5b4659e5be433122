package org.accord.cases;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * The case's supervision on persisted db-scheduler executions: a late sign-for, the reminder before the
 * deadline, 催办 after it (copied to the overseeing leader) and the bulletin (通报) after more overdue working
 * days. An execution names its case and the deadline it was set for; when the deadline has moved (extension,
 * suspension, reopening) the old one does nothing. {@code case_notice_sent} makes each notice go out once.
 */
class CaseTimers {

    enum Kind {
        SIGN("cases-sign-late"),
        REMIND("cases-remind"),
        URGE("cases-urge"),
        BULLETIN("cases-bulletin");

        final String taskName;

        Kind(String taskName) {
            this.taskName = taskName;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(CaseTimers.class);

    private final CaseStore store;
    private final WorkingCalendar calendar;
    private final Directory directory;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final CasesSettings settings;
    private final CaseClock clock;
    private final Map<Kind, OneTimeTask<Void>> definitions = new EnumMap<>(Kind.class);

    CaseTimers(
            CaseStore store,
            WorkingCalendar calendar,
            Directory directory,
            Notifications notifications,
            ApplicationEventPublisher events,
            MessageSource messages,
            TransactionTemplate transactions,
            ObjectProvider<SchedulerClient> scheduler,
            CasesSettings settings,
            CaseClock clock) {
        this.clock = clock;
        this.store = store;
        this.calendar = calendar;
        this.directory = directory;
        this.notifications = notifications;
        this.events = events;
        this.messages = messages;
        this.transactions = transactions;
        this.scheduler = scheduler;
        this.settings = settings;
    }

    void define(Kind kind, OneTimeTask<Void> task) {
        definitions.put(kind, task);
    }

    /** When each deadline timer is due for a deadline (before moving a past one to now). */
    Instant dueAt(Kind kind, LocalDate deadline) {
        switch (kind) {
            case REMIND:
                return calendar.endOfOfficeHours(calendar.addWorkingDays(deadline, -settings.remindBeforeWorkingDays()))
                        .minusSeconds(3600);
            case URGE:
                // The morning of the working day after the deadline: end of the deadline day plus a night.
                return calendar.endOfOfficeHours(calendar.addWorkingDays(deadline, settings.urgeAfterWorkingDays()))
                        .minusSeconds(8 * 3600);
            case BULLETIN:
                return calendar.endOfOfficeHours(
                        calendar.addWorkingDays(deadline, settings.bulletinAfterWorkingDays()));
            case SIGN:
            default:
                throw new IllegalArgumentException("The sign-for timer is due at the share's own time");
        }
    }

    /** Joins the caller's transaction: the executions are written with the change that set the deadline. */
    void scheduleDeadline(long caseId, LocalDate deadline) {
        Instant now = clock.now();
        for (Kind kind : List.of(Kind.REMIND, Kind.URGE, Kind.BULLETIN)) {
            Instant due = dueAt(kind, deadline);
            if (kind == Kind.REMIND && due.isBefore(now)) {
                continue; // a reminder for a deadline already this close says nothing new
            }
            schedule(kind, caseId + ":" + deadline, due.isBefore(now) ? now : due);
        }
    }

    void scheduleSign(long shareId, Instant due) {
        schedule(Kind.SIGN, String.valueOf(shareId), due);
    }

    private void schedule(Kind kind, String instance, Instant at) {
        OneTimeTask<Void> task = definitions.get(kind);
        if (task == null) {
            throw new IllegalStateException("No timer defined for " + kind);
        }
        scheduler.getObject().scheduleIfNotExists(task.instance(instance), clock.onScheduler(at));
    }

    /** What a firing does, in one transaction; nothing if the case moved on or was told already. */
    void fire(Kind kind, String instance) {
        transactions.executeWithoutResult(status -> {
            if (kind == Kind.SIGN) {
                fireSign(Long.parseLong(instance));
            } else {
                String[] parts = instance.split(":", 2);
                fireDeadline(kind, Long.parseLong(parts[0]), LocalDate.parse(parts[1]));
            }
        });
    }

    private void fireSign(long shareId) {
        Optional<Long> caseId = store.caseOfShare(shareId);
        if (caseId.isEmpty()) {
            return;
        }
        HotlineCase c = store.find(caseId.get()).orElse(null);
        if (c == null || c.status != CaseStatus.DISPATCHED) {
            return;
        }
        Share share = c.share(shareId).orElse(null);
        if (share == null || share.status != ShareStatus.ASSIGNED) {
            return;
        }
        String key = "share-" + shareId;
        if (store.noticeSent(caseId.get(), Kind.SIGN.name(), key)) {
            return;
        }
        List<PersonSummary> to = directory.liaisons(share.unitId);
        send(c, Kind.SIGN, key, to, false, text("cases.notice.SIGN.title", c.number));
    }

    private void fireDeadline(Kind kind, long caseId, LocalDate deadline) {
        HotlineCase c = store.find(caseId).orElse(null);
        if (c == null
                || c.status != CaseStatus.DISPATCHED
                || c.suspended()
                || c.deadline == null
                || !c.deadline.equals(deadline)
                || c.leadUnitId == null) {
            // Replied, closed, stopped or given another deadline: this execution is stale.
            return;
        }
        String key = deadline.toString();
        if (store.noticeSent(caseId, kind.name(), key)) {
            return;
        }
        long lead = c.leadUnitId;
        Set<PersonSummary> to = new LinkedHashSet<>(directory.liaisons(lead));
        boolean urgent = kind != Kind.REMIND;
        if (kind == Kind.URGE || kind == Kind.BULLETIN) {
            // 催办 is copied to the leader who oversees the lead unit; a bulletin goes to the same people.
            directory.overseeingLeader(lead).ifPresent(to::add);
        }
        send(
                c,
                kind,
                key,
                new ArrayList<>(to),
                urgent,
                text("cases.notice." + kind.name() + ".title", c.number, c.deadline));
    }

    private void send(HotlineCase c, Kind kind, String key, List<PersonSummary> to, boolean urgent, String title) {
        long caseId = c.id == null ? 0 : c.id;
        Set<Long> ids = to.stream().map(PersonSummary::id).collect(Collectors.toSet());
        String names = to.stream().map(PersonSummary::name).collect(Collectors.joining("、"));
        store.recordNotice(caseId, kind.name(), key, names.isEmpty() ? "-" : names);
        if (!ids.isEmpty()) {
            String body = text("cases.notice.body", c.number, CaseDesk.summary(c));
            notifications.send(
                    urgent
                            ? Notice.urgent(
                                    ids,
                                    "cases." + kind.name().toLowerCase(Locale.ROOT),
                                    title,
                                    body,
                                    "/cases/" + caseId)
                            : Notice.of(
                                    ids,
                                    "cases." + kind.name().toLowerCase(Locale.ROOT),
                                    title,
                                    body,
                                    "/cases/" + caseId));
        } else {
            log.warn("Case {} {}: nobody to tell", caseId, kind);
        }
        store.event(
                caseId,
                "system",
                c.leadUnitId,
                "notice-" + kind.name().toLowerCase(Locale.ROOT),
                text("cases.timeline.notice." + kind.name(), names.isEmpty() ? "-" : names),
                false);
        events.publishEvent(new Audited(
                Instant.now(),
                "system",
                null,
                "cases",
                "case",
                String.valueOf(caseId),
                kind.name().toLowerCase(Locale.ROOT),
                c.leadUnitId,
                null,
                "to: " + (names.isEmpty() ? "-" : names)));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}

package org.accord.documents;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.LinkedHashSet;
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
 * The reminders (催办) of a routed document as persisted db-scheduler executions: one N working days before
 * the handling deadline, and an overdue notice on the morning after it. Each firing re-checks the document,
 * sends at most once per document, kind and deadline ({@code documents_incoming_reminder}), puts it on the
 * timeline and audits it. The instance id is {@code <document id>@<deadline>}, so a document routed with a
 * new deadline gets timers of its own and the old ones do nothing.
 */
class IncomingTimers {

    enum Kind {
        REMIND("documents-incoming-remind", IncomingDocuments.EventKind.REMIND_NOTICE),
        OVERDUE("documents-incoming-overdue", IncomingDocuments.EventKind.OVERDUE_NOTICE);

        private final String taskName;
        private final IncomingDocuments.EventKind event;

        Kind(String taskName, IncomingDocuments.EventKind event) {
            this.taskName = taskName;
            this.event = event;
        }

        String taskName() {
            return taskName;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(IncomingTimers.class);

    /** When the overdue notice goes, on the day after the deadline. */
    private static final LocalTime MORNING = LocalTime.of(8, 30);

    private final IncomingDocuments documents;
    private final WorkingCalendar calendar;
    private final Directory directory;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final int remindBefore;
    private final String receiptPrefix;
    private final Map<Kind, OneTimeTask<Void>> definitions = new EnumMap<>(Kind.class);

    IncomingTimers(
            IncomingDocuments documents,
            WorkingCalendar calendar,
            Directory directory,
            Notifications notifications,
            ApplicationEventPublisher events,
            MessageSource messages,
            TransactionTemplate transactions,
            ObjectProvider<SchedulerClient> scheduler,
            int remindBefore,
            String receiptPrefix) {
        this.documents = documents;
        this.calendar = calendar;
        this.directory = directory;
        this.notifications = notifications;
        this.events = events;
        this.messages = messages;
        this.transactions = transactions;
        this.scheduler = scheduler;
        this.remindBefore = remindBefore;
        this.receiptPrefix = receiptPrefix;
    }

    void define(Kind kind, OneTimeTask<Void> task) {
        definitions.put(kind, task);
    }

    /** When a timer for this deadline is due: the reminder at closing time N working days before, the notice the morning after. */
    Instant dueAt(Kind kind, LocalDate deadline) {
        if (kind == Kind.REMIND) {
            return calendar.endOfOfficeHours(calendar.addWorkingDays(deadline, -remindBefore));
        }
        return deadline.plusDays(1).atTime(MORNING).atZone(calendar.zone()).toInstant();
    }

    /** Schedules both timers of a routed document, in the caller's transaction; a time already past fires at once. */
    void schedule(long documentId, LocalDate deadline) {
        Instant now = Instant.now();
        for (Kind kind : Kind.values()) {
            Instant due = dueAt(kind, deadline);
            scheduler
                    .getObject()
                    .scheduleIfNotExists(
                            definition(kind).instance(documentId + "@" + deadline), due.isBefore(now) ? now : due);
        }
    }

    /** What a firing does: nothing for a document that is answered, re-routed, or already reminded. */
    void fire(Kind kind, String instanceId) {
        int at = instanceId.indexOf('@');
        long documentId = Long.parseLong(instanceId.substring(0, at));
        LocalDate deadline = LocalDate.parse(instanceId.substring(at + 1));
        fire(kind, documentId, deadline);
    }

    void fire(Kind kind, long documentId, LocalDate deadline) {
        transactions.executeWithoutResult(status -> {
            IncomingDocument document = documents.findById(documentId).orElse(null);
            if (document == null
                    || document.state() != IncomingState.ROUTED
                    || !deadline.equals(document.handlingDeadline())
                    || document.handlingUnitId() == null) {
                return;
            }
            if (documents.reminderSent(documentId, kind.name(), deadline)) {
                return;
            }
            List<PersonSummary> people = directory.people(document.handlingUnitId());
            Set<Long> ids = people.stream().map(PersonSummary::id).collect(Collectors.toCollection(LinkedHashSet::new));
            if (document.registeredByPerson() != null) {
                ids.add(document.registeredByPerson());
            }
            String names = people.stream().map(PersonSummary::name).collect(Collectors.joining("、"));
            documents.recordReminder(documentId, kind.name(), deadline, names.isEmpty() ? "-" : names);
            IncomingDocument.ReceiptNumber number = document.receiptNumber();
            Object[] args = {
                document.registration().title(),
                number == null ? "" : number.format(receiptPrefix),
                deadline.toString(),
                document.handlingUnitName()
            };
            String title = text("documents.incoming.notice." + kind.name() + ".title", args);
            String body = text("documents.incoming.notice." + kind.name() + ".body", args);
            documents.addEvent(documentId, kind.event, "system", text("documents.incoming.system"), body);
            if (!ids.isEmpty()) {
                String link = "/documents/incoming/" + documentId;
                notifications.send(
                        kind == Kind.REMIND
                                ? Notice.of(ids, "documents.incoming.remind", title, body, link)
                                : Notice.urgent(ids, "documents.incoming.overdue", title, body, link));
            } else {
                log.warn("Incoming document {}: {} with nobody to tell", documentId, kind);
            }
            events.publishEvent(new Audited(
                    Instant.now(),
                    "system",
                    null,
                    "documents",
                    "incoming",
                    String.valueOf(documentId),
                    kind.name().toLowerCase(Locale.ROOT),
                    document.handlingUnitId(),
                    null,
                    "to: " + (names.isEmpty() ? "-" : names)));
        });
    }

    private OneTimeTask<Void> definition(Kind kind) {
        OneTimeTask<Void> task = definitions.get(kind);
        if (task == null) {
            throw new IllegalStateException("No timer defined for " + kind);
        }
        return task;
    }

    private String text(String key, Object[] args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}

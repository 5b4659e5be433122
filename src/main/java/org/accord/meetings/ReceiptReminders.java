package org.accord.meetings;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.accord.audit.Audited;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.accord.notify.Notice;
import org.accord.notify.Notifications;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds the units that have not answered by the receipt deadline: a persisted db-scheduler execution per notice
 * version (meeting id and SEQUENCE), so it fires once, also across restarts; a meeting moved since fires nothing
 * for the old version, and {@code reminded_sequence} keeps a second delivery of the same one from sending again.
 */
class ReceiptReminders {

    static final String TASK_NAME = "meetings-receipt-reminder";
    private static final Logger log = LoggerFactory.getLogger(ReceiptReminders.class);

    private final MeetingStore store;
    private final Directory directory;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final ObjectProvider<SchedulerClient> scheduler;
    private @Nullable OneTimeTask<Void> task;

    ReceiptReminders(
            MeetingStore store,
            Directory directory,
            Notifications notifications,
            ApplicationEventPublisher events,
            MessageSource messages,
            TransactionTemplate transactions,
            ObjectProvider<SchedulerClient> scheduler) {
        this.store = store;
        this.directory = directory;
        this.notifications = notifications;
        this.events = events;
        this.messages = messages;
        this.transactions = transactions;
        this.scheduler = scheduler;
    }

    void define(OneTimeTask<Void> task) {
        this.task = task;
    }

    /** Schedules the reminder of the meeting's current notice version at its receipt deadline (now if past). */
    void schedule(Meeting meeting) {
        OneTimeTask<Void> definition = task;
        if (definition == null) {
            throw new IllegalStateException("The receipt reminder task is not defined");
        }
        Instant now = Instant.now();
        Instant at = meeting.receiptDeadline().isBefore(now) ? now : meeting.receiptDeadline();
        scheduler.getObject().scheduleIfNotExists(definition.instance(meeting.id() + ":" + meeting.sequence()), at);
    }

    /** What a firing does: remind the units still silent, once per notice version, unless the meeting moved on. */
    void fire(String instance) {
        String[] parts = instance.split(":");
        long meetingId = Long.parseLong(parts[0]);
        int sequence = Integer.parseInt(parts[1]);
        transactions.executeWithoutResult(status -> {
            store.lock(meetingId);
            Meeting meeting = store.load(meetingId).orElse(null);
            if (meeting == null || meeting.status() != MeetingStatus.NOTIFIED || meeting.sequence() != sequence) {
                return;
            }
            List<AttendingUnit> silent = meeting.unanswered();
            if (silent.isEmpty() || !store.markReminded(meetingId, sequence)) {
                return;
            }
            List<PersonSummary> liaisons = silent.stream()
                    .flatMap(unit -> directory.liaisons(unit.unitId()).stream())
                    .distinct()
                    .toList();
            String units = silent.stream().map(AttendingUnit::unitName).collect(Collectors.joining("、"));
            if (!liaisons.isEmpty()) {
                notifications.send(Notice.urgent(
                        liaisons.stream().map(PersonSummary::id).toList(),
                        "meetings.reminder",
                        text("meetings.notice.reminder", meeting.title()),
                        text("meetings.notice.reminderBody", meeting.title()),
                        "/meetings/" + meetingId));
            } else {
                log.warn("Receipt reminder of meeting {}: no liaison to tell ({})", meetingId, units);
            }
            notifications.send(Notice.of(
                    List.of(meeting.organiserPersonId()),
                    "meetings.reminder",
                    text("meetings.notice.remindedOrganiser", meeting.title()),
                    units,
                    // The meeting's page, whose receipts board is live; the board alone is a fragment without the
                    // layout.
                    "/meetings/" + meetingId));
            events.publishEvent(new Audited(
                    Instant.now(),
                    "system",
                    null,
                    MeetingDesk.MODULE,
                    "meeting",
                    String.valueOf(meetingId),
                    "remind",
                    null,
                    null,
                    "units: " + units));
        });
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }
}

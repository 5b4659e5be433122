package org.accord.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.accord.audit.Audited;
import org.accord.basis.Bases;
import org.accord.basis.BasisTarget;
import org.accord.basis.Citation;
import org.accord.calendar.WorkingCalendar;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.accord.directory.UnitSummary;
import org.accord.notify.Notice;
import org.accord.notify.Notifications;
import org.accord.security.DataScope;
import org.accord.security.Role;
import org.accord.security.SignedInAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work on a task, for the pages and the API: reading within the data scope, reporting progress and
 * completion (the lead unit's liaisons; cooperating units' liaisons add notes) and the office's review.
 */
@Service
class TaskDesk {

    static final int LIST_LIMIT = 200;

    /** A reminder is a few sentences; the unit's liaison reads it as a notice on a phone. */
    static final int REMINDER_MAX = 1000;

    /** Enough of a cited passage to recognise it; the whole stands on the task page. */
    static final int EXCERPT_IN_NOTICE = 120;

    private final SupervisedTasks tasks;
    private final TaskAttachments attachments;
    private final SupervisionTimers timers;
    private final Directory directory;
    private final WorkingCalendar calendar;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Bases bases;

    TaskDesk(
            SupervisedTasks tasks,
            TaskAttachments attachments,
            SupervisionTimers timers,
            Directory directory,
            WorkingCalendar calendar,
            Notifications notifications,
            ApplicationEventPublisher events,
            MessageSource messages,
            Bases bases) {
        this.tasks = tasks;
        this.attachments = attachments;
        this.timers = timers;
        this.directory = directory;
        this.calendar = calendar;
        this.notifications = notifications;
        this.events = events;
        this.messages = messages;
        this.bases = bases;
    }

    @Transactional(readOnly = true)
    List<TaskView> list(DataScope scope, SupervisedTasks.Filter filter) {
        LocalDate today = today();
        List<Task> found = tasks.list(scopeUnits(scope), filter, today, LIST_LIMIT);
        Map<Long, String> names = new HashMap<>();
        List<TaskView> views = new ArrayList<>();
        for (Task task : found) {
            views.add(view(task, today, names));
        }
        return views;
    }

    @Transactional(readOnly = true)
    TaskView get(long id, DataScope scope) {
        return view(visible(id, scope), today(), new HashMap<>());
    }

    @Transactional(readOnly = true)
    List<SupervisedTasks.Entry> history(long id, DataScope scope) {
        visible(id, scope);
        return tasks.history(id);
    }

    /** A task's attachments by history entry id (no content), within the data scope. */
    @Transactional(readOnly = true)
    Map<Long, List<TaskAttachments.Attachment>> attachments(long id, DataScope scope) {
        visible(id, scope);
        return attachments.byEntry(id);
    }

    /** One attachment of a task within the data scope; another task's attachment is not there (404). */
    @Transactional(readOnly = true)
    TaskAttachments.StoredFile attachment(long id, long attachmentId, DataScope scope) {
        visible(id, scope);
        return attachments.find(id, attachmentId).orElseThrow(() -> new TaskNotFound(id));
    }

    /**
     * Progress from the lead unit's liaison (the first one starts the work), or a note from a cooperating
     * unit's liaison.
     */
    @Transactional
    TaskView reportProgress(long id, DataScope scope, SignedInAccount me, @Nullable String text) {
        return reportProgress(id, scope, me, text, List.of());
    }

    /** Progress or a note with files attached to it; the entry and its files are stored together or not at all. */
    @Transactional
    TaskView reportProgress(
            long id, DataScope scope, SignedInAccount me, @Nullable String text, List<Attachments.Upload> files) {
        Task task = visible(id, scope);
        String body = required(text, Task.TEXT_MAX, "supervision.error.text");
        Attachments.check(files);
        if (isLeadLiaison(task, me)) {
            TaskStatus before = task.status();
            task.reportProgress();
            tasks.update(task);
            long entry = tasks.addEntry(
                    id, SupervisedTasks.EntryKind.PROGRESS, me.username(), me.displayName(), me.unitId(), body);
            audit(task, "progress", before, task.status());
            attach(task, entry, files, me);
        } else if (isCooperatingLiaison(task, me)) {
            task.checkNoteAllowed();
            long entry = tasks.addEntry(
                    id, SupervisedTasks.EntryKind.NOTE, me.username(), me.displayName(), me.unitId(), body);
            audit(task, "note", task.status(), task.status());
            attach(task, entry, files, me);
        } else {
            throw new NotYourPart("supervision.error.notLiaison");
        }
        return get(id, scope);
    }

    /** The lead unit's liaison says the work is done, with evidence. */
    @Transactional
    TaskView reportCompletion(long id, DataScope scope, SignedInAccount me, @Nullable String evidence) {
        return reportCompletion(id, scope, me, evidence, List.of());
    }

    /** Completion with evidence files; the entry and its files are stored together or not at all. */
    @Transactional
    TaskView reportCompletion(
            long id, DataScope scope, SignedInAccount me, @Nullable String evidence, List<Attachments.Upload> files) {
        Task task = visible(id, scope);
        if (!isLeadLiaison(task, me)) {
            throw new NotYourPart("supervision.error.notLead");
        }
        String body = required(evidence, Task.TEXT_MAX, "supervision.error.evidence");
        Attachments.check(files);
        TaskStatus before = task.status();
        task.reportCompletion(body);
        tasks.update(task);
        long entry = tasks.addEntry(
                id, SupervisedTasks.EntryKind.COMPLETION, me.username(), me.displayName(), me.unitId(), body);
        audit(task, "report-completion", before, task.status());
        attach(task, entry, files, me);
        return get(id, scope);
    }

    /** Stores the files of an entry and records them in the audit trail (names and sizes, no content). */
    private void attach(Task task, long entryId, List<Attachments.Upload> files, SignedInAccount me) {
        if (files.isEmpty()) {
            return;
        }
        StringBuilder stored = new StringBuilder("entry=" + entryId + "; files=");
        for (int i = 0; i < files.size(); i++) {
            Attachments.Upload file = files.get(i);
            long attachmentId = attachments.insert(task.id(), entryId, file, me.username());
            stored.append(i == 0 ? "" : ", ")
                    .append(file.fileName())
                    .append(" (")
                    .append(file.size())
                    .append(" B, #")
                    .append(attachmentId)
                    .append(')');
        }
        events.publishEvent(Audited.now(
                "supervision",
                "task",
                String.valueOf(task.id()),
                "attach",
                task.leadUnitId(),
                null,
                stored.toString()));
    }

    /** The office accepts the completion (办结) or sends it back with a reason. */
    @Transactional
    TaskView review(long id, DataScope scope, SignedInAccount me, boolean accept, @Nullable String reason) {
        Task task = visible(id, scope);
        if (me.role() != Role.STAFF) {
            throw new NotYourPart("supervision.error.notOffice");
        }
        TaskStatus before = task.status();
        if (accept) {
            task.acceptCompletion(Instant.now());
            tasks.update(task);
            tasks.addEntry(
                    id,
                    SupervisedTasks.EntryKind.ACCEPTED,
                    me.username(),
                    me.displayName(),
                    me.unitId(),
                    reason == null || reason.isBlank() ? text("supervision.entry.accepted.default") : reason.strip());
            audit(task, "accept", before, task.status());
        } else {
            String why = required(reason, Task.REASON_MAX, "supervision.error.reason");
            task.rejectCompletion(why);
            tasks.update(task);
            tasks.addEntry(id, SupervisedTasks.EntryKind.REJECTED, me.username(), me.displayName(), me.unitId(), why);
            audit(task, "reject", before, task.status());
            // Timers that held back while the completion awaited review may be due now.
            timers.scheduleAll(id, task.deadline());
        }
        Set<Long> liaisons = directory.liaisons(task.leadUnitId()).stream()
                .map(PersonSummary::id)
                .collect(Collectors.toSet());
        if (!liaisons.isEmpty()) {
            String key = accept ? "supervision.notice.ACCEPTED" : "supervision.notice.REJECTED";
            Object[] args = {task.title(), reason == null ? "" : reason.strip()};
            notifications.send(Notice.of(
                    liaisons,
                    "supervision.review",
                    text(key + ".title", args),
                    text(key + ".body", args),
                    "/tasks/" + id));
        }
        return get(id, scope);
    }

    /**
     * A leader urges an unfinished task of a unit routed to him, with an optional written instruction
     * (批示): it goes on the task's history and to the lead unit's liaisons.
     */
    @Transactional
    TaskView urge(long id, DataScope scope, SignedInAccount me, @Nullable String instruction) {
        Task task = visible(id, scope);
        if (me.role() != Role.LEADER) {
            throw new NotYourPart("supervision.error.notLeader");
        }
        if (task.status() == TaskStatus.COMPLETED) {
            throw new TaskAlreadyCompleted(id, task.status());
        }
        String words = instruction == null || instruction.isBlank()
                ? text("supervision.entry.urged.default")
                : required(instruction, Task.REASON_MAX, "supervision.error.instruction");
        tasks.addEntry(id, SupervisedTasks.EntryKind.URGED, me.username(), me.displayName(), null, words);
        audit(task, "urge", task.status(), task.status());
        Set<Long> liaisons = directory.liaisons(task.leadUnitId()).stream()
                .map(PersonSummary::id)
                .collect(Collectors.toSet());
        if (!liaisons.isEmpty()) {
            Object[] args = {task.title(), me.displayName(), words};
            notifications.send(Notice.of(
                    liaisons,
                    "supervision.urged",
                    text("supervision.notice.URGED.title", args),
                    text("supervision.notice.URGED.body", args),
                    "/tasks/" + id));
        }
        return get(id, scope);
    }

    /**
     * The office reminds the lead unit (催办) in its own words: on the task's history and to the unit's liaisons,
     * with the bases cited for the task, which tell the unit what the reminder rests on. Only while the unit still
     * has work to do: once it has reported completion, the office reviews instead.
     */
    @Transactional
    TaskView remind(long id, DataScope scope, SignedInAccount me, @Nullable String text) {
        Task task = visible(id, scope);
        if (me.role() != Role.STAFF) {
            throw new NotYourPart("supervision.error.notOfficeReminder");
        }
        if (task.status() == TaskStatus.COMPLETED) {
            throw new TaskAlreadyCompleted(id, task.status());
        }
        if (task.status() == TaskStatus.COMPLETION_REPORTED) {
            throw new CompletionAwaitingReview(id, task.status());
        }
        String words = required(text, REMINDER_MAX, "supervision.error.reminder");
        tasks.addEntry(id, SupervisedTasks.EntryKind.REMINDED, me.username(), me.displayName(), null, words);
        List<Citation> cited = bases.cited(BasisTarget.ofTask(id));
        events.publishEvent(Audited.now(
                "supervision",
                "task",
                String.valueOf(id),
                "office-remind",
                task.leadUnitId(),
                null,
                cited.isEmpty()
                        ? words
                        : words + "; basis="
                                + cited.stream()
                                        .map(c -> c.sourceKindName() + ":" + c.sourceId())
                                        .collect(Collectors.joining(","))));
        Set<Long> liaisons = directory.liaisons(task.leadUnitId()).stream()
                .map(PersonSummary::id)
                .collect(Collectors.toSet());
        if (!liaisons.isEmpty()) {
            Object[] args = {task.title(), task.deadline(), words};
            String body = text("supervision.notice.REMINDED.body", args);
            if (!cited.isEmpty()) {
                body += "\n" + basisLines(cited);
            }
            notifications.send(Notice.of(
                    liaisons,
                    "supervision.reminder",
                    text("supervision.notice.REMINDED.title", args),
                    body,
                    "/tasks/" + id));
        }
        return get(id, scope);
    }

    /**
     * The cited bases as a unit reads them in a notice, one a line: what it is, its title and number, and the passage
     * that bears on the task, for a decision's title is only its meeting's.
     */
    private String basisLines(List<Citation> cited) {
        return cited.stream()
                .map(c -> text(
                        "supervision.notice.REMINDED.basis",
                        text(c.kindMessageKey()),
                        c.reference() != null ? c.title() + "（" + c.reference() + "）" : c.title(),
                        clip(c.excerpt(), EXCERPT_IN_NOTICE)))
                .collect(Collectors.joining("\n"));
    }

    private static String clip(String text, int length) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= length ? line : line.substring(0, length - 1) + "…";
    }

    /** The citations of a task, for its page; the task must be within the scope. */
    @Transactional(readOnly = true)
    List<Citation> citations(long id, DataScope scope) {
        visible(id, scope);
        return bases.cited(BasisTarget.ofTask(id));
    }

    /** The overdue tasks in a scope, for the leader's page. */
    @Transactional(readOnly = true)
    List<TaskView> overdue(DataScope scope) {
        return list(scope, new SupervisedTasks.Filter(null, true, null));
    }

    /** Working days past the deadline, as of today. */
    int workingDaysOverdue(TaskView task) {
        return calendar.workingDaysBetween(task.deadline(), today());
    }

    /** The units a scope confines the list to: null for the office (everything). */
    static @Nullable Set<Long> scopeUnits(DataScope scope) {
        switch (scope.kind()) {
            case OFFICE:
                return null;
            case LEADER:
            case UNIT:
                return scope.unitIds();
            case NONE:
            default:
                return Set.of();
        }
    }

    private Task visible(long id, DataScope scope) {
        Task task = tasks.findById(id).orElseThrow(() -> new TaskNotFound(id));
        Set<Long> units = scopeUnits(scope);
        if (units != null && units.stream().noneMatch(task::concerns)) {
            throw new TaskNotFound(id);
        }
        return task;
    }

    private static boolean isLeadLiaison(Task task, SignedInAccount me) {
        return me.role() == Role.LIAISON && me.unitId() != null && me.unitId() == task.leadUnitId();
    }

    private static boolean isCooperatingLiaison(Task task, SignedInAccount me) {
        return me.role() == Role.LIAISON
                && me.unitId() != null
                && task.cooperatingUnitIds().contains(me.unitId());
    }

    private static String required(@Nullable String text, int max, String messageKey) {
        if (text == null || text.isBlank() || text.strip().length() > max) {
            throw new TaskInputRejected(messageKey);
        }
        return text.strip();
    }

    private void audit(Task task, String action, TaskStatus before, TaskStatus after) {
        events.publishEvent(Audited.now(
                "supervision",
                "task",
                String.valueOf(task.id()),
                action,
                task.leadUnitId(),
                "status=" + before,
                "status=" + after));
    }

    private TaskView view(Task task, LocalDate today, Map<Long, String> names) {
        List<Long> cooperating = new ArrayList<>(new TreeSet<>(task.cooperatingUnitIds()));
        return new TaskView(
                task.id(),
                task.sourceKind(),
                task.sourceId(),
                task.title(),
                task.leadUnitId(),
                unitName(task.leadUnitId(), names),
                cooperating,
                cooperating.stream().map(unit -> unitName(unit, names)).toList(),
                task.deadline(),
                task.status(),
                task.isOverdue(today),
                task.evidence(),
                task.reviewNote(),
                task.openedAt(),
                task.completedAt());
    }

    private String unitName(long unitId, Map<Long, String> names) {
        return names.computeIfAbsent(
                unitId, id -> directory.unit(id).map(UnitSummary::name).orElse("#" + id));
    }

    java.time.ZoneId zone() {
        return calendar.zone();
    }

    private LocalDate today() {
        return calendar.dateOf(Instant.now());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}

package org.accord.documents;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import org.accord.directory.UnitSummary;
import org.accord.notify.Notice;
import org.accord.notify.Notifications;
import org.accord.security.DataScope;
import org.accord.security.Role;
import org.accord.security.SignedInAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work on incoming documents for the pages and the API: the office signs for, registers, checks,
 * routes, circulates, reminds and records the reply; leaders read what is circulated to them; the sending
 * unit's liaison follows its own documents. Every step is audited and put on the document's timeline.
 */
@Service
class IncomingDesk {

    static final int LIST_LIMIT = 200;
    static final int UNREAD_LIMIT = 50;

    private final IncomingDocuments documents;
    private final IncomingTimers timers;
    private final Directory directory;
    private final WorkingCalendar calendar;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final String receiptPrefix;
    private final int handlingWorkingDays;
    private final int soonWorkingDays;
    private final String homeOffice;

    IncomingDesk(
            IncomingDocuments documents,
            IncomingTimers timers,
            Directory directory,
            WorkingCalendar calendar,
            Notifications notifications,
            ApplicationEventPublisher events,
            MessageSource messages,
            @Value("${accord.documents.incoming.receipt-prefix:收文}") String receiptPrefix,
            @Value("${accord.documents.incoming.handling-working-days:5}") int handlingWorkingDays,
            @Value("${accord.documents.incoming.remind-before-working-days:2}") int soonWorkingDays,
            @Value("${accord.directory.home-office:SZFB}") String homeOffice) {
        this.documents = documents;
        this.timers = timers;
        this.directory = directory;
        this.calendar = calendar;
        this.notifications = notifications;
        this.events = events;
        this.messages = messages;
        this.receiptPrefix = receiptPrefix;
        this.handlingWorkingDays = handlingWorkingDays;
        this.soonWorkingDays = soonWorkingDays;
        this.homeOffice = homeOffice;
    }

    // ---- reading, within the data scope

    @Transactional(readOnly = true)
    List<IncomingView> list(DataScope scope, IncomingDocuments.Filter filter) {
        LocalDate today = today();
        Long leader = null;
        Set<Long> units = null;
        switch (scope.kind()) {
            case OFFICE:
                break;
            case LEADER:
                if (scope.personId() == null) {
                    return List.of();
                }
                leader = scope.personId();
                break;
            case UNIT:
                units = scope.unitIds();
                break;
            case NONE:
            default:
                return List.of();
        }
        List<IncomingView> views = new ArrayList<>();
        for (IncomingDocument document : documents.list(leader, units, filter, today, LIST_LIMIT)) {
            IncomingView view = view(document, today);
            views.add(scope.kind() == DataScope.Kind.UNIT ? view.forSender() : view);
        }
        return views;
    }

    @Transactional(readOnly = true)
    IncomingView get(long id, DataScope scope) {
        IncomingView view = view(visible(id, scope), today());
        return scope.kind() == DataScope.Kind.UNIT ? view.forSender() : view;
    }

    /** The timeline; the sender's liaison sees the steps that concern the sender. */
    @Transactional(readOnly = true)
    List<IncomingDocuments.Event> timeline(long id, DataScope scope) {
        visible(id, scope);
        List<IncomingDocuments.Event> all = documents.events(id);
        return scope.kind() == DataScope.Kind.UNIT
                ? all.stream().filter(IncomingDocuments.Event::forSender).toList()
                : all;
    }

    /** The circulation, in order; not shown to the sender. */
    @Transactional(readOnly = true)
    List<IncomingDocuments.Reader> circulation(long id, DataScope scope) {
        visible(id, scope);
        return scope.kind() == DataScope.Kind.UNIT ? List.of() : documents.readers(id);
    }

    /**
     * The timers of a routed document: when each is due and, if it went, when it was sent. Empty before
     * routing and for the sender.
     */
    @Transactional(readOnly = true)
    List<Reminder> reminders(long id, DataScope scope) {
        IncomingDocument document = visible(id, scope);
        LocalDate deadline = document.handlingDeadline();
        if (scope.kind() == DataScope.Kind.UNIT || deadline == null) {
            return List.of();
        }
        Map<String, Instant> sent = documents.remindersSent(id, deadline);
        List<Reminder> reminders = new ArrayList<>();
        for (IncomingTimers.Kind kind : IncomingTimers.Kind.values()) {
            reminders.add(new Reminder(kind.name(), timers.dueAt(kind, deadline), sent.get(kind.name())));
        }
        return reminders;
    }

    /** One timer of a document: its kind, when it is due, when it was sent (null if not yet). */
    record Reminder(String kind, Instant dueAt, @Nullable Instant sentAt) {}

    /** What the signed-in leader has yet to read, for his page. */
    @Transactional(readOnly = true)
    List<IncomingView> unreadBy(DataScope scope) {
        if (scope.kind() != DataScope.Kind.LEADER || scope.personId() == null) {
            return List.of();
        }
        LocalDate today = today();
        return documents.unreadBy(scope.personId(), UNREAD_LIMIT).stream()
                .map(document -> view(document, today))
                .toList();
    }

    // ---- the office's steps

    /**
     * 签收 and, unless {@code registerNow} is false, 登记 in the same transaction: the receipt number is
     * allocated with it and taken by nothing else.
     */
    @Transactional
    long signFor(
            SignedInAccount me,
            IncomingChannel channel,
            @Nullable LocalDateTime signedAt,
            IncomingRegistration registration,
            boolean registerNow) {
        office(me);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant at = signedAt == null
                ? now
                : signedAt.truncatedTo(ChronoUnit.SECONDS)
                        .atZone(calendar.zone())
                        .toInstant();
        if (at.isAfter(now.plus(Duration.ofMinutes(1))) || at.isBefore(now.minus(Duration.ofDays(366)))) {
            throw new IncomingInputRejected("documents.incoming.error.signedAt");
        }
        IncomingRegistration checked = withSender(registration);
        IncomingDocument document = IncomingDocument.signed(channel, at, me.username(), me.displayName(), checked);
        long id = documents.insert(document);
        documents.addEvent(
                id,
                IncomingDocuments.EventKind.SIGNED,
                me.username(),
                me.displayName(),
                text(channel.messageKey()) + " · " + checked.senderName());
        audit(id, "sign", checked.senderUnitId(), null, IncomingState.SIGNED);
        if (registerNow) {
            register(documents.findById(id).orElseThrow(), me, checked);
        }
        return id;
    }

    /** 登记 of a signed document, or again of a returned one that came back corrected. */
    @Transactional
    IncomingView register(long id, DataScope scope, SignedInAccount me, IncomingRegistration registration) {
        office(me);
        register(visible(id, scope), me, withSender(registration));
        return get(id, scope);
    }

    private void register(IncomingDocument document, SignedInAccount me, IncomingRegistration registration) {
        IncomingState before = document.state();
        boolean again = before == IncomingState.RETURNED;
        int year = today().getYear();
        document.register(
                registration,
                me.username(),
                me.personId(),
                () -> new IncomingDocument.ReceiptNumber(year, documents.nextReceiptSequence(year)));
        documents.update(document);
        String number = receiptNumber(document);
        documents.addEvent(
                document.id(),
                IncomingDocuments.EventKind.REGISTERED,
                me.username(),
                me.displayName(),
                again ? text("documents.incoming.event.registeredAgain", number) : number);
        audit(
                document.id(),
                again ? "register-again" : "register",
                registration.senderUnitId(),
                before,
                document.state());
    }

    /** 初审: accept, or return to the sender with a reason (the sender's liaisons are told). */
    @Transactional
    IncomingView check(
            long id,
            DataScope scope,
            SignedInAccount me,
            boolean accept,
            @Nullable IncomingReturnReason reasonKind,
            @Nullable String reason) {
        office(me);
        IncomingDocument document = visible(id, scope);
        IncomingState before = document.state();
        if (accept) {
            document.accept();
            documents.update(document);
            documents.addEvent(id, IncomingDocuments.EventKind.ACCEPTED, me.username(), me.displayName(), null);
            audit(id, "accept", document.registration().senderUnitId(), before, document.state());
        } else {
            if (reasonKind == null) {
                document.checkMayReturn();
                throw new IncomingInputRejected("documents.incoming.error.reasonKind");
            }
            document.returnToSender(reasonKind, reason);
            documents.update(document);
            String why = returnText(document);
            documents.addEvent(id, IncomingDocuments.EventKind.RETURNED, me.username(), me.displayName(), why);
            audit(id, "return", document.registration().senderUnitId(), before, document.state());
            tellSender(document, "returned", why);
        }
        return get(id, scope);
    }

    /** 承办: to an office section, with the proposed handling and a deadline (by default the sender's, or N working days). */
    @Transactional
    IncomingView route(
            long id,
            DataScope scope,
            SignedInAccount me,
            @Nullable Long unitId,
            @Nullable String opinion,
            @Nullable LocalDate deadline) {
        office(me);
        IncomingDocument document = visible(id, scope);
        IncomingState before = document.state();
        if (unitId == null) {
            document.checkMayRoute();
            throw new IncomingInputRejected("documents.incoming.error.section");
        }
        UnitSummary section = sections().stream()
                .filter(unit -> unit.id() == unitId)
                .findFirst()
                .orElseThrow(() -> new IncomingInputRejected("documents.incoming.error.section"));
        LocalDate due = deadline != null ? deadline : defaultHandlingDeadline(document);
        document.route(section.id(), section.name(), opinion, due);
        documents.update(document);
        documents.addEvent(
                id,
                IncomingDocuments.EventKind.ROUTED,
                me.username(),
                me.displayName(),
                text("documents.incoming.event.routed", section.name(), due.toString(), document.handlingOpinion()));
        audit(id, "route", section.id(), before, document.state());
        timers.schedule(id, due);
        Set<Long> people = ids(directory.people(section.id()));
        people.remove(me.personId());
        if (!people.isEmpty()) {
            Object[] args = {document.registration().title(), receiptNumber(document), due.toString()};
            notifications.send(Notice.of(
                    people,
                    "documents.incoming.routed",
                    text("documents.incoming.notice.routed.title", args),
                    text("documents.incoming.notice.routed.body", args),
                    link(id)));
        }
        return get(id, scope);
    }

    /** The deadline proposed when routing: the sender's if it asks for an answer, otherwise N working days. */
    LocalDate defaultHandlingDeadline(IncomingDocument document) {
        LocalDate answerBy = document.registration().answerBy();
        return answerBy != null ? answerBy : calendar.addWorkingDays(today(), handlingWorkingDays);
    }

    /** 传阅 to leaders, in the order given; a leader it already reached is skipped. */
    @Transactional
    IncomingView circulate(long id, DataScope scope, SignedInAccount me, List<Long> leaderIds) {
        office(me);
        IncomingDocument document = visible(id, scope);
        document.checkMayCirculate();
        Set<Long> wanted = new LinkedHashSet<>(leaderIds);
        if (wanted.isEmpty()) {
            throw new IncomingInputRejected("documents.incoming.error.leaders");
        }
        List<PersonSummary> leaders = new ArrayList<>();
        for (Long leaderId : wanted) {
            PersonSummary leader = directory
                    .person(leaderId)
                    .filter(person -> person.isLeader() && person.active())
                    .orElseThrow(() -> new IncomingInputRejected("documents.incoming.error.leaders"));
            if (!documents.isCirculatedTo(id, leaderId)) {
                leaders.add(leader);
            }
        }
        if (leaders.isEmpty()) {
            throw new IncomingInputRejected("documents.incoming.error.alreadyCirculated");
        }
        // The version bump makes a concurrent circulation of the same document fail instead of doubling a reader.
        documents.update(document);
        for (PersonSummary leader : leaders) {
            documents.addReader(id, leader.id(), leader.name(), me.username());
        }
        String names = leaders.stream().map(PersonSummary::name).collect(Collectors.joining("、"));
        documents.addEvent(id, IncomingDocuments.EventKind.CIRCULATED, me.username(), me.displayName(), names);
        events.publishEvent(Audited.now(
                "documents",
                "incoming",
                String.valueOf(id),
                "circulate",
                document.registration().senderUnitId(),
                null,
                "to: " + names));
        Object[] args = {
            document.registration().title(),
            receiptNumber(document),
            document.registration().senderName()
        };
        String title = text("documents.incoming.notice.circulated.title", args);
        String body = text("documents.incoming.notice.circulated.body", args);
        Set<Long> recipients = ids(leaders);
        notifications.send(
                document.registration().urgency() == IncomingUrgency.EXTRA_URGENT
                        ? Notice.urgent(recipients, "documents.incoming.circulated", title, body, link(id))
                        : Notice.of(recipients, "documents.incoming.circulated", title, body, link(id)));
        return get(id, scope);
    }

    /** A leader reads a document circulated to him: 圈阅, or with a comment or an instruction (批示). */
    @Transactional
    IncomingView read(
            long id, DataScope scope, SignedInAccount me, @Nullable IncomingReadKind kind, @Nullable String remark) {
        IncomingDocument document = visible(id, scope);
        if (me.role() != Role.LEADER || me.personId() == null) {
            throw new IncomingNotFound(id);
        }
        String words =
                IncomingRegistration.optional(remark, IncomingDocument.REASON_MAX, "documents.incoming.error.remark");
        IncomingReadKind how =
                kind != null ? kind : words == null ? IncomingReadKind.READ : IncomingReadKind.INSTRUCTION;
        if (how != IncomingReadKind.READ && words == null) {
            throw new IncomingInputRejected("documents.incoming.error.remark");
        }
        if (!documents.markRead(id, me.personId(), how, how == IncomingReadKind.READ ? null : words)) {
            throw new IncomingRefused("documents.incoming.refused.readAlready", id, document.state());
        }
        String entry = text(how.messageKey()) + (how == IncomingReadKind.READ ? "" : "：" + words);
        documents.addEvent(id, IncomingDocuments.EventKind.READ, me.username(), me.displayName(), entry);
        events.publishEvent(Audited.now(
                "documents",
                "incoming",
                String.valueOf(id),
                "read",
                document.registration().senderUnitId(),
                null,
                how.name()));
        if (how != IncomingReadKind.READ) {
            Set<Long> told = new LinkedHashSet<>();
            if (document.handlingUnitId() != null) {
                told.addAll(ids(directory.people(document.handlingUnitId())));
            }
            if (document.registeredByPerson() != null) {
                told.add(document.registeredByPerson());
            }
            told.remove(me.personId());
            if (!told.isEmpty()) {
                Object[] args = {document.registration().title(), me.displayName(), text(how.messageKey()), words};
                notifications.send(Notice.of(
                        told,
                        "documents.incoming.read",
                        text("documents.incoming.notice.read.title", args),
                        text("documents.incoming.notice.read.body", args),
                        link(id)));
            }
        }
        return get(id, scope);
    }

    /** 催办 by the office, now: the handling section is told, and it goes on the timeline. */
    @Transactional
    IncomingView remind(long id, DataScope scope, SignedInAccount me, @Nullable String words) {
        office(me);
        IncomingDocument document = visible(id, scope);
        document.checkMayRemind();
        String note =
                IncomingRegistration.optional(words, IncomingDocument.REASON_MAX, "documents.incoming.error.remark");
        Set<Long> people = ids(directory.people(document.handlingUnitId()));
        people.remove(me.personId());
        String names = directory.people(document.handlingUnitId()).stream()
                .filter(person -> people.contains(person.id()))
                .map(PersonSummary::name)
                .collect(Collectors.joining("、"));
        documents.addEvent(
                id,
                IncomingDocuments.EventKind.REMINDED,
                me.username(),
                me.displayName(),
                text("documents.incoming.event.reminded", document.handlingUnitName(), note == null ? "" : note));
        events.publishEvent(Audited.now(
                "documents",
                "incoming",
                String.valueOf(id),
                "remind",
                document.handlingUnitId(),
                null,
                "to: " + (names.isEmpty() ? "-" : names)));
        if (!people.isEmpty()) {
            Object[] args = {
                document.registration().title(),
                receiptNumber(document),
                String.valueOf(document.handlingDeadline()),
                note == null ? "" : note
            };
            notifications.send(Notice.of(
                    people,
                    "documents.incoming.reminded",
                    text("documents.incoming.notice.reminded.title", args),
                    text("documents.incoming.notice.reminded.body", args),
                    link(id)));
        }
        return get(id, scope);
    }

    /** 答复, which closes the document (办结); the sender's liaisons are told. */
    @Transactional
    IncomingView reply(
            long id,
            DataScope scope,
            SignedInAccount me,
            @Nullable IncomingReplyKind kind,
            @Nullable String reference,
            @Nullable LocalDate on) {
        office(me);
        IncomingDocument document = visible(id, scope);
        IncomingState before = document.state();
        if (kind == null) {
            document.checkMayReply();
            throw new IncomingInputRejected("documents.incoming.error.replyKind");
        }
        if (on != null && on.isAfter(today())) {
            document.checkMayReply();
            throw new IncomingInputRejected("documents.incoming.error.replyOn");
        }
        document.reply(kind, reference, on, Instant.now());
        documents.update(document);
        String how = replyText(document);
        documents.addEvent(id, IncomingDocuments.EventKind.REPLIED, me.username(), me.displayName(), how);
        audit(id, "reply", document.registration().senderUnitId(), before, document.state());
        tellSender(document, "replied", how);
        return get(id, scope);
    }

    // ---- choices for the forms

    /** The office's sections (children of the home office), which handle incoming documents. */
    List<UnitSummary> sections() {
        Optional<UnitSummary> office = directory.unitByCode(homeOffice);
        return directory.activeUnits().stream()
                .filter(unit -> office.map(
                                o -> o.id() == unit.id() || (unit.parentId() != null && unit.parentId() == o.id()))
                        .orElse(true))
                .toList();
    }

    List<UnitSummary> senders() {
        return directory.activeUnits();
    }

    List<PersonSummary> leaders() {
        return directory.leaders();
    }

    int handlingWorkingDays() {
        return handlingWorkingDays;
    }

    LocalDate today() {
        return calendar.dateOf(Instant.now());
    }

    ZoneId zone() {
        return calendar.zone();
    }

    // ---- helpers of the steps

    private static void office(SignedInAccount me) {
        if (me.role() != Role.STAFF) {
            throw new AccessDeniedException("Only office staff handle incoming documents");
        }
    }

    private IncomingDocument visible(long id, DataScope scope) {
        IncomingDocument document = documents.findById(id).orElseThrow(() -> new IncomingNotFound(id));
        boolean visible;
        switch (scope.kind()) {
            case OFFICE:
                visible = true;
                break;
            case LEADER:
                visible = scope.personId() != null && documents.isCirculatedTo(id, scope.personId());
                break;
            case UNIT:
                Long sender = document.registration().senderUnitId();
                visible = sender != null && scope.unitIds().contains(sender);
                break;
            case NONE:
            default:
                visible = false;
        }
        if (!visible) {
            throw new IncomingNotFound(id);
        }
        return document;
    }

    /** Resolves a sender from the directory (its name as registered there) or keeps an outside sender's name. */
    private IncomingRegistration withSender(IncomingRegistration registration) {
        if (registration.receivedOn().isAfter(today())) {
            throw new IncomingInputRejected("documents.incoming.error.receivedOn");
        }
        if (registration.senderUnitId() == null) {
            return registration;
        }
        UnitSummary unit = directory
                .unit(registration.senderUnitId())
                .orElseThrow(() -> new IncomingInputRejected("documents.incoming.error.sender"));
        return new IncomingRegistration(
                unit.id(),
                unit.name(),
                registration.senderNumber(),
                registration.title(),
                registration.genre(),
                registration.urgency(),
                registration.classification(),
                registration.copies(),
                registration.pages(),
                registration.attachments(),
                registration.receivedOn(),
                registration.answerBy());
    }

    private void tellSender(IncomingDocument document, String what, String detail) {
        Long sender = document.registration().senderUnitId();
        if (sender == null) {
            return;
        }
        Set<Long> liaisons = ids(directory.liaisons(sender));
        if (liaisons.isEmpty()) {
            return;
        }
        Object[] args = {document.registration().title(), receiptNumber(document), detail};
        notifications.send(Notice.of(
                liaisons,
                "documents.incoming." + what,
                text("documents.incoming.notice." + what + ".title", args),
                text("documents.incoming.notice." + what + ".body", args),
                link(document.id())));
    }

    String returnText(IncomingDocument document) {
        IncomingReturnReason kind = document.returnReasonKind();
        String label = kind == null ? "" : text(kind.messageKey());
        return document.returnReason() == null ? label : label + "：" + document.returnReason();
    }

    private String replyText(IncomingDocument document) {
        IncomingReplyKind kind = document.replyKind();
        String label = kind == null ? "" : text(kind.messageKey());
        return label + (document.replyReference() == null ? "" : " " + document.replyReference()) + " · "
                + document.replyOn();
    }

    String receiptNumber(IncomingDocument document) {
        IncomingDocument.ReceiptNumber number = document.receiptNumber();
        return number == null ? text("documents.incoming.unnumbered") : number.format(receiptPrefix);
    }

    private IncomingView view(IncomingDocument d, LocalDate today) {
        IncomingRegistration r = d.registration();
        LocalDate deadline = d.deadline();
        String due = "none";
        Integer left = null;
        if (deadline != null) {
            left = calendar.workingDaysBetween(today, deadline);
            if (d.state() != IncomingState.CLOSED) {
                due = deadline.isBefore(today) ? "overdue" : left <= soonWorkingDays ? "soon" : "ok";
            }
        }
        return new IncomingView(
                d.id(),
                d.receiptNumber() == null ? null : d.receiptNumber().format(receiptPrefix),
                d.state(),
                text(d.state().messageKey()),
                d.signedAt(),
                d.signedByName(),
                d.channel(),
                r.senderUnitId(),
                r.senderName(),
                r.senderNumber(),
                r.title(),
                r.genre(),
                r.urgency(),
                r.classification(),
                r.copies(),
                r.pages(),
                r.attachments(),
                r.receivedOn(),
                r.answerBy(),
                d.returnReasonKind(),
                d.returnReason(),
                d.handlingUnitId(),
                d.handlingUnitName(),
                d.handlingOpinion(),
                d.handlingDeadline(),
                d.replyKind(),
                d.replyReference(),
                d.replyOn(),
                d.closedAt(),
                deadline,
                due,
                left);
    }

    private void audit(
            long id, String action, @Nullable Long unitId, @Nullable IncomingState before, IncomingState after) {
        events.publishEvent(Audited.now(
                "documents",
                "incoming",
                String.valueOf(id),
                action,
                unitId,
                before == null ? null : "state=" + before,
                "state=" + after));
    }

    private static Set<Long> ids(List<PersonSummary> people) {
        return people.stream().map(PersonSummary::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String link(long id) {
        return "/documents/incoming/" + id;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}

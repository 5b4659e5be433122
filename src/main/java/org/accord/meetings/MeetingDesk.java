package org.accord.meetings;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.accord.audit.Audited;
import org.accord.calendar.WorkingCalendar;
import org.accord.coordination.BasisKind;
import org.accord.coordination.Matter;
import org.accord.coordination.MatterKind;
import org.accord.coordination.Matters;
import org.accord.coordination.PartyRole;
import org.accord.coordination.PointStatus;
import org.accord.coordination.RoundVisibility;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.accord.directory.UnitSummary;
import org.accord.meetings.MeetingRefused.InputRejected;
import org.accord.notify.Notice;
import org.accord.notify.Notifications;
import org.accord.security.DataScope;
import org.accord.security.DataScopes;
import org.accord.supervision.SourceKind;
import org.accord.supervision.Supervision;
import org.accord.supervision.TaskRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Every step on a meeting, as the person signed in on the current thread, under their data scope: office staff
 * see every meeting and the organiser takes the organiser's steps; a leader sees the meetings he chairs and those
 * of the units routed to him; a liaison those their unit is asked to. A meeting outside the scope is 404.
 */
@Service
class MeetingDesk {

    static final String MODULE = "meetings";
    static final String LIVE_TOPIC = "meetings.receipts";
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A decision as the organiser records it. */
    record DecisionInput(
            String text,
            @Nullable Long leadUnitId,
            List<Long> cooperatingUnitIds,
            @Nullable LocalDate deadline) {}

    private final MeetingStore store;
    private final Matters matters;
    private final Directory directory;
    private final WorkingCalendar calendar;
    private final Notifications notifications;
    private final Supervision supervision;
    private final ReceiptReminders reminders;
    private final ApplicationEventPublisher events;
    private final DataScopes scopes;
    private final MessageSource messages;

    MeetingDesk(
            MeetingStore store,
            Matters matters,
            Directory directory,
            WorkingCalendar calendar,
            Notifications notifications,
            Supervision supervision,
            ReceiptReminders reminders,
            ApplicationEventPublisher events,
            DataScopes scopes,
            MessageSource messages) {
        this.store = store;
        this.matters = matters;
        this.directory = directory;
        this.calendar = calendar;
        this.notifications = notifications;
        this.supervision = supervision;
        this.reminders = reminders;
        this.events = events;
        this.scopes = scopes;
        this.messages = messages;
    }

    DataScope scope() {
        return scopes.current();
    }

    // ---- reading

    @Transactional(readOnly = true)
    Meeting get(long id) {
        return visible(id);
    }

    /** Meetings in scope, newest first. */
    @Transactional(readOnly = true)
    List<Meeting> recent() {
        DataScope scope = scope();
        return store.recent(unitsOf(scope), personOf(scope), 200);
    }

    /** Meetings in scope starting within a week, with optional filters by chairing leader and room. */
    @Transactional(readOnly = true)
    List<Meeting> week(LocalDate monday, @Nullable Long chair, @Nullable Long roomId) {
        DataScope scope = scope();
        Instant from = monday.atStartOfDay(calendar.zone()).toInstant();
        Instant to = monday.plusDays(7).atStartOfDay(calendar.zone()).toInstant();
        return store.between(from, to, unitsOf(scope), personOf(scope), chair, roomId);
    }

    /** The current conflicts of a meeting still to be held (warnings and blocking ones). */
    @Transactional(readOnly = true)
    List<Conflicts.Conflict> conflicts(Meeting meeting) {
        if (!meeting.status().open()) {
            return List.of();
        }
        return check(
                meeting.id(),
                meeting.startsAt(),
                meeting.endsAt(),
                meeting.chairPersonId(),
                meeting.roomId(),
                meeting.seatsNeeded(),
                people(meeting));
    }

    /** The kernel matter behind a meeting, for the consensus per agenda item. */
    @Transactional(readOnly = true)
    Matter matter(Meeting meeting) {
        return matters.get(meeting.matterId());
    }

    /** A meeting with the consensus per agenda item, for the chairing leader. */
    record Briefing(Meeting meeting, List<ItemConsensus> consensus) {

        boolean importantDivergence() {
            return consensus.stream().anyMatch(ItemConsensus::importantDivergence);
        }
    }

    /** The meetings still to be held that the signed-in leader chairs, soonest first. */
    @Transactional(readOnly = true)
    List<Briefing> toChair() {
        DataScope scope = scope();
        if (scope.kind() != DataScope.Kind.LEADER || scope.personId() == null) {
            return List.of();
        }
        Instant now = Instant.now();
        return store
                .between(
                        now.minus(java.time.Duration.ofHours(12)),
                        now.plus(java.time.Duration.ofDays(90)),
                        null,
                        null,
                        scope.personId(),
                        null)
                .stream()
                .filter(meeting -> meeting.status().open())
                .map(meeting -> new Briefing(meeting, ItemConsensus.of(meeting, matters.get(meeting.matterId()))))
                .toList();
    }

    List<Room> rooms() {
        return store.rooms();
    }

    // ---- planning

    @Transactional
    long create(
            String title,
            MeetingKind kind,
            long chairPersonId,
            @Nullable Long roomId,
            @Nullable String place,
            @Nullable LocalDate date,
            @Nullable LocalTime start,
            @Nullable LocalTime end,
            @Nullable LocalDateTime receiptDeadline,
            String background,
            String purpose,
            String basis,
            @Nullable String contactName,
            @Nullable String contactPhone,
            boolean urgent) {
        DataScope scope = scope();
        if (scope.kind() != DataScope.Kind.OFFICE || scope.personId() == null) {
            throw new MeetingRefused.NotTheOrganiser();
        }
        PersonSummary organiser =
                directory.person(scope.personId()).orElseThrow(() -> new InputRejected("meetings.field.organiser"));
        String cleanTitle = required(title, "meetings.field.title", 200);
        PersonSummary chair = leader(chairPersonId);
        Slot slot = slot(date, start, end, receiptDeadline);
        Room room =
                roomId == null ? null : store.room(roomId).orElseThrow(() -> new InputRejected("meetings.field.room"));
        String where = room != null ? room.name() : required(place, "meetings.field.place", 200);
        List<Conflicts.Conflict> conflicts = check(0, slot.start(), slot.end(), chair.id(), roomId, 1, Map.of());
        refuseBlocking(conflicts);
        String cleanBasis = optional(basis, 2000);
        long matterId = matters.create(
                cleanTitle,
                MatterKind.MEETING,
                optional(background, 4000),
                optional(purpose, 2000),
                cleanBasis.isEmpty() ? List.of() : List.of(BasisKind.DOCUMENT),
                cleanBasis.isEmpty() ? List.of() : List.of(cleanBasis));
        matters.addParty(matterId, null, chair.id(), PartyRole.DECIDING_LEADER);
        Instant now = Instant.now();
        long id = store.insertMeeting(
                matterId,
                new MeetingStore.Plan(
                        cleanTitle,
                        kind,
                        chair.id(),
                        roomId,
                        where,
                        slot.start(),
                        slot.end(),
                        slot.deadline(),
                        optional(background, 4000),
                        optional(purpose, 2000),
                        cleanBasis,
                        contactName == null || contactName.isBlank() ? organiser.name() : optional(contactName, 50),
                        contactPhone == null || contactPhone.isBlank()
                                ? Optional.ofNullable(organiser.phone()).orElse("")
                                : optional(contactPhone, 50),
                        urgent),
                organiser.id(),
                organiser.unitId(),
                "meeting-" + UUID.randomUUID() + "@accord",
                now);
        audit(id, "create", null, null, "title=" + cleanTitle + "; start=" + slot.start() + "; matter=" + matterId);
        return id;
    }

    @Transactional
    void addItem(long id, String title, @Nullable String presenter) {
        Meeting meeting = organised(id);
        meeting.ensureOpen();
        String clean = required(title, "meetings.field.item", 500);
        store.insertItem(id, meeting.items().size() + 1, clean, optional(presenter, 200));
        changed(meeting);
        audit(id, "add-item", null, null, clean);
    }

    @Transactional
    void addUnit(
            long id,
            long unitId,
            AttendanceLevel level,
            boolean important,
            boolean observer,
            @Nullable Long requiredPersonId) {
        Meeting meeting = organised(id);
        UnitSummary unit = directory
                .unit(unitId)
                .filter(UnitSummary::active)
                .orElseThrow(() -> new InputRejected("meetings.field.unit"));
        meeting.ensureCanAsk(unitId, unit.name());
        Long required = requiredPersonId;
        if (required != null) {
            PersonSummary person =
                    directory.person(required).orElseThrow(() -> new InputRejected("meetings.field.requiredPerson"));
            if (person.unitId() != unitId) {
                throw new InputRejected("meetings.field.requiredPerson");
            }
        } else if (level == AttendanceLevel.PRINCIPAL) {
            // The head is expected in person: the first of the unit's people in the directory's order.
            required = directory.people(unitId).stream()
                    .filter(person -> !person.liaison())
                    .map(PersonSummary::id)
                    .findFirst()
                    .orElse(null);
        }
        Map<Long, String> people = people(meeting);
        if (required != null) {
            people.put(required, personName(required));
        }
        refuseBlocking(check(
                meeting.id(),
                meeting.startsAt(),
                meeting.endsAt(),
                meeting.chairPersonId(),
                meeting.roomId(),
                meeting.seatsNeeded() + 1,
                people));
        if (!matters.get(meeting.matterId()).hasUnit(unitId)) {
            matters.addParty(meeting.matterId(), unitId, null, PartyRole.CONSULTED);
        }
        store.insertUnit(id, unitId, level, important, observer, required);
        changed(meeting);
        audit(id, "add-unit", unitId, null, unit.name() + " " + level + (important ? " important" : ""));
    }

    @Transactional
    void markImportant(long id, long unitId, boolean important) {
        Meeting meeting = organised(id);
        meeting.ensureOpen();
        AttendingUnit unit = meeting.unit(unitId).orElseThrow(() -> new InputRejected("meetings.field.unit"));
        store.setImportant(id, unitId, important);
        audit(id, "mark-important", unitId, String.valueOf(unit.important()), String.valueOf(important));
    }

    /** Moves the meeting; a notice already sent goes out again as a change (iCalendar SEQUENCE bumped). */
    @Transactional
    void reschedule(
            long id,
            @Nullable Long roomId,
            @Nullable String place,
            @Nullable LocalDate date,
            @Nullable LocalTime start,
            @Nullable LocalTime end,
            @Nullable LocalDateTime receiptDeadline) {
        Meeting meeting = organised(id);
        meeting.ensureOpen();
        Slot slot = slot(date, start, end, receiptDeadline);
        Room room =
                roomId == null ? null : store.room(roomId).orElseThrow(() -> new InputRejected("meetings.field.room"));
        String where = room != null ? room.name() : required(place, "meetings.field.place", 200);
        refuseBlocking(check(
                id, slot.start(), slot.end(), meeting.chairPersonId(), roomId, meeting.seatsNeeded(), people(meeting)));
        store.reschedule(id, roomId, where, slot.start(), slot.end(), slot.deadline());
        audit(id, "reschedule", null, meeting.startsAt() + " " + meeting.place(), slot.start() + " " + where);
        if (meeting.noticeSent()) {
            Meeting moved = store.load(id).orElseThrow();
            notifyLiaisons(
                    moved,
                    moved.unitIds(),
                    "meetings.change",
                    text("meetings.notice.changed", moved.title()),
                    text("meetings.notice.changedBody", when(moved), moved.place()),
                    "/meetings/" + id + "/notice");
            reminders.schedule(moved);
        }
    }

    /** Asks the attending units (all but observers, or those named) for their positions on every agenda item. */
    @Transactional
    void consult(long id, Collection<Long> unitIds, int workingDays) {
        Meeting meeting = organised(id);
        meeting.ensureOpen();
        List<Long> units = unitIds.isEmpty()
                ? meeting.units().stream()
                        .filter(unit -> !unit.observer())
                        .map(AttendingUnit::unitId)
                        .toList()
                : List.copyOf(new LinkedHashSet<>(unitIds));
        if (meeting.items().isEmpty() || units.isEmpty()) {
            throw new MeetingRefused.NothingToConsult();
        }
        for (Long unit : units) {
            if (meeting.unit(unit).isEmpty()) {
                throw new InputRejected("meetings.field.unit");
            }
        }
        Matter matter = matters.get(meeting.matterId());
        List<Long> points = new ArrayList<>();
        for (AgendaItem item : meeting.items()) {
            Long pointId = item.pointId();
            if (pointId == null) {
                pointId = matters.addPoint(meeting.matterId(), item.title());
                store.setItemPoint(item.id(), pointId);
                points.add(pointId);
            } else {
                long existing = pointId;
                matter.point(existing)
                        .filter(point -> point.status() == PointStatus.OPEN || point.status() == PointStatus.DIVIDED)
                        .ifPresent(point -> points.add(existing));
            }
        }
        if (points.isEmpty()) {
            throw new MeetingRefused.NothingToConsult();
        }
        matters.openRound(meeting.matterId(), points, units, workingDays, RoundVisibility.OPEN);
        audit(id, "consult", null, null, "units=" + units + "; points=" + points);
    }

    @Transactional
    void closeConsultation(long id) {
        Meeting meeting = organised(id);
        meeting.ensureOpen();
        matters.closeRound(meeting.matterId());
        audit(id, "close-consultation", null, null, null);
        List<String> warnings = ItemConsensus.of(meeting, matters.get(meeting.matterId())).stream()
                .filter(ItemConsensus::importantDivergence)
                .map(item -> text(
                        "meetings.notice.warning",
                        item.item().number(),
                        item.item().title(),
                        item.dissentNames(text("meetings.important"))))
                .toList();
        if (!warnings.isEmpty()) {
            // The chair and the organiser hear of important departments' disagreement before the meeting.
            notifications.send(Notice.of(
                    Set.of(meeting.chairPersonId(), meeting.organiserPersonId()),
                    "meetings.divergence",
                    text("meetings.notice.divergence", meeting.title()),
                    String.join("\n", warnings),
                    "/meetings/" + id + "/brief"));
        }
    }

    @Transactional
    void requestCooperation(
            long id, long sectionUnitId, CooperationKind kind, String detail, @Nullable LocalDate deadline) {
        Meeting meeting = organised(id);
        meeting.ensureOpen();
        UnitSummary section = directory
                .unit(sectionUnitId)
                .filter(unit -> sections().contains(unit))
                .orElseThrow(() -> new InputRejected("meetings.field.section"));
        LocalDate meetingDay = calendar.dateOf(meeting.startsAt());
        LocalDate due = deadline != null ? deadline : calendar.addWorkingDays(meetingDay, -1);
        if (!due.isBefore(meetingDay)) {
            throw new MeetingRefused.DeadlineAfterMeeting();
        }
        String clean = required(detail, "meetings.field.detail", 1000);
        Instant now = Instant.now();
        long cooperationId = store.insertCooperation(id, section.id(), kind, clean, due, username(), now);
        String title = text("meetings.cooperation.task", meeting.title(), text(kind.messageKey()), clean);
        long taskId = supervision.open(
                new TaskRequest(SourceKind.COOPERATION, cooperationId, title, section.id(), Set.of(), due));
        store.setCooperationTask(cooperationId, taskId);
        List<Long> staff =
                directory.people(section.id()).stream().map(PersonSummary::id).toList();
        if (!staff.isEmpty()) {
            notifications.send(Notice.of(
                    staff,
                    "meetings.cooperation",
                    text("meetings.notice.cooperation", meeting.title(), text(kind.messageKey())),
                    clean + "\n" + text("meetings.notice.cooperationDue", due.toString()),
                    "/tasks/" + taskId));
        }
        audit(id, "request-cooperation", section.id(), null, kind + " " + clean + "; task=" + taskId + "; due=" + due);
    }

    /** The office's sections that take cooperation requests (the office's own internal units). */
    List<UnitSummary> sections() {
        Long office = directory.unitByCode("SZFB").map(UnitSummary::id).orElse(null);
        if (office == null) {
            return List.of();
        }
        return directory.activeUnits().stream()
                .filter(unit -> office.equals(unit.parentId()))
                .toList();
    }

    // ---- notice and receipts

    @Transactional
    void sendNotice(long id) {
        Meeting meeting = organised(id);
        meeting.ensureNoticeReady();
        Instant now = Instant.now();
        boolean again = meeting.noticeSent();
        store.noticeSent(id, now);
        Meeting sent = store.load(id).orElseThrow();
        String title = text(again ? "meetings.notice.resent" : "meetings.notice.sent", meeting.title());
        String body = text(
                "meetings.notice.sentBody",
                when(sent),
                sent.place(),
                deadline(sent),
                sent.contactName() + " " + sent.contactPhone());
        notifyLiaisons(sent, sent.unitIds(), "meetings.notice", title, body, "/meetings/" + id);
        reminders.schedule(sent);
        audit(
                id,
                again ? "resend-notice" : "send-notice",
                null,
                meeting.status().name(),
                MeetingStatus.NOTIFIED.name());
    }

    /** A liaison answers for their own unit: who attends, or why the unit declines. Answering again replaces it. */
    @Transactional
    void answer(
            long id,
            boolean attending,
            @Nullable Long personId,
            @Nullable String name,
            @Nullable String position,
            @Nullable String phone,
            @Nullable AttendanceLevel level,
            @Nullable String reason) {
        DataScope scope = scope();
        if (scope.kind() != DataScope.Kind.UNIT || scope.unitIds().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        long unitId = scope.unitIds().iterator().next();
        store.lock(id);
        Meeting meeting = visible(id);
        AttendingUnit unit = meeting.unit(unitId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        meeting.ensureNoticeSent();
        Instant now = Instant.now();
        String token = token();
        if (!attending) {
            String why = required(reason, "meetings.field.declineReason", 1000);
            store.saveReceipt(id, unitId, false, null, null, null, null, null, why, false, username(), now, token);
            audit(id, "decline", unitId, null, why);
            notifyOrganiser(meeting, text("meetings.notice.declined", unit.unitName(), meeting.title()), why);
            return;
        }
        String attendee;
        String attendeePosition;
        String attendeePhone;
        if (personId != null) {
            PersonSummary person = directory
                    .person(personId)
                    .filter(p -> p.unitId() == unitId)
                    .orElseThrow(() -> new InputRejected("meetings.field.attendee"));
            attendee = person.name();
            attendeePosition = position == null || position.isBlank()
                    ? Optional.ofNullable(person.position()).orElse("")
                    : optional(position, 100);
            attendeePhone = phone == null || phone.isBlank()
                    ? Optional.ofNullable(person.mobile())
                            .orElse(Optional.ofNullable(person.phone()).orElse(""))
                    : optional(phone, 50);
        } else {
            attendee = required(name, "meetings.field.attendee", 50);
            attendeePosition = required(position, "meetings.field.position", 100);
            attendeePhone = required(phone, "meetings.field.phone", 50);
        }
        if (level == null) {
            throw new InputRejected("meetings.field.level");
        }
        boolean substitute = level.substitutesFor(unit.level());
        store.saveReceipt(
                id,
                unitId,
                true,
                attendee,
                attendeePosition,
                attendeePhone,
                personId,
                level,
                null,
                substitute,
                username(),
                now,
                token);
        audit(
                id,
                "answer",
                unitId,
                null,
                attendee + " " + attendeePosition + " " + level + (substitute ? " substitute" : ""));
        if (substitute) {
            notifyOrganiser(
                    meeting,
                    text("meetings.notice.substitute", unit.unitName(), meeting.title()),
                    text(
                            "meetings.notice.substituteBody",
                            attendee,
                            attendeePosition,
                            text(level.messageKey()),
                            text(unit.level().messageKey())));
        } else {
            live(meeting);
        }
    }

    /** The organiser accepts or refuses a substitute; the unit's liaisons are told. */
    @Transactional
    void decideSubstitute(long id, long unitId, boolean accept) {
        Meeting meeting = organised(id);
        Receipt receipt = meeting.substituteWaiting(unitId);
        store.decideSubstitute(receipt.id(), accept ? Receipt.ACCEPTED : Receipt.REFUSED);
        audit(id, accept ? "accept-substitute" : "refuse-substitute", unitId, null, receipt.attendeeName());
        String unitName = meeting.unit(unitId).map(AttendingUnit::unitName).orElse("");
        notifyLiaisons(
                meeting,
                List.of(unitId),
                "meetings.substitute",
                text(
                        accept ? "meetings.notice.substituteAccepted" : "meetings.notice.substituteRefused",
                        meeting.title()),
                unitName + " " + receipt.attendeeName(),
                "/meetings/" + id);
        live(meeting);
    }

    /** Sign-in by the organiser or any office staff from the list. */
    @Transactional
    void signIn(long id, long receiptId) {
        DataScope scope = scope();
        if (scope.kind() != DataScope.Kind.OFFICE) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        store.lock(id);
        Meeting meeting = visible(id);
        Receipt receipt = meeting.receipts().stream()
                .filter(r -> r.id() == receiptId)
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        meeting.ensureCanSignIn(receipt);
        store.signIn(receipt.id(), username(), Instant.now());
        audit(id, "sign-in", receipt.unitId(), null, receipt.attendeeName() + " by " + username());
        live(meeting);
    }

    /** The receipt a sign-in code stands for, if the signed-in person may confirm it: office staff or the attendee. */
    @Transactional(readOnly = true)
    Receipt byToken(long id, String token) {
        Meeting meeting = store.load(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Receipt receipt = meeting.receipts().stream()
                .filter(r -> r.token().equals(token))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        DataScope scope = scope();
        boolean attendee = scope.personId() != null && scope.personId().equals(receipt.attendeePersonId());
        if (scope.kind() != DataScope.Kind.OFFICE && !attendee) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return receipt;
    }

    @Transactional
    void signInByToken(long id, String token) {
        store.lock(id);
        Receipt receipt = byToken(id, token);
        Meeting meeting = store.load(id).orElseThrow();
        meeting.ensureCanSignIn(receipt);
        store.signIn(receipt.id(), username(), Instant.now());
        audit(id, "sign-in", receipt.unitId(), null, receipt.attendeeName() + " by code, confirmed by " + username());
        live(meeting);
    }

    // ---- after the meeting

    @Transactional
    void recordOutcome(long id, long itemId, String outcome) {
        Meeting meeting = organised(id);
        meeting.ensureHeld(Instant.now());
        meeting.item(itemId).orElseThrow(() -> new InputRejected("meetings.field.item"));
        String clean = required(outcome, "meetings.field.outcome", 4000);
        store.setOutcome(itemId, clean);
        audit(id, "record-outcome", null, null, "item=" + itemId + ": " + clean);
    }

    @Transactional
    void addDecision(long id, long itemId, DecisionInput input) {
        Meeting meeting = organised(id);
        meeting.ensureHeld(Instant.now());
        meeting.item(itemId).orElseThrow(() -> new InputRejected("meetings.field.item"));
        String clean = required(input.text(), "meetings.field.decision", 2000);
        Long lead = input.leadUnitId();
        if (lead != null && directory.unit(lead).isEmpty()) {
            throw new InputRejected("meetings.field.leadUnit");
        }
        List<Long> cooperating = input.cooperatingUnitIds().stream()
                .filter(unit -> !unit.equals(lead))
                .distinct()
                .toList();
        for (Long unit : cooperating) {
            if (directory.unit(unit).isEmpty()) {
                throw new InputRejected("meetings.field.cooperatingUnits");
            }
        }
        store.insertDecision(id, itemId, clean, lead, cooperating, input.deadline());
        audit(id, "add-decision", lead, null, clean + "; deadline=" + input.deadline());
    }

    /**
     * The organiser concludes the meeting and says whether minutes are wanted. {@link MeetingConcluded} is
     * published either way; without minutes, the decisions are adopted as measures of the matter at once.
     */
    @Transactional
    void conclude(long id, boolean minutesWanted) {
        Meeting meeting = organised(id);
        Instant now = Instant.now();
        meeting.ensureHeld(now);
        Matter matter = matters.get(meeting.matterId());
        if (matter.openRound().isPresent()) {
            throw new MeetingRefused.ConsultationStillOpen();
        }
        if (!minutesWanted && !meeting.decisions().isEmpty()) {
            matter.points().stream()
                    .filter(point -> !point.status().settled())
                    .findFirst()
                    .ifPresent(point -> {
                        throw new MeetingRefused.PointStillDivided(point.text());
                    });
            for (Decision decision : meeting.decisions()) {
                if (decision.leadUnitId() == null || decision.deadline() == null) {
                    throw new MeetingRefused.DecisionIncomplete(decision.text());
                }
            }
        }
        store.conclude(id, minutesWanted, now);
        if (!minutesWanted && !meeting.decisions().isEmpty()) {
            adoptAsMeasures(meeting, matter);
        }
        events.publishEvent(concluded(meeting, minutesWanted));
        audit(
                id,
                "conclude",
                null,
                meeting.status().name(),
                MeetingStatus.CONCLUDED.name() + "; minutes=" + minutesWanted + "; decisions="
                        + meeting.decisions().size());
    }

    private void adoptAsMeasures(Meeting meeting, Matter matter) {
        Set<Long> parties = new LinkedHashSet<>(matter.partyUnitIds());
        for (Decision decision : meeting.decisions()) {
            List<Long> units = new ArrayList<>();
            units.add(decision.leadUnitId());
            units.addAll(decision.cooperatingUnitIds());
            for (Long unit : units) {
                if (parties.add(unit)) {
                    matters.addParty(meeting.matterId(), unit, null, PartyRole.COOPERATING);
                }
            }
            long measureId = matters.addMeasure(
                    meeting.matterId(),
                    decision.text(),
                    decision.leadUnitId(),
                    decision.cooperatingUnitIds(),
                    decision.deadline());
            store.setMeasure(decision.id(), measureId);
        }
        matters.adoptMeasures(meeting.matterId());
    }

    private MeetingConcluded concluded(Meeting meeting, boolean minutesWanted) {
        List<String> present = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        List<String> observers = new ArrayList<>();
        for (AttendingUnit unit : meeting.units()) {
            Optional<Receipt> receipt = meeting.receipt(unit.unitId());
            String person = receipt.filter(Receipt::attending)
                    .map(r -> unit.unitName() + " " + r.attendeeName() + " "
                            + Optional.ofNullable(r.attendeePosition()).orElse(""))
                    .orElse(unit.unitName())
                    .strip();
            boolean there = receipt.map(Receipt::signedIn).orElse(false)
                    || (receipt.map(Receipt::expected).orElse(false)
                            && meeting.receipts().stream().noneMatch(Receipt::signedIn));
            if (!there) {
                absent.add(person);
            } else if (unit.observer()) {
                observers.add(person);
            } else {
                present.add(person);
            }
        }
        List<MeetingConcluded.Item> items = meeting.items().stream()
                .map(item -> new MeetingConcluded.Item(
                        item.number(),
                        item.title(),
                        item.outcome() == null ? "" : item.outcome(),
                        meeting.decisions(item.id()).stream()
                                .map(decision -> new MeetingConcluded.Decision(
                                        decision.text(),
                                        decision.leadUnitId(),
                                        decision.cooperatingUnitIds(),
                                        decision.deadline()))
                                .toList()))
                .toList();
        return new MeetingConcluded(
                meeting.id(),
                meeting.matterId(),
                meeting.title(),
                text(meeting.kind().messageKey()),
                meeting.chairPersonId(),
                meeting.organiserPersonId(),
                LocalDateTime.ofInstant(meeting.startsAt(), calendar.zone()),
                meeting.place(),
                present,
                absent,
                observers,
                items,
                minutesWanted);
    }

    @Transactional
    void cancel(long id, String reason) {
        Meeting meeting = organised(id);
        meeting.ensureOpen();
        String why = required(reason, "meetings.field.cancelReason", 500);
        store.cancel(id, why);
        audit(id, "cancel", null, meeting.status().name(), MeetingStatus.CANCELLED.name() + ": " + why);
        if (meeting.noticeSent()) {
            notifyLiaisons(
                    meeting,
                    meeting.unitIds(),
                    "meetings.notice",
                    text("meetings.notice.cancelled", meeting.title()),
                    why,
                    "/meetings/" + id);
        }
    }

    // ---- rules and helpers

    private record Slot(Instant start, Instant end, Instant deadline) {}

    private Slot slot(
            @Nullable LocalDate date,
            @Nullable LocalTime start,
            @Nullable LocalTime end,
            @Nullable LocalDateTime receiptDeadline) {
        if (date == null) {
            throw new InputRejected("meetings.field.date");
        }
        if (start == null) {
            throw new InputRejected("meetings.field.start");
        }
        if (end == null || !end.isAfter(start)) {
            throw new InputRejected("meetings.field.end");
        }
        Instant from = date.atTime(start).atZone(calendar.zone()).toInstant();
        Instant to = date.atTime(end).atZone(calendar.zone()).toInstant();
        Instant deadline = receiptDeadline != null
                ? receiptDeadline.atZone(calendar.zone()).toInstant()
                : calendar.endOfOfficeHours(calendar.addWorkingDays(date, -1));
        if (!deadline.isBefore(from)) {
            throw new InputRejected("meetings.field.receiptDeadline");
        }
        return new Slot(from, to, deadline);
    }

    private List<Conflicts.Conflict> check(
            long meetingId,
            Instant start,
            Instant end,
            long chairId,
            @Nullable Long roomId,
            int seats,
            Map<Long, String> people) {
        Room room = roomId == null ? null : store.room(roomId).orElse(null);
        return Conflicts.check(
                new Conflicts.Slot(meetingId, start, end, chairId, personName(chairId), room, seats, people),
                store.bookingsOverlapping(start, end, meetingId),
                calendar.isWorkingDay(calendar.dateOf(start)));
    }

    private static void refuseBlocking(List<Conflicts.Conflict> conflicts) {
        List<Conflicts.Conflict> blocking =
                conflicts.stream().filter(Conflicts.Conflict::blocking).toList();
        if (!blocking.isEmpty()) {
            throw new MeetingRefused.Conflicting(blocking);
        }
    }

    private Map<Long, String> people(Meeting meeting) {
        Map<Long, String> people = new java.util.HashMap<>();
        for (Long person : MeetingStore.expectedPeople(meeting)) {
            people.put(person, personName(person));
        }
        return people;
    }

    private String personName(long personId) {
        return directory.person(personId).map(PersonSummary::name).orElse("?");
    }

    private PersonSummary leader(long personId) {
        return directory.leaders().stream()
                .filter(person -> person.id() == personId)
                .findFirst()
                .orElseThrow(() -> new InputRejected("meetings.field.chair"));
    }

    private Meeting visible(long id) {
        DataScope scope = scope();
        Meeting meeting = store.load(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!sees(scope, meeting)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return meeting;
    }

    static boolean sees(DataScope scope, Meeting meeting) {
        boolean chairs = scope.kind() == DataScope.Kind.LEADER
                && Long.valueOf(meeting.chairPersonId()).equals(scope.personId());
        return chairs
                || scope.kind() == DataScope.Kind.OFFICE
                || meeting.unitIds().stream().anyMatch(scope::coversUnit);
    }

    /** The meeting for an organiser's step: locked, visible, and the signed-in person organises it. */
    private Meeting organised(long id) {
        store.lock(id);
        Meeting meeting = visible(id);
        meeting.ensureOrganiser(scope().kind() == DataScope.Kind.OFFICE ? scope().personId() : null);
        return meeting;
    }

    private static @Nullable Collection<Long> unitsOf(DataScope scope) {
        return scope.kind() == DataScope.Kind.OFFICE ? null : scope.unitIds();
    }

    private static @Nullable Long personOf(DataScope scope) {
        return scope.kind() == DataScope.Kind.LEADER ? scope.personId() : null;
    }

    /** A change to what the notice says: the next invitation carries a higher SEQUENCE. */
    private void changed(Meeting meeting) {
        if (meeting.noticeSent()) {
            store.bumpSequence(meeting.id());
        }
    }

    String when(Meeting meeting) {
        ZonedDateTime start = meeting.startsAt().atZone(calendar.zone());
        ZonedDateTime end = meeting.endsAt().atZone(calendar.zone());
        return text(
                "meetings.format.when",
                String.valueOf(start.getYear()),
                String.valueOf(start.getMonthValue()),
                String.valueOf(start.getDayOfMonth()),
                text("meetings.weekday." + start.getDayOfWeek().getValue()),
                String.format("%02d:%02d", start.getHour(), start.getMinute()),
                String.format("%02d:%02d", end.getHour(), end.getMinute()));
    }

    String deadline(Meeting meeting) {
        ZonedDateTime at = meeting.receiptDeadline().atZone(calendar.zone());
        return text(
                "meetings.format.deadline",
                String.valueOf(at.getMonthValue()),
                String.valueOf(at.getDayOfMonth()),
                String.format("%02d:%02d", at.getHour(), at.getMinute()));
    }

    private void notifyLiaisons(
            Meeting meeting, Collection<Long> unitIds, String kind, String title, String body, String link) {
        List<Long> recipients = unitIds.stream()
                .flatMap(unit -> directory.liaisons(unit).stream())
                .map(PersonSummary::id)
                .distinct()
                .toList();
        if (!recipients.isEmpty()) {
            notifications.send(
                    meeting.urgent()
                            ? Notice.urgent(recipients, kind, title, body, link)
                            : Notice.of(recipients, kind, title, body, link));
        }
    }

    private void notifyOrganiser(Meeting meeting, String title, String body) {
        notifications.send(Notice.of(
                Set.of(meeting.organiserPersonId()), "meetings.receipt", title, body, "/meetings/" + meeting.id()));
        live(meeting);
    }

    private void live(Meeting meeting) {
        notifications.publishLive(LIVE_TOPIC, Map.of("meetingId", meeting.id()), Set.of(meeting.organiserPersonId()));
    }

    private void audit(long id, String action, @Nullable Long unitId, @Nullable String before, @Nullable String after) {
        events.publishEvent(Audited.now(MODULE, "meeting", String.valueOf(id), action, unitId, before, after));
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String username() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }

    String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, CHINESE);
    }

    private static String required(@Nullable String value, String field, int max) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw new InputRejected(field);
        }
        return value.strip();
    }

    private static String optional(@Nullable String value, int max) {
        String clean = value == null ? "" : value.strip();
        return clean.length() <= max ? clean : clean.substring(0, max);
    }

    static String names(Collection<String> names) {
        return names.stream().collect(Collectors.joining("、"));
    }
}
